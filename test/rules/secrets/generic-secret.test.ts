// biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell and JS placeholders are literal text here
import { describe, expect, it } from "vitest";
import { genericSecretRule } from "../../../src/rules/secrets/generic-secret.js";
import { FAKE } from "../../secrets/fixtures.js";
import { addedFile, runRule, scan } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

describe("secrets/generic-secret", () => {
  it("names the key the secret is assigned to", async () => {
    const findings = await runRule(
      genericSecretRule,
      addedFile("config/app.yaml", ["smtp:", `  password: "${FAKE.password}"`]),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 2, severity: "high" });
    expect(findings[0]!.message).toMatch(/^Hardcoded secret value …\(22 chars\) \(assigned to password\)$/);
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

ruleTester(genericSecretRule, {
  valid: [
    { name: "a placeholder", diff: addedFile("config/app.yaml", ["smtp:", '  password: "changeme"']) },
    {
      name: "a reference to the environment",
      diff: addedFile("config/app.yaml", ["smtp:", "  password: ${SMTP_PASSWORD}"]),
    },
  ],
  invalid: [
    {
      name: "a random value under a secret key",
      diff: addedFile("config/app.yaml", ["smtp:", `  password: "${FAKE.password}"`]),
      findings: [{ line: 2, severity: "high", message: /^Hardcoded secret value .* \(assigned to password\)$/ }],
    },
  ],
});
