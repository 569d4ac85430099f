// biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell variables are literal text here
import { describe, expect, it } from "vitest";
import { testFileDeletedRule } from "../../../src/rules/safety-bypass/test-file-deleted.js";
import { addedFile, deletedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

describe("safety-bypass/test-file-deleted", () => {
  it("flags a deleted test with no replacement", async () => {
    const diff = deletedFile("src/billing/invoice.test.ts", ["it('x', () => {});"]);
    const f = await runRule(testFileDeletedRule, diff);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("src/billing/invoice.test.ts");
    expect(f[0]!.side).toBe("old");
  });

  it("ignores moved tests, deleted code with its tests, renames and snapshots", async () => {
    const diff =
      deletedFile("src/a.test.ts", ["x"]) +
      addedFile("src/a.spec.ts", ["x"]) +
      deletedFile("tests/test_legacy.py", ["x"]) +
      deletedFile("app/legacy.py", ["x"]) +
      deletedFile("src/__snapshots__/b.test.ts.snap", ["x"]) +
      deletedFile("test/fixtures/data.js", ["x"]);
    expect(await runRule(testFileDeletedRule, diff)).toEqual([]);
  });
});

ruleTester(testFileDeletedRule, {
  valid: [
    {
      name: "a test moved",
      diff:
        deletedFile("test/user.test.ts", ["it('a', () => {});"]) +
        addedFile("src/user.spec.ts", ["it('a', () => {});"]),
    },
    {
      name: "the code under test deleted too",
      diff: deletedFile("test/user.test.ts", ["it('a', () => {});"]) + deletedFile("src/user.ts", ["export {};"]),
    },
    { name: "a snapshot deleted", diff: deletedFile("test/__snapshots__/user.test.ts.snap", ["exports[`a`] = `1`;"]) },
  ],
  invalid: [
    {
      name: "a test deleted with no replacement",
      diff: deletedFile("test/billing.test.ts", ["it('charges', () => {});", "it('refunds', () => {});"]),
      findings: [
        {
          line: null,
          side: "old",
          message: "Test file test/billing.test.ts deleted (2 lines) with no replacement test in the PR",
        },
      ],
    },
  ],
});
