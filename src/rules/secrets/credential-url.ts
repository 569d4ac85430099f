import { pieces, secretGroupRule } from "../secret-group.js";

export const credentialUrlRule = secretGroupRule({
  id: "secrets/credential-url",
  category: "secrets",
  description:
    "A URL or connection string with an embedded password (postgres://user:pass@host, user:pass@tcp(host)/db), a password on a curl/wget command line, or an HTTP Basic header with credentials.",
  severity: "high",
  remediation:
    "Change the password on the server, remove it from the git history, and build the URL at runtime from a secret (e.g. DATABASE_URL from the environment).",
  docs: {
    severity: "critical for random passwords on real hosts, else high",
    detects:
      "`scheme://user:password@host`, connection strings without a scheme (`user:password@tcp(host)/db`, `user:password@host:5432/db`), `curl -u user:password` / `--user`, `wget --password=`, and `Authorization: Basic base64(user:pass)`. Not reported: references (`$VAR`, `${{ secrets.X }}`), default or placeholder passwords, and typed passwords on loopback or single-label (compose service) hosts",
  },
  group: "credential-url",
  says: "Credentials embedded in the text:",
  samples: {
    path: "src/db.ts",
    match: [
      pieces('const url = "postgres://billing:', "VB8iY4qw2oF5", 'WJKBQx4BOu@db.internal:5432/billing";'),
      pieces('const dsn = "billing:', "VB8iY4qw2oF5", 'WJKBQx4BOu@tcp(db.internal:3306)/billing";'),
      pieces("// curl -u deploy:", "VB8iY4qw2oF5WJKBQx4BOu", " https://nexus.acme.io/upload"),
    ],
    noMatch: [
      'const url = "postgres://billing@db.internal:5432/billing";',
      pieces('const url = "postgres://user:$', '{DB_PASSWORD}@db/app";'),
      'dsn := fmt.Sprintf("%s:%s@tcp(%s)/%s", user, pass, host, name)',
      'curl -u "$API_USER:$API_PASSWORD" https://api.internal.acme.io',
    ],
  },
});
