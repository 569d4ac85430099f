// biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell variables are literal text here
import { describe, expect, it } from "vitest";
import { checkBypassedRule } from "../../../src/rules/safety-bypass/check-bypassed.js";
import { addedFile, modifiedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

describe("safety-bypass/check-bypassed", () => {
  it("flags --no-verify, swallowed test commands and a job dropped from the gate's needs", async () => {
    const diff =
      addedFile("scripts/release.sh", ['git commit -m "release" --no-verify']) +
      modifiedFile(".github/workflows/ci.yml", [
        " jobs:",
        "   test:",
        "     steps:",
        "-      - run: npm test",
        "+      - run: npm test || true",
        "   ci:",
        "-    needs: [lint, audit, test]",
        "+    needs: [lint, test]",
      ]);
    const f = await runRule(checkBypassedRule, diff);
    expect(f.map((x) => x.message)).toEqual([
      expect.stringContaining("Git hooks bypassed"),
      expect.stringContaining("Job ci"),
      expect.stringContaining("'npm test' can no longer fail"),
    ]);
  });

  it("flags a lowered coverage threshold, naming the metric", async () => {
    const diff = modifiedFile("jest.config.js", [
      "   coverageThreshold: {",
      "     global: {",
      "-      lines: 80,",
      "+      lines: 60,",
      "-      branches: 70,",
      "+      branches: 75,",
    ]);
    const f = await runRule(checkBypassedRule, diff);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("lines lowered from 80 to 60");
  });

  it("ignores `|| true` on non-check commands, in app code, and raised thresholds", async () => {
    const diff =
      addedFile(".github/workflows/ci.yml", [
        "      - run: docker rm -f db || true",
        "      - run: pkill node || true",
      ]) +
      addedFile("src/a.ts", ['const cmd = "npm test || true";']) +
      modifiedFile("pyproject.toml", ["-fail_under = 80", "+fail_under = 90"]);
    expect(await runRule(checkBypassedRule, diff)).toEqual([]);
  });
});

ruleTester(checkBypassedRule, {
  valid: [
    { name: "a test command that can fail", diff: addedFile("scripts/ci.sh", ["npm test"]) },
    { name: "|| true on a command that is not a check", diff: addedFile("scripts/ci.sh", ["rm -f out.log || true"]) },
  ],
  invalid: [
    {
      name: "a swallowed test command in CI",
      diff: modifiedFile(".github/workflows/ci.yml", [
        "     steps:",
        "-      - run: npm test",
        "+      - run: npm test || true",
      ]),
      findings: [{ line: 2, message: "'npm test' can no longer fail the build" }],
    },
    {
      name: "git hooks bypassed",
      diff: addedFile("scripts/release.sh", ['git commit -m "release" --no-verify']),
      findings: [{ line: 1, message: "Git hooks bypassed in scripts/release.sh" }],
    },
  ],
});
