import { describe, expect, it } from "vitest";
import { jwtRule } from "../../../src/rules/secrets/jwt.js";
import { makeJwt } from "../../secrets/fixtures.js";
import { addedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

describe("secrets/jwt", () => {
  it("reports a hardcoded bearer token", async () => {
    const jwt = makeJwt({ sub: "svc", scope: "admin", exp: 4102444800 }, "RS256");
    const findings = await runRule(
      jwtRule,
      addedFile("scripts/smoke.sh", [`curl -H "Authorization: Bearer ${jwt}" $URL`]),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(
      /^Hardcoded JWT …\(\d+ chars, sha256:[0-9a-f]{8}\) \(RS256, expires 2100-01-01\)$/,
    );
  });
});

ruleTester(jwtRule, {
  valid: [
    { name: "a token read at runtime", diff: addedFile("src/client.ts", ["const token = process.env.API_JWT;"]) },
    { name: "a JWT header alone", diff: addedFile("src/client.ts", ['const header = "eyJhbGciOiJIUzI1NiJ9";']) },
  ],
  invalid: [
    {
      name: "a signed token",
      diff: addedFile("src/client.ts", [`const token = "${makeJwt({ sub: "svc-billing", exp: 4102444800 })}";`]),
      findings: [{ line: 1, message: /^Hardcoded / }],
    },
  ],
});
