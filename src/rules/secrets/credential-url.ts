import { pieces, secretGroupRule } from "../secret-group.js";

export const credentialUrlRule = secretGroupRule({
  id: "secrets/credential-url",
  category: "secrets",
  description:
    "A URL with an embedded password (postgres://user:pass@host, https://user:token@host) or an HTTP Basic header with credentials.",
  severity: "high",
  remediation:
    "Change the password on the server, remove it from the git history, and build the URL at runtime from a secret (e.g. DATABASE_URL from the environment).",
  docs: {
    severity: "critical for random passwords on real hosts, else high",
    detects: "`scheme://user:password@host` and `Authorization: Basic base64(user:pass)`",
  },
  group: "credential-url",
  says: "Credentials embedded in the text:",
  samples: {
    path: "src/db.ts",
    match: [pieces('const url = "postgres://billing:', "VB8iY4qw2oF5", 'WJKBQx4BOu@db.internal:5432/billing";')],
    noMatch: [
      'const url = "postgres://billing@db.internal:5432/billing";',
      pieces('const url = "postgres://user:$', '{DB_PASSWORD}@db/app";'),
    ],
  },
});
