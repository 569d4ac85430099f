import { describe, expect, it } from "vitest";
import { genericSecretRule } from "../../../src/rules/secrets/generic-secret.js";
import { providerTokenRule } from "../../../src/rules/secrets/provider-token.js";
import { FAKE } from "../../secrets/fixtures.js";
import { addedFile, modifiedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

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

ruleTester(providerTokenRule, {
  valid: [
    {
      name: "a token read from the environment",
      diff: addedFile("tools/publish.sh", ['export NPM_TOKEN="$NPM_TOKEN"']),
    },
    {
      name: "a placeholder token",
      diff: addedFile("tools/publish.sh", ["export NPM_TOKEN=npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]),
    },
  ],
  invalid: [
    {
      name: "an npm token",
      diff: addedFile("tools/publish.sh", ["#!/bin/sh", `export NPM_TOKEN=${FAKE.npm}`]),
      findings: [{ line: 2, severity: "critical", message: /^Hardcoded npm access token npm_…/ }],
    },
  ],
});
