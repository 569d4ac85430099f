// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions and shell variables are literal text here
import { describe, expect, it } from "vitest";
import { addedFile, scan } from "../../support/diff.js";

describe("destructive-command through the engine", () => {
  it("a README explaining rm -rf is not a finding", async () => {
    const report = await scan(addedFile("README.md", ["```sh", "rm -rf /tmp/cache && terraform destroy", "```"]));
    expect(report.findings.filter((f) => f.category === "destructive-command")).toEqual([]);
  });

  it("a production path bumps a teardown to critical", async () => {
    const report = await scan(addedFile("deploy/prod/teardown.sh", ["helm uninstall api"]));
    expect(report.findings.find((f) => f.category === "destructive-command")?.severity).toBe("critical");
  });
});
