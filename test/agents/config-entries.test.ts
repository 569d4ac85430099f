// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions are literal text here
import { describe, expect, it } from "vitest";
import { configEntries, entryAt } from "../../src/agents/config-entries.js";
import { parseGrant, rateGrant } from "../../src/agents/grants.js";
import { parseUnifiedDiff } from "../../src/diff/parse.js";
import { productionRefs } from "../../src/environments/production-refs.js";
import { addedFile, modifiedFile } from "../support/diff.js";

const fileOf = (diff: string) => parseUnifiedDiff(diff).files[0]!;

describe("configEntries", () => {
  it("parses a whole JSON side with comments and trailing commas, rooted", () => {
    const f = fileOf(
      addedFile(".vscode/settings.json", [
        "{",
        "  // agent approvals",
        '  "chat.tools.global.autoApprove": true,',
        "}",
      ]),
    );
    const [e] = configEntries(f, "new", "json");
    expect(e).toMatchObject({ keys: ["chat.tools.global.autoApprove"], rooted: true, value: true, line: 3 });
    expect(entryAt(e!, "chat.tools.global.autoApprove")).toBe(true);
  });

  it("names a list whose key a hunk does not show by the sibling that follows it", () => {
    const f = fileOf(
      modifiedFile(".claude/settings.json", ['       "Read",', '+      "Bash",', "     ],", '     "deny": []'], 10),
    );
    const bash = configEntries(f, "new", "json").find((e) => e.value === "Bash")!;
    expect(bash).toMatchObject({ keys: [], rooted: false, after: "deny" });
    expect(entryAt(bash, "permissions.allow", ["deny", "ask"])).toBe(true);
    expect(entryAt(bash, "permissions.deny", [])).toBe(false);
  });

  it("reads TOML whole with smol-toml and in hunks with table context", () => {
    const whole = fileOf(addedFile(".codex/config.toml", ["[profiles.ci]", 'approval_policy = "never"']));
    expect(configEntries(whole, "new", "toml")[0]).toMatchObject({
      keys: ["profiles", "ci", "approval_policy"],
      value: "never",
    });
    const hunk = fileOf(
      modifiedFile(".codex/config.toml", [" [sandbox_workspace_write]", "+network_access = true"], 7),
    );
    expect(configEntries(hunk, "new", "toml").find((e) => e.changed)).toMatchObject({
      keys: ["sandbox_workspace_write", "network_access"],
      value: true,
    });
  });

  it("survives hostile input: unbalanced braces, unterminated strings, huge lines", () => {
    const f = fileOf(modifiedFile(".mcp.json", ['+}}]]"unterminated', `+${"[".repeat(5000)}`, '+{"a": "b"']));
    expect(() => configEntries(f, "new", "json")).not.toThrow();
  });
});

describe("grants", () => {
  it.each([
    ["Bash", "critical"],
    ["Bash(*)", "critical"],
    ["run_shell_command", "critical"],
    ["Bash(uv run:*)", "high"],
    ["Bash(uv run pytest:*)", "low"],
    ["Bash(git push:*)", "high"],
    ["Bash(gh pr comment:*)", "low"],
    ["Bash(gh:*)", "high"],
    ["Bash(git status)", null],
    ["WebFetch", "medium"],
    ["WebFetch(domain:github.com)", null],
    ["mcp__github", "low"],
    ["mcp__github__get_issue", null],
  ] as const)("%s → %s", (rule, severity) => {
    expect(rateGrant(parseGrant(rule, "tool-rule")).severity).toBe(severity);
  });
});

describe("productionRefs", () => {
  it("finds production hosts, databases, secrets and accounts", () => {
    expect(productionRefs("DATABASE_URL=postgres://u:p@db.prod.example.com/app")[0]).toMatchObject({
      kind: "database",
    });
    expect(productionRefs("API=https://api-production.example.com")[0]).toMatchObject({ kind: "host" });
    expect(productionRefs("token: ${{ secrets.PROD_API_TOKEN }}")[0]).toMatchObject({
      kind: "secret",
      text: "PROD_API_TOKEN",
    });
    expect(productionRefs("aws s3 ls --profile production")[0]).toMatchObject({ kind: "account" });
  });

  it("ignores build modes and look-alikes", () => {
    expect(productionRefs("NODE_ENV=production")).toEqual([]);
    expect(productionRefs("URL=https://products.example.com/produce")).toEqual([]);
    expect(productionRefs("vite build --mode production")).toEqual([]);
  });
});
