// biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell variables are literal text here
import { describe, expect, it } from "vitest";
import { modifiedFile, scan } from "../../support/diff.js";

describe("safety-bypass through the engine", () => {
  it("un-skipping a test is not a safety bypass", async () => {
    const report = await scan(
      modifiedFile("tests/test_orders.py", ["-@pytest.mark.skip(reason='Issue #5845')", " def test_orders(client):"]),
    );
    expect(report.findings.filter((f) => f.category === "safety-bypass")).toEqual([]);
  });
});
