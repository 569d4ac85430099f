import { describe, expect, it } from "vitest";
import { ConfigError, defaultConfig, parseConfigText, validateConfig } from "../../src/config/load.js";

function problemsOf(text: string) {
  try {
    parseConfigText(text, ".github/ai-review-gate.yml");
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
  throw new Error("expected a ConfigError");
}

describe("config", () => {
  it("gives documented defaults for an empty file", () => {
    const c = parseConfigText("");
    expect(c).toEqual(defaultConfig());
    expect(c.gate).toMatchObject({ policy: "ai-authored", threshold: "medium", stale: "reset" });
    expect(c.gate.approvals).toEqual({ low: 1, medium: 1, high: 1, critical: 2 });
    expect(c.ai.raise_level).toBe(1);
  });

  it("accepts a full config", () => {
    const c = parseConfigText(`
version: 1
gate:
  policy: all
  threshold: high
  approvals: { critical: 3 }
  stale: touched-files
  routes:
    migration-destructive: { team: my-org/dba }
paths:
  ignore: ["vendor/**"]
  production: ["deploy/live/**"]
rules:
  dependency: off
  safety-bypass/lint-suppression: low
  ci-workflow/ci-config-changed: { enabled: false }
checklist:
  extra:
    - id: on-call
      text: The on-call engineer knows this ships today.
      min_level: high
custom_rules:
  - id: no-console
    pattern: "console\\\\.log\\\\("
    paths: ["src/**"]
    severity: low
    message: console.log left in source
`);
    expect(c.gate.policy).toBe("all");
    expect(c.gate.approvals).toEqual({ low: 1, medium: 1, high: 1, critical: 3 });
    expect(c.gate.routes["migration-destructive"]).toEqual({ team: "my-org/dba" });
    expect(c.rules["dependency"]).toBe("off");
    expect(c.custom_rules[0]).toMatchObject({ id: "no-console", category: "custom", case_sensitive: true });
  });

  it("names the key path and line of each problem", () => {
    const problems = problemsOf("gate:\n  threshold: extreme\n  polcy: all\n");
    expect(problems).toContainEqual(expect.objectContaining({ path: "gate.threshold", line: 2 }));
    expect(problems.find((p) => p.path === "gate.threshold")!.message).toMatch(/low.*medium.*high.*critical/);
    expect(problems).toContainEqual(
      expect.objectContaining({ path: "gate", message: 'unknown key "polcy"; did you mean "policy"?' }),
    );
  });

  it("rejects unknown rule ids in rules:, suggesting the closest id (issue 12)", () => {
    const problems = problemsOf("rules:\n  secrets/provider-tokn: off\n  dependncy: low\n  nothing-like-it: off\n");
    expect(problems).toEqual([
      expect.objectContaining({
        path: "rules.secrets/provider-tokn",
        line: 2,
        message: 'unknown rule id or category "secrets/provider-tokn"; did you mean "secrets/provider-token"?',
      }),
      expect.objectContaining({ path: "rules.dependncy", line: 3, message: expect.stringContaining('"dependency"?') }),
      expect.objectContaining({
        path: "rules.nothing-like-it",
        message: 'unknown rule id or category "nothing-like-it"',
      }),
    ]);
    // Custom rules are addressed as custom/<id>.
    expect(() =>
      validateConfig({ custom_rules: [{ id: "dbg", pattern: "x", message: "m" }], rules: { "custom/dbg": "off" } }),
    ).not.toThrow();
  });

  it("refuses a config over the 1 MiB cap at once, and masks what it quotes back (issue 12)", () => {
    const started = Date.now();
    expect(() => parseConfigText(`# ${"x".repeat(50 * 1024 * 1024)}\n`)).toThrow(/larger than 1 MiB, the cap/);
    expect(Date.now() - started).toBeLessThan(1_000);
    const token = ["ghp_", "Ky9Pf34qY6Nb3wWD25RQ4F5ZR3qa7y3gm1IL"].join("");
    const problems = problemsOf(`${token}: 1\n"\u001b]0;owned\u0007": 2\n`);
    const text = JSON.stringify(problems);
    expect(text).not.toContain(token.slice(4, 12));
    expect(text).not.toContain("\u001b");
  });

  it("reports wrong types inside lists with their index", () => {
    const problems = problemsOf("custom_rules:\n  - id: x\n    pattern: 42\n    message: m\n");
    expect(problems).toContainEqual(expect.objectContaining({ path: "custom_rules[0].pattern", line: 3 }));
  });

  it("rejects patterns RE2 cannot run (backreferences, lookaround) at their key", () => {
    const problems = problemsOf('custom_rules:\n  - id: x\n    pattern: "(a)\\\\1"\n    message: m\n');
    expect(problems[0]).toMatchObject({ path: "custom_rules[0].pattern", line: 3 });
    expect(problems[0]!.message).toMatch(/RE2/);
    const look = problemsOf('secrets:\n  allowlist:\n    patterns: ["(?<=x)y"]\n');
    expect(look[0]!.path).toBe("secrets.allowlist.patterns[0]");
  });

  it("explains bad rule overrides", () => {
    const problems = problemsOf("rules:\n  dependency: sometimes\n");
    expect(problems[0]).toMatchObject({ path: "rules.dependency", line: 2 });
    expect(problems[0]!.message).toMatch(/off.*severity/);
  });

  it("reports YAML syntax errors with a line", () => {
    const problems = problemsOf("gate:\n  threshold: [high\n");
    expect(problems[0]!.message).toMatch(/YAML syntax/);
    expect(problems[0]!.line).toBeGreaterThan(0);
  });

  it("rejects a config that is not a mapping", () => {
    expect(problemsOf("- a\n- b\n")[0]!.message).toMatch(/mapping/);
  });

  it("rejects duplicate custom rule ids and duplicate keys", () => {
    const dup = problemsOf("custom_rules:\n  - {id: a, pattern: x, message: m}\n  - {id: a, pattern: y, message: m}\n");
    expect(dup[0]).toMatchObject({ path: "custom_rules[1].id" });
    expect(problemsOf("gate:\n  policy: all\ngate:\n  policy: all\n")[0]!.message).toMatch(/YAML syntax/);
  });

  it("the error message lists every problem for display in CLI, comment and check run", () => {
    try {
      parseConfigText("gate:\n  threshold: x\n", "cfg.yml");
    } catch (e) {
      expect((e as Error).message).toMatch(/^invalid config cfg\.yml:\n {2}- gate\.threshold \(line 2\): /);
    }
  });
});
