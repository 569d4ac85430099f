// biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell and JS placeholders are literal text here
import { describe, expect, it } from "vitest";
import { credentialUrlRule } from "../../../src/rules/secrets/credential-url.js";
import { FAKE } from "../../secrets/fixtures.js";
import { addedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

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

ruleTester(credentialUrlRule, {
  valid: [
    {
      name: "a URL without a password",
      diff: addedFile("src/db.ts", ['const url = "postgres://app@db.internal:5432/app";']),
    },
    {
      name: "a password taken from the environment",
      diff: addedFile("src/db.ts", ["const url = `postgres://app:${process.env.DB_PASSWORD}@db/app`;"]),
    },
  ],
  invalid: [
    {
      name: "a password in a database URL",
      diff: addedFile("src/db.ts", [`const url = "postgres://billing:${FAKE.password2}@db.internal:5432/billing";`]),
      findings: [{ line: 1, message: /^Credentials embedded in the text: / }],
    },
  ],
});
