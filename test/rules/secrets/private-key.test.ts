import { describe, expect, it } from "vitest";
import { privateKeyRule } from "../../../src/rules/secrets/private-key.js";
import { BEGIN, END, FAKE } from "../../secrets/fixtures.js";
import { addedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

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

ruleTester(privateKeyRule, {
  valid: [
    { name: "a public key", diff: addedFile("deploy/key.pub", ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGt deploy@ci"]) },
    {
      name: "a key read from a file",
      diff: addedFile("src/sign.ts", ['const key = readFileSync("/run/secrets/signing.pem");']),
    },
  ],
  invalid: [
    {
      name: "a PEM private key",
      diff: addedFile("deploy/key.pem", [BEGIN("RSA "), FAKE.pemLine1, FAKE.pemLine2, END("RSA ")]),
      findings: [{ line: 1, severity: "critical", message: /^Private key committed: / }],
    },
  ],
});
