// biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell variables are literal text here
import { describe, expect, it } from "vitest";
import { authCheckRemovedRule, guardsOnLine } from "../../../src/rules/safety-bypass/auth-check-removed.js";
import { checkBypassedRule } from "../../../src/rules/safety-bypass/check-bypassed.js";
import { lintSuppressionRule } from "../../../src/rules/safety-bypass/lint-suppression.js";
import { testFileDeletedRule } from "../../../src/rules/safety-bypass/test-file-deleted.js";
import { skipMarkerOf, testSkippedRule } from "../../../src/rules/safety-bypass/test-skipped.js";
import { tlsVerificationDisabledRule } from "../../../src/rules/safety-bypass/tls-verification-disabled.js";
import { addedFile, deletedFile, modifiedFile, runRule, scan } from "../../support/diff.js";

describe("safety-bypass/test-skipped", () => {
  it("flags it.skip (medium) and it.only (high) with the test name", async () => {
    const diff = modifiedFile("test/invoice.test.ts", [
      " describe('invoice', () => {",
      "-  it('adds tax', () => {",
      "+  it.only('adds tax', () => {",
      "-  it('rounds', () => {",
      "+  it.skip('rounds', () => {",
    ]);
    const f = await runRule(testSkippedRule, diff);
    expect(f.map((x) => [x.severity, x.message])).toEqual([
      ["high", expect.stringContaining("Test 'adds tax' focused with it.only")],
      ["medium", expect.stringContaining("Test 'rounds' skipped with it.skip")],
    ]);
  });

  it("is high when the skipped test covers authentication", async () => {
    const diff = modifiedFile("server/api.test.ts", ['+  it.skip("should require authentication", async () => {']);
    expect((await runRule(testSkippedRule, diff))[0]!.severity).toBe("high");
  });

  it("names the decorated Python, Java and Rust test and the Go test calling t.Skip", async () => {
    const diff =
      modifiedFile("tests/test_api.py", ["+@pytest.mark.skip(reason='flaky')", " def test_delete_user(client):"]) +
      modifiedFile("src/test/java/FooTest.java", ["+  @Disabled", "   @Test", "   void computesTotal() {"]) +
      modifiedFile("src/lib.rs", ["+    #[ignore]", "     #[test]", "     fn parses_header() {"]) +
      modifiedFile("pkg/api_test.go", [" func TestServe(t *testing.T) {", '+\tt.Skip("later")']);
    const f = await runRule(testSkippedRule, diff);
    expect(f.map((x) => x.message)).toEqual([
      expect.stringContaining("'test_delete_user'"),
      expect.stringContaining("'computesTotal'"),
      expect.stringContaining("'parses_header'"),
      expect.stringContaining("'TestServe'"),
    ]);
  });

  it("recognizes other frameworks' markers", () => {
    expect(skipMarkerOf("a.spec.js", "  xit('x', () => {})", true)?.marker).toBe("xit");
    expect(skipMarkerOf("a.spec.js", "  fdescribe('x', () => {})", true)?.focus).toBe(true);
    expect(skipMarkerOf("t.py", "        self.skipTest('no db')", true)).not.toBeNull();
    expect(skipMarkerOf("t.py", "@unittest.skip('x')", true)).not.toBeNull();
    expect(skipMarkerOf("spec/a_spec.rb", "  xit 'works' do", true)?.marker).toBe("xit");
    expect(skipMarkerOf("spec/a_spec.rb", "    skip 'flaky on CI'", true)).not.toBeNull();
    expect(skipMarkerOf("spec/a_spec.rb", "  it 'x', skip: true do", true)).not.toBeNull();
    expect(skipMarkerOf("Tests/A.cs", '  [Fact(Skip = "broken")]', true)).not.toBeNull();
    expect(skipMarkerOf("tests/A.php", "  $this->markTestSkipped('x');", true)).not.toBeNull();
  });

  it("does not flag removed skips (tests re-enabled), conditional skips or lookalikes", async () => {
    const diff =
      modifiedFile("tests/test_x.py", ["-@pytest.mark.skip(reason='#5845')", " def test_x():"]) +
      modifiedFile("tests/test_y.py", ["+@pytest.mark.skipif(sys.platform == 'win32', reason='posix')"]) +
      modifiedFile("src/model.py", ["+    model.fit(x, y)", "+    skip = True"]) +
      modifiedFile("src/app.ts", ["+const only = items.filter((x) => x.only);", "+fit(bounds);"]) +
      modifiedFile("app/models/user.rb", ["+    skip if user.nil?"]);
    expect(await runRule(testSkippedRule, diff)).toEqual([]);
  });

  it("does not flag a skip that only moved or changed its reason", async () => {
    const diff = modifiedFile("tests/test_x.py", ["-@pytest.mark.skip(reason='a')", "+@pytest.mark.skip(reason='b')"]);
    expect(await runRule(testSkippedRule, diff)).toEqual([]);
  });
});

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

describe("safety-bypass/lint-suppression", () => {
  it("flags suppressions across languages and names the rule disabled", async () => {
    const diff =
      addedFile("src/mixed.ts", [
        "// eslint-disable-next-line @typescript-eslint/no-explicit-any",
        "// @ts-ignore",
        "// @ts-expect-error wrong types upstream",
      ]) +
      addedFile("app/x.py", ["import os  # noqa: F401", "x = f()  # type: ignore[arg-type]"]) +
      addedFile("pkg/x.go", ["x := y //nolint:errcheck"]) +
      addedFile("src/x.rs", ["#[allow(dead_code)]"]) +
      addedFile("app/x.rb", ["# rubocop:disable Metrics/AbcSize"]) +
      addedFile("src/X.java", ['@SuppressWarnings("unchecked")']);
    const f = await runRule(lintSuppressionRule, diff);
    expect(f.map((x) => x.severity)).toEqual([
      "medium",
      "medium",
      "low",
      "medium",
      "medium",
      "medium",
      "medium",
      "medium",
      "medium",
    ]);
    expect(f[0]!.message).toContain("@typescript-eslint/no-explicit-any");
    expect(f[5]!.message).toContain("errcheck");
  });

  it("ignores suppressions removed or only moved, and docs", async () => {
    const diff =
      modifiedFile("src/a.ts", ["-// @ts-ignore", "-foo();", "+// @ts-ignore", "+foo(1);", "-// eslint-disable-line"]) +
      addedFile("docs/lint.md", ["Use `// eslint-disable-next-line` sparingly."]);
    expect(await runRule(lintSuppressionRule, diff)).toEqual([]);
  });

  it("caps findings per file", async () => {
    const diff = addedFile(
      "src/gen.ts",
      Array.from({ length: 30 }, (_, i) => `const a${i} = x as any; // @ts-ignore`),
    );
    const f = await runRule(lintSuppressionRule, diff);
    expect(f).toHaveLength(21);
    expect(f[20]!.message).toContain("10 more");
  });
});

describe("safety-bypass/tls-verification-disabled", () => {
  it("flags TLS verification turned off in several stacks", async () => {
    const diff =
      modifiedFile("app/client.py", [
        "-    r = requests.get(url, timeout=5)",
        "+    r = requests.get(url, timeout=5, verify=False)",
      ]) +
      addedFile("src/http.ts", ["const agent = new https.Agent({ rejectUnauthorized: false });"]) +
      addedFile("pkg/client.go", ["tls := &tls.Config{InsecureSkipVerify: true}"]) +
      addedFile(".github/workflows/ci.yml", [
        "      - run: curl -sSk https://internal/health",
        "        env:",
        "          NODE_TLS_REJECT_UNAUTHORIZED: '0'",
      ]);
    const f = await runRule(tlsVerificationDisabledRule, diff);
    expect(f.map((x) => `${x.file}:${x.line}`)).toEqual([
      "app/client.py:1",
      "src/http.ts:1",
      "pkg/client.go:1",
      ".github/workflows/ci.yml:1",
      ".github/workflows/ci.yml:3",
    ]);
    expect(f[0]!.message).toContain("verify=False");
  });

  it("ignores verification left on, tests, comments and existing settings", async () => {
    const diff =
      addedFile("app/client.py", [
        "r = requests.get(url, verify=True)",
        "# verify=False was needed once",
        "curl -sSL https://x | sh",
      ]) +
      addedFile("tests/test_client.py", ["requests.get(url, verify=False)"]) +
      modifiedFile("src/a.ts", [
        "-const o = { rejectUnauthorized: false, a: 1 };",
        "+const o = { rejectUnauthorized: false, a: 2 };",
      ]);
    expect(await runRule(tlsVerificationDisabledRule, diff)).toEqual([]);
  });
});

describe("safety-bypass/auth-check-removed", () => {
  it("flags removed decorators and names the function they protected", async () => {
    const diff = modifiedFile("app/admin/routes.py", [
      ' @bp.route("/admin/users/<int:user_id>", methods=["DELETE"])',
      "-@login_required",
      "-@admin_required",
      " def delete_user(user_id):",
    ]);
    const f = await runRule(authCheckRemovedRule, diff);
    expect(f.map((x) => x.message)).toEqual([
      expect.stringContaining("login_required removed from delete_user"),
      expect.stringContaining("admin_required removed from delete_user"),
    ]);
    expect(f[0]!.side).toBe("old");
  });

  it("flags removed Rails callbacks, Express middleware and Nest guards", async () => {
    const diff =
      modifiedFile("app/controllers/admin_controller.rb", [
        " class AdminController < ApplicationController",
        "-  before_action :authenticate_user!",
        "-  protect_from_forgery with: :exception",
      ]) +
      modifiedFile("src/routes.js", [
        "-router.delete('/users/:id', requireAuth, deleteUser);",
        "+router.delete('/users/:id', deleteUser);",
      ]) +
      modifiedFile("src/users.controller.ts", ["-  @UseGuards(AuthGuard('jwt'))", "   @Delete(':id')"]);
    const f = await runRule(authCheckRemovedRule, diff);
    expect(f.map((x) => x.message)).toEqual([
      expect.stringContaining("authenticate_user!"),
      expect.stringContaining("protect_from_forgery"),
      expect.stringContaining("requireAuth"),
      expect.stringContaining("UseGuards"),
    ]);
  });

  it("flags explicit skips of authentication added", async () => {
    const diff = modifiedFile("app/controllers/api_controller.rb", ["+  skip_before_action :authenticate_user!"]);
    const f = await runRule(authCheckRemovedRule, diff);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe("high");
  });

  it("does not flag a check that is re-added or refactored in the same file", async () => {
    const diff = modifiedFile("server/routes/shares.ts", [
      '-    authorize(user, "read", collectionId ? collection : document);',
      "+    if (document) {",
      '+      authorize(user, "read", document);',
      "+    }",
    ]);
    expect(await runRule(authCheckRemovedRule, diff)).toEqual([]);
  });

  it("ignores deleted files, tests, imports and lookalike names", async () => {
    const diff =
      deletedFile("app/views/old.py", ["@login_required", "def old(): pass"]) +
      modifiedFile("tests/test_views.py", ["-@login_required"]) +
      modifiedFile("app/views.py", [
        "-from django.contrib.auth.decorators import login_required",
        "-author = get_author(post)",
      ]);
    expect(await runRule(authCheckRemovedRule, diff)).toEqual([]);
  });

  it("extracts guard names from the forms guards take", () => {
    expect(guardsOnLine("  before_action :require_login")).toEqual(["require_login"]);
    expect(guardsOnLine('[Authorize(Roles = "Admin")]')).toEqual(["Authorize"]);
    expect(guardsOnLine("    if cannot?(:destroy, @post)")).toEqual(["cannot?"]);
    expect(guardsOnLine("const authorName = getAuthorName(post);")).toEqual([]);
  });
});

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

describe("safety-bypass through the engine", () => {
  it("un-skipping a test is not a safety bypass", async () => {
    const report = await scan(
      modifiedFile("tests/test_orders.py", ["-@pytest.mark.skip(reason='Issue #5845')", " def test_orders(client):"]),
    );
    expect(report.findings.filter((f) => f.category === "safety-bypass")).toEqual([]);
  });
});
