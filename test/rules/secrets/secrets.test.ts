import { describe, expect, it } from "vitest";
import { credentialUrlRule } from "../../../src/rules/secrets/credential-url.js";
import { genericSecretRule } from "../../../src/rules/secrets/generic-secret.js";
import { jwtRule } from "../../../src/rules/secrets/jwt.js";
import { privateKeyRule } from "../../../src/rules/secrets/private-key.js";
import { providerTokenRule } from "../../../src/rules/secrets/provider-token.js";
import { sha256Hex } from "../../../src/secrets/mask.js";
import { BEGIN, END, FAKE, makeJwt } from "../../secrets/fixtures.js";
import { addedFile, modifiedFile, runRule, scan } from "../../support/diff.js";

describe("secrets/provider-token", () => {
  it("reports the token at its line with a masked message and a revoke hint", async () => {
    const diff = addedFile("tools/publish.sh", ["#!/bin/sh", `export NPM_TOKEN=${FAKE.npm}`, "npm publish"]);
    const findings = await runRule(providerTokenRule, diff);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({ file: "tools/publish.sh", line: 2, severity: "critical" });
    expect(f!.message).toMatch(/^Hardcoded npm access token npm_…\(40 chars, sha256:[0-9a-f]{8}\)$/);
    expect(f!.message).not.toContain(FAKE.npm.slice(4));
    expect(f!.remediation).toMatch(/Revoke and rotate it at npm/);
  });

  it("pairs an AWS key id with its secret key elsewhere in the file as one critical credential", async () => {
    const diff = addedFile("config/aws.ini", [
      "[default]",
      `aws_access_key_id = ${FAKE.awsKeyId}`,
      `aws_secret_access_key = ${FAKE.awsSecret}`,
    ]);
    const findings = await runRule(providerTokenRule, diff);
    expect(findings.map((f) => [f.line, f.severity])).toEqual([
      [2, "critical"],
      [3, "critical"],
    ]);
    expect(findings[0]!.message).toContain("paired with its secret access key on line 3");
  });

  it("reports an AWS key id alone as high", async () => {
    const findings = await runRule(providerTokenRule, addedFile("src/a.ts", [`const id = "${FAKE.awsKeyId}";`]));
    expect(findings.map((f) => f.severity)).toEqual(["high"]);
  });

  it("lowers findings in test files by one step but does not hide them", async () => {
    const diff = addedFile("test/github.test.ts", [`const token = "${FAKE.githubPat}";`]);
    const findings = await runRule(providerTokenRule, diff);
    expect(findings.map((f) => f.severity)).toEqual(["high"]);
  });

  it("only looks at added lines of a modified file", async () => {
    const diff = modifiedFile(
      "src/config.ts",
      [" export const config = {", `-  token: "${FAKE.githubPat}",`, "+  token: process.env.GITHUB_TOKEN,", " };"],
      10,
    );
    expect(await runRule(providerTokenRule, diff)).toEqual([]);
    expect(await runRule(genericSecretRule, diff)).toEqual([]);
  });
});

describe("secrets.allowlist", () => {
  const diff = addedFile("src/fixtures-data.ts", [`export const token = "${FAKE.githubInstallation}";`]);

  it("skips allowlisted paths", async () => {
    const config = { secrets: { allowlist: { paths: ["src/fixtures-*.ts"] } } };
    expect(await runRule(providerTokenRule, diff, { config })).toEqual([]);
  });

  it("skips values by SHA-256", async () => {
    const config = { secrets: { allowlist: { values_sha256: [sha256Hex(FAKE.githubInstallation)] } } };
    expect(await runRule(providerTokenRule, diff, { config })).toEqual([]);
  });

  it("skips values matching an RE2 pattern, and keeps others", async () => {
    const config = { secrets: { allowlist: { patterns: ["^ghs_Eeeby"] } } };
    expect(await runRule(providerTokenRule, diff, { config })).toEqual([]);
    const other = addedFile("src/x.ts", [`export const token = "${FAKE.githubPat}";`]);
    expect(await runRule(providerTokenRule, other, { config })).toHaveLength(1);
  });
});

describe("secrets/private-key", () => {
  it("reports a PEM block once, at its header", async () => {
    const diff = addedFile("deploy/key.pem", [BEGIN("RSA "), FAKE.pemLine1, FAKE.pemLine2, END("RSA ")]);
    const findings = await runRule(privateKeyRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 1, severity: "critical" });
    expect(findings[0]!.message).toMatch(/^Private key committed: RSA private key /);
    expect(findings[0]!.message).not.toContain(FAKE.pemLine1.slice(4, 20));
  });

  it("ignores a header that code only compares against", async () => {
    const diff = addedFile("src/pem.ts", [
      `export const isPkcs1 = (pem: string) => pem.startsWith("${BEGIN("RSA ")}");`,
    ]);
    expect(await runRule(privateKeyRule, diff)).toEqual([]);
  });
});

describe("secrets/jwt", () => {
  it("reports a hardcoded bearer token", async () => {
    const jwt = makeJwt({ sub: "svc", scope: "admin", exp: 4102444800 }, "RS256");
    const findings = await runRule(
      jwtRule,
      addedFile("scripts/smoke.sh", [`curl -H "Authorization: Bearer ${jwt}" $URL`]),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(
      /^Hardcoded JWT eyJh…\(\d+ chars, sha256:[0-9a-f]{8}\) \(RS256, expires 2100-01-01\)$/,
    );
  });
});

describe("secrets/credential-url", () => {
  it("names the host and user but masks the password", async () => {
    const diff = addedFile("config/database.yml", [
      "production:",
      `  url: postgres://orders:${FAKE.password2}@orders-db.prod.internal:5432/orders`,
    ]);
    const findings = await runRule(credentialUrlRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain("user orders at orders-db.prod.internal");
    expect(findings[0]!.message).not.toContain(FAKE.password2);
    expect(findings[0]!.severity).toBe("critical");
  });
});

describe("secrets/generic-secret", () => {
  it("names the key the secret is assigned to", async () => {
    const findings = await runRule(
      genericSecretRule,
      addedFile("config/app.yaml", ["smtp:", `  password: "${FAKE.password}"`]),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 2, severity: "high" });
    expect(findings[0]!.message).toMatch(
      /^Hardcoded secret: secret value %zYu…\(22 chars, sha256:[0-9a-f]{8}\) \(assigned to password\)$/,
    );
  });

  it("decodes Kubernetes Secret data and judges the decoded value", async () => {
    const weak = Buffer.from("admin").toString("base64");
    const diff = addedFile("k8s/db-secret.yaml", [
      "apiVersion: v1",
      "kind: Secret",
      "metadata:",
      "  name: db",
      "type: Opaque",
      "data:",
      `  username: ${weak}`,
      `  DB_PASS: ${FAKE.k8sData}`,
    ]);
    const findings = await runRule(genericSecretRule, diff);
    expect(findings.map((f) => f.line)).toEqual([8]);
    expect(findings[0]!.message).toContain("in Secret data key DB_PASS");
  });

  it("does not decode base64 outside Secret manifests", async () => {
    const diff = addedFile("k8s/configmap.yaml", ["kind: ConfigMap", "data:", `  blob: ${FAKE.k8sData}`]);
    expect(await runRule(genericSecretRule, diff)).toEqual([]);
  });

  it("is raised one step in production-scope files by the engine", async () => {
    const line = [`{ "apiKey": "${FAKE.password2}" }`];
    const plain = await scan(addedFile("config/settings.json", line));
    const prod = await scan(addedFile("config/settings.production.json", line));
    const severityOf = (r: typeof plain) => r.findings.find((x) => x.ruleId === "secrets/generic-secret")?.severity;
    expect(severityOf(plain)).toBe("high");
    expect(severityOf(prod)).toBe("critical");
    expect(prod.gate.checklist.map((c) => c.id)).toContain("category:secrets");
  });
});
