// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the tests feed literal ${VAR} placeholders to the scanner
import { describe, expect, it } from "vitest";
import { detectLine, fileTraits } from "../../src/secrets/detect.js";
import { PROVIDER_FORMATS } from "../../src/secrets/providers.js";
import { BEGIN, FAKE, makeJwt } from "./fixtures.js";

const kinds = (line: string, path: string, next?: string) =>
  detectLine(line, fileTraits(path), next).map((d) => d.kind);

describe("provider formats", () => {
  const positives: [string, string, string][] = [
    ["github-token", "scripts/release.sh", `export GH_TOKEN=${FAKE.githubPat}`],
    ["github-token", "src/app.py", `gh = Github("${FAKE.githubInstallation}")`],
    ["npm-token", ".npmrc", `//registry.npmjs.org/:_authToken=${FAKE.npm}`],
    ["aws-access-key", "src/s3.js", `const id = "${FAKE.awsKeyId}";`],
    ["gitlab-token", "ci/mirror.sh", `git remote add mirror https://oauth2:${FAKE.gitlab}@gitlab.example.org/x.git`],
    ["slack-token", "bot/app.ts", `const app = new App({ token: "${FAKE.slackBot}" });`],
    ["slack-webhook", "alerts.tf", `  url = "${FAKE.slackWebhook}"`],
    ["stripe-key", "billing/stripe.go", `stripe.Key = "${FAKE.stripeLive}"`],
    ["google-api-key", "web/maps.js", `loader({ key: "${FAKE.googleApiKey}" })`],
    [
      "azure-storage-key",
      "appsettings.json",
      `"Blob": "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=${FAKE.azureAccountKey};EndpointSuffix=core.windows.net"`,
    ],
    ["openai-key", "agent.py", `openai.api_key = "${FAKE.openai}"`],
    ["anthropic-key", "llm.ts", `const client = new Anthropic({ apiKey: "${FAKE.anthropic}" });`],
    ["huggingface-token", "train.ipynb", `"HfApi(token='${FAKE.huggingface}')"`],
    ["pypi-token", ".github/workflows/release.yml", `          password: ${FAKE.pypi}`],
    ["twilio-key", "sms.rb", `client = Twilio::REST::Client.new("${FAKE.twilioKey}", secret)`],
    ["sendgrid-key", "mail.js", `sgMail.setApiKey("${FAKE.sendgrid}");`],
    ["mailgun-key", "mail.php", `$mg = Mailgun::create('${FAKE.mailgun}');`],
    ["shopify-token", "shop.ts", `const session = { accessToken: "${FAKE.shopify}" };`],
  ];
  it.each(positives)("finds %s in %s", (kind, path, line) => {
    expect(kinds(line, path)).toContain(kind);
  });

  it("keeps a token whose checksum does not verify, one step lower", () => {
    const [d] = detectLine(`token = "${FAKE.githubPatBadChecksum}"`, fileTraits("a.py"));
    expect(d?.kind).toBe("github-token");
    expect(d?.severity).toBe("high");
    expect(d?.checksumValid).toBe(false);
    const [ok] = detectLine(`token = "${FAKE.githubPat}"`, fileTraits("a.py"));
    expect(ok?.severity).toBe("critical");
    expect(ok?.checksumValid).toBe(true);
  });

  const negatives: [string, string][] = [
    ["src/re.ts", "const NPM_RE = /npm_[A-Za-z0-9]{36}/;"],
    ["README.md", "Set `SLACK_TOKEN` to your `xoxb-...` bot token."],
    [".env.example", "GITHUB_TOKEN=ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"],
    [".env.example", "STRIPE_KEY=sk_live_your_key_here_0000000000"],
    ["docs/aws.md", "aws_access_key_id = AKIAI44QH8DHBEXAMPLE"],
    ["web/index.html", '<script>Stripe("pk_live_51HbQ2aLkP0sD8vW1mN4tR7yU6iO5")</script>'],
    ["src/ids.ts", "const uuid = '3f2b8c1e-9d4a-4b7e-8f6a-2c1d0e9b8a7f';"],
  ];
  it.each(negatives)("ignores %s: %s", (path, line) => {
    expect(kinds(line, path)).toEqual([]);
  });
});

describe("provider hints", () => {
  it("every match of a format holds its hint (a format only runs where its hint was found)", () => {
    let matches = 0;
    for (const value of Object.values(FAKE))
      for (const format of PROVIDER_FORMATS)
        for (const m of value.matchAll(new RegExp(format.re.source, "g"))) {
          matches++;
          expect(new RegExp(format.hint).test(m[0]), `${format.kind} in ${m[0].slice(0, 12)}…`).toBe(true);
        }
    expect(matches).toBeGreaterThan(15);
  });
});

describe("generic secrets", () => {
  const positives: [string, string][] = [
    ["config/prod.yaml", `  db_password: ${FAKE.password}`],
    [".env", `SESSION_SECRET=${FAKE.password2}`],
    ["settings.py", `API_KEY = "${FAKE.password2}"`],
    ["main.tf", `  master_password = "${FAKE.password}"`],
    ["config.toml", `token = "${FAKE.hexToken}"`],
    ["app.properties", `mail.smtp.password=${FAKE.password}`],
    ["src/client.go", `if token == "${FAKE.password2}" {`],
    ["deploy.sh", `mysql --password=${FAKE.password2} -h db.internal`],
  ];
  it.each(positives)("finds the value in %s", (path, line) => {
    expect(kinds(line, path)).toContain("generic-secret");
  });

  it("reads Dockerfile ENV in both forms", () => {
    expect(kinds(`ENV DB_PASSWORD=${FAKE.password2}`, "Dockerfile")).toEqual(["generic-secret"]);
    expect(kinds(`ENV DB_PASSWORD ${FAKE.password2}`, "docker/api.Dockerfile")).toEqual(["generic-secret"]);
  });

  it("names AWS secret access keys under their canonical names", () => {
    expect(kinds(`aws_secret_access_key = ${FAKE.awsSecret}`, ".aws/credentials")).toEqual(["aws-secret-key"]);
  });

  const negatives: [string, string][] = [
    ["config/app.yaml", "  password: ${DB_PASSWORD}"],
    ["config/app.yaml", "  password: '{{ .Values.password }}'"],
    ["src/config.ts", "const apiKey = process.env.API_KEY ?? '';"],
    ["src/config.py", "SECRET_KEY = os.environ.get('SECRET_KEY')"],
    ["config/app.rb", "config.token = ENV['TOKEN']"],
    [".github/workflows/ci.yml", "          token: ${{ secrets.GITHUB_TOKEN }}"],
    ["values.yaml", "  password: vault:secret/data/db#password"],
    [".env.example", "API_TOKEN=your-api-token-here"],
    [".env.example", "DB_PASSWORD=<db password>"],
    ["src/login.tsx", '<TextField label="Password" type="password" autoComplete="current-password" />'],
    ["src/login.test.ts", "it('shows an error when the password is too short', () => {"],
    ["src/i18n/fr.json", '  "reset_password": "Réinitialiser le mot de passe",'],
    ["src/auth.ts", "const passwordField = form.querySelector('#password');"],
    ["src/types.ts", "  apiToken?: string;"],
    ["src/crypto.ts", "const tokenBytes = crypto.randomBytes(32).toString('hex');"],
    ["config/app.yaml", "  token_ttl: 3600"],
    ["config/app.yaml", "  password_reset_url: https://acme.io/reset"],
    ["src/keys.ts", "const cacheKey = `user:${id}:profile`;"],
    ["src/react.tsx", '<Item key="sidebar-navigation-item" />'],
    ["src/storage.ts", 'localStorage.setItem("authToken", token);'],
    ["config/app.yaml", "  secret_name: payments-api-credentials"],
    ["docs/setup.md", "Then run `export API_KEY=...` before starting."],
    ["src/hash.go", 'const emptySha = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"'],
  ];
  it.each(negatives)("ignores %s: %s", (path, line) => {
    expect(kinds(line, path)).toEqual([]);
  });
});

describe("private keys", () => {
  it("reports a header in a key file, and a header followed by key material in code", () => {
    expect(kinds(BEGIN("RSA "), "deploy/id_rsa")).toEqual(["private-key"]);
    expect(kinds(`const KEY = \`${BEGIN("")}`, "src/sign.ts", FAKE.pemLine1)).toEqual(["private-key"]);
    expect(kinds(`"key": "${BEGIN("EC ")}\\n${FAKE.pemLine1}\\n"`, "creds.json")).toEqual(["private-key"]);
  });

  it("names service-account JSON keys", () => {
    expect(kinds(`  "private_key": "${BEGIN("")}\\n${FAKE.pemLine1}${FAKE.pemLine2}\\n",`, "sa.json")).toEqual([
      "gcp-service-account",
    ]);
  });

  it("lowers encrypted keys to high", () => {
    const [d] = detectLine(BEGIN("ENCRYPTED "), fileTraits("keys/signing.pem"));
    expect(d?.severity).toBe("high");
  });

  it("ignores parsers, docs and truncated examples", () => {
    expect(kinds(`if (pem.startsWith("${BEGIN("RSA ")}")) {`, "src/pem.ts")).toEqual([]);
    expect(kinds(`Keys start with \`${BEGIN("")}\`.`, "docs/keys.md")).toEqual([]);
    expect(kinds(`privateKey: "${BEGIN("")}\\n...",`, "config/app.yaml")).toEqual([]);
    expect(kinds("-----BEGIN PUBLIC KEY-----", "keys/pub.pem")).toEqual([]);
  });
});

describe("JWTs", () => {
  it("reports a signed token and says when it expires", () => {
    const jwt = makeJwt({ sub: "svc-billing", scope: "admin", exp: 4102444800 });
    const [d] = detectLine(`Authorization: Bearer ${jwt}`, fileTraits("scripts/call.sh"));
    expect(d?.kind).toBe("jwt");
    expect(d?.severity).toBe("high");
    expect(d?.detail).toContain("2100-01-01");
  });

  it("lowers expired tokens and ignores unsigned tokens and the jwt.io sample", () => {
    const expired = makeJwt({ sub: "u1", exp: 1500000000 });
    expect(detectLine(`t = "${expired}"`, fileTraits("a.py"))[0]?.severity).toBe("medium");
    expect(kinds(`t = "${makeJwt({ sub: "u1" }, "none", "")}"`, "a.py")).toEqual([]);
    const sample = makeJwt({ sub: "1234567890", name: "John Doe", iat: 1516239022 });
    expect(kinds(`const sample = '${sample}';`, "src/jwt.ts")).toEqual([]);
  });
});

describe("credentials in URLs and headers", () => {
  it("reports URLs with a real-looking password", () => {
    expect(kinds(`DATABASE_URL=postgresql://app:${FAKE.password2}@db.prod.internal:5432/app`, ".env")).toEqual([
      "credentialed-url",
    ]);
    expect(kinds(`broker = "amqp://svc:${FAKE.password2}@mq.internal/"`, "celery.py")).toEqual(["credentialed-url"]);
    expect(kinds(`curl -H "Authorization: Basic ${FAKE.basicAuth}" https://ci.internal`, "run.sh")).toEqual([
      "http-basic-auth",
    ]);
  });

  it("ignores templates, local defaults and documentation hosts", () => {
    expect(kinds("url: postgres://${PGUSER}:${PGPASSWORD}@db:5432/app", "compose.yaml")).toEqual([]);
    expect(kinds("redis://:redis@localhost:6379", ".env")).toEqual([]);
    expect(kinds("amqp://guest:guest@rabbitmq:5672/", ".env")).toEqual([]);
    expect(kinds("https://user:password@example.com/path", "src/url.test.ts")).toEqual([]);
    expect(kinds("mysql://root:<password>@prod-db:3306/app", "docs/db.md")).toEqual([]);
  });
});

describe("long lines", () => {
  it("scans minified lines in windows and still finds a token deep inside", () => {
    const filler = "a=1;".repeat(3000);
    const line = `${filler}var t="${FAKE.githubPat}";${filler}`;
    const found = detectLine(line, fileTraits("dist/app.min.js"));
    expect(found.map((d) => d.kind)).toEqual(["github-token"]);
    expect(line.slice(found[0]!.start, found[0]!.end)).toBe(FAKE.githubPat);
  });
});
