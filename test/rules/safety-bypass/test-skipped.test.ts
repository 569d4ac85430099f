// biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell variables are literal text here
import { describe, expect, it } from "vitest";
import { skipMarkerOf, testSkippedRule } from "../../../src/rules/safety-bypass/test-skipped.js";
import { addedFile, modifiedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

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

ruleTester(testSkippedRule, {
  valid: [
    {
      name: "a skip that only moved",
      diff: modifiedFile("test/a.test.ts", [
        "-  it.skip('a', () => {});",
        "   it('b', () => {});",
        "+  it.skip('a', () => {});",
      ]),
    },
    { name: "documentation", diff: addedFile("docs/testing.md", ["Never merge `it.only`."]) },
  ],
  invalid: [
    {
      name: "it.only",
      diff: modifiedFile("test/invoice.test.ts", [
        " describe('invoice', () => {",
        "-  it('adds tax', () => {",
        "+  it.only('adds tax', () => {",
      ]),
      findings: [{ line: 2, severity: "high", message: "Test 'adds tax' focused with it.only" }],
    },
    {
      name: "a pytest skip",
      diff: modifiedFile("tests/test_api.py", ["+@pytest.mark.skip(reason='flaky')", " def test_export(client):"]),
      findings: [{ line: 1, severity: "medium", message: "Test 'test_export' skipped with @pytest.mark.skip" }],
    },
    {
      name: "a conditional pytest.skip with a reason: low",
      diff: addedFile("tests/test_cache.py", [
        "def test_cache_roundtrip(redis_url):",
        "    if not redis_url:",
        '        pytest.skip("needs a Redis server")',
        "    assert roundtrip(redis_url)",
      ]),
      findings: [{ line: 3, severity: "low", message: "(under a condition)" }],
    },
    {
      name: "Go: t.Skip under testing.Short(), on one line or in a block: low",
      diff: addedFile("pkg/store/store_test.go", [
        "func TestMigrate(t *testing.T) {",
        "\tif testing.Short() {",
        '\t\tt.Skip("slow")',
        "\t}",
        "}",
        "func TestDump(t *testing.T) {",
        '\tif os.Getenv("CI") == "" { t.Skip("CI only") }',
        "}",
      ]),
      findings: [
        { line: 3, severity: "low" },
        { line: 7, severity: "low" },
      ],
    },
    {
      name: "an unconditional pytest.skip in the body stays medium",
      diff: addedFile("tests/test_export.py", [
        "def test_export(client):",
        '    pytest.skip("broken")',
        "    export()",
      ]),
      findings: [{ line: 2, severity: "medium" }],
    },
  ],
});
