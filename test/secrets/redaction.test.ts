import { describe, expect, it } from "vitest";
import { formatJson, formatMarkdown, formatSarif, formatText } from "../../src/format/index.js";
import { redactSecrets } from "../../src/secrets/redact.js";
import type { Report } from "../../src/types.js";
import { addedFile, modifiedFile, scan } from "../support/diff.js";
import { BEGIN, END, FAKE, makeJwt } from "./fixtures.js";

/**
 * Redaction everywhere: the whole engine runs over a PR that adds raw secrets in many places (some
 * of which other categories also look at: workflows, Terraform, manifests, production config), and
 * no output may contain any of the raw values.
 */
const JWT = makeJwt({ sub: "svc-orders", scope: "admin", exp: 4102444800 }, "RS256");
const RAW = [
  FAKE.githubPat,
  FAKE.npm,
  FAKE.awsKeyId,
  FAKE.awsSecret,
  FAKE.stripeLive,
  FAKE.slackBot,
  FAKE.openai,
  FAKE.anthropic,
  FAKE.password,
  FAKE.password2,
  FAKE.hexToken,
  FAKE.k8sData,
  FAKE.basicAuth,
  FAKE.pemLine1,
  FAKE.pemLine2,
  JWT,
];

const DIFF = [
  addedFile(".github/workflows/release.yml", [
    "name: release",
    "on: push",
    "jobs:",
    "  publish:",
    "    runs-on: ubuntu-latest",
    "    env:",
    `      NODE_AUTH_TOKEN: ${FAKE.npm}`,
    `      GH_TOKEN: ${FAKE.githubPat}`,
    "    steps:",
    `      - run: curl -H "Authorization: Basic ${FAKE.basicAuth}" https://ci.internal/hook`,
  ]),
  addedFile("infra/prod/main.tf", [
    'resource "aws_db_instance" "orders" {',
    '  engine   = "postgres"',
    `  password = "${FAKE.password}"`,
    "}",
    'provider "aws" {',
    `  access_key = "${FAKE.awsKeyId}"`,
    `  secret_key = "${FAKE.awsSecret}"`,
    "}",
  ]),
  addedFile("k8s/production/secret.yaml", [
    "apiVersion: v1",
    "kind: Secret",
    "metadata:",
    "  name: orders",
    "  namespace: production",
    "data:",
    `  DB_PASSWORD: ${FAKE.k8sData}`,
  ]),
  addedFile(".env.production", [
    `STRIPE_SECRET_KEY=${FAKE.stripeLive}`,
    `DATABASE_URL=postgres://orders:${FAKE.password2}@orders-db.internal:5432/orders`,
    `SESSION_SECRET=${FAKE.hexToken}`,
  ]),
  addedFile("src/clients.ts", [
    `export const slack = new WebClient("${FAKE.slackBot}");`,
    `export const openai = new OpenAI({ apiKey: "${FAKE.openai}" });`,
    `export const anthropic = new Anthropic({ apiKey: "${FAKE.anthropic}" });`,
    `export const serviceToken = "${JWT}";`,
  ]),
  addedFile("deploy/id_rsa", [BEGIN("RSA "), FAKE.pemLine1, FAKE.pemLine2, END("RSA ")]),
  addedFile("package.json", [
    "{",
    '  "name": "orders",',
    '  "dependencies": {',
    `    "internal-lib": "git+https://ci-bot:${FAKE.githubPat}@github.com/acme/internal-lib.git"`,
    "  }",
    "}",
  ]),
].join("");

const PR = {
  number: 7,
  title: "Add release pipeline",
  body: "Generated with [Claude Code](https://claude.com/claude-code)",
  author_login: "dev",
  head_ref: "claude/release",
};

function expectNoRawSecret(output: string, format: string): void {
  for (const raw of RAW) {
    expect(output.includes(raw), `${format} output contains a raw secret (${raw.slice(0, 4)}…)`).toBe(false);
    // No long fragment either (a rule that cuts the value would still leak most of it).
    expect(output.includes(raw.slice(4, 20)), `${format} output contains a fragment of ${raw.slice(0, 4)}…`).toBe(
      false,
    );
  }
}

describe("redaction", () => {
  let report: Report;

  it("finds the secrets it must redact", async () => {
    report = await scan(DIFF, { pr: PR });
    const secrets = report.findings.filter((f) => f.category === "secrets");
    const files = new Set(secrets.map((f) => f.file));
    for (const file of [
      ".github/workflows/release.yml",
      "infra/prod/main.tf",
      "k8s/production/secret.yaml",
      ".env.production",
      "src/clients.ts",
      "deploy/id_rsa",
      "package.json",
    ])
      expect(files, file).toContain(file);
    expect(secrets.length).toBeGreaterThanOrEqual(14);
  });

  it("keeps every raw value out of the JSON report", () => {
    expectNoRawSecret(JSON.stringify(report), "JSON.stringify(report)");
    expectNoRawSecret(formatJson(report), "json");
  });

  it("keeps every raw value out of the text, markdown and SARIF outputs", () => {
    expectNoRawSecret(formatText(report), "text");
    expectNoRawSecret(formatMarkdown(report), "markdown");
    expectNoRawSecret(formatSarif(report), "sarif");
  });

  it("redactSecrets masks values in arbitrary text (logs, errors)", () => {
    const log = [
      `token=${FAKE.githubPat}`,
      `connecting to postgres://orders:${FAKE.password2}@db.internal/orders`,
      `Authorization: Bearer ${JWT}`,
    ].join("\n");
    const redacted = redactSecrets(log);
    expectNoRawSecret(redacted, "redactSecrets");
    expect(redacted).toContain("GitHub personal access token ghp_…(40 chars, sha256:");
    expect(redactSecrets("nothing to hide here")).toBe("nothing to hide here");
  });
});

describe("a provider's public prefix is not guarded as a secret", () => {
  it("a password that starts with a key prefix (mysql -psk_live_…) leaves the prefix readable and raises no leak warning", async () => {
    const diff = addedFile("scripts/db.sh", [
      `mysql -u root -p${FAKE.stripeLive} orders`,
      `STRIPE_KEY=${FAKE.stripeLive.replace(/.$/, "Z")}`,
    ]);
    const report = await scan(diff);
    expect(report.warnings.filter((w) => w.startsWith("bug:"))).toEqual([]);
    const stripe = report.findings.find((f) => f.ruleId === "secrets/provider-token");
    expect(stripe?.message).toContain("sk_live_…");
    expectNoRawSecret(formatJson(report), "json");
    expect(formatText(report)).not.toContain(FAKE.stripeLive.slice(8, 16));
  });

  it("also when that password is on a removed line (the run's guard reads those lines itself)", async () => {
    const diff = modifiedFile("scripts/db.sh", [
      `-mysql -u root -p${FAKE.stripeLive} orders`,
      `+STRIPE_KEY=${FAKE.stripeLive.replace(/.$/, "Z")}`,
      " echo done",
    ]);
    const report = await scan(diff);
    expect(report.warnings.filter((w) => w.startsWith("bug:"))).toEqual([]);
    expect(report.findings.find((f) => f.ruleId === "secrets/provider-token")?.message).toContain("sk_live_…");
    expectNoRawSecret(formatJson(report), "json");
  });
});
