import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, test } from "vitest";
import {
  type CentralFile,
  type CentralReader,
  type ConfigLocation,
  MAX_EXTENDS_DEPTH,
  mergeConfigInputs,
  parseExtends,
  resolveConfig,
} from "../../src/config/extends.js";
import { ConfigError, parseConfigText } from "../../src/config/load.js";

const OWN: ConfigLocation = { owner: "acme", repo: "shop", path: ".github/ai-review-gate.yml" };

/** Central files by `owner/repo:path`; every read is recorded. */
function reader(files: Record<string, string>): CentralReader & { reads: string[] } {
  const reads: string[] = [];
  const read = async (at: ConfigLocation): Promise<CentralFile> => {
    const key = `${at.owner}/${at.repo}:${at.path}`;
    reads.push(key);
    const text = files[key];
    return text === undefined
      ? { found: false, problem: `${at.owner}/${at.repo} has no ${at.path} on its default branch (main)` }
      : { found: true, text, version: "abc123" };
  };
  return Object.assign(read, { reads });
}

const resolve = (own: string, files: Record<string, string>) =>
  resolveConfig({ text: own, source: ".github/ai-review-gate.yml", at: OWN }, reader(files));

async function configError(p: Promise<unknown>): Promise<ConfigError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ConfigError);
  return e as ConfigError;
}

const ORG = "acme/.github:.github/ai-review-gate.yml";

describe("extends: where a central file is", () => {
  it("reads owner/repo[:path], defaulting the path and (for a bare name) the owner", () => {
    expect(parseExtends("acme/.github", OWN)).toEqual({
      owner: "acme",
      repo: ".github",
      path: ".github/ai-review-gate.yml",
    });
    expect(parseExtends(".github", OWN)).toEqual({
      owner: "acme",
      repo: ".github",
      path: ".github/ai-review-gate.yml",
    });
    expect(parseExtends("other/policies:gate/strict.yml", OWN)).toEqual({
      owner: "other",
      repo: "policies",
      path: "gate/strict.yml",
    });
  });

  it.each([
    "acme/..",
    "acme/.",
    "acme/.github:../secrets.yml",
    "acme/.github:a//b.yml",
    "acme/.github:./x.yml",
    "acme/.github:/etc/passwd",
    "https://github.com/acme/.github",
    "acme/.github@main",
    "a/b/c",
    "",
  ])("refuses %j with a reason", (value) => {
    let error: unknown;
    try {
      parseConfigText(`extends: ${JSON.stringify(value)}\n`, "x.yml");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems[0]).toMatchObject({ path: "extends", line: 1 });
  });
});

describe("extends: how files combine", () => {
  it("merges mappings key by key, the extending file winning; scalars and plain lists are replaced", async () => {
    const { config, sources } = await resolve(
      "extends: .github\ngate:\n  threshold: high\npaths:\n  ignore: [vendor/**]\n",
      {
        [ORG]:
          "gate:\n  policy: all\n  threshold: low\n  approvals: { critical: 3 }\npaths:\n  ignore: [gen/**, dist/**]\n",
      },
    );
    expect(config.gate).toMatchObject({ policy: "all", threshold: "high", approvals: { critical: 3, high: 1 } });
    expect(config.paths.ignore).toEqual(["vendor/**"]);
    expect(config.extends).toBeUndefined();
    expect(sources).toEqual([`${ORG}@abc123`, ".github/ai-review-gate.yml"]);
  });

  it("merges custom_rules and checklist.extra by id: same id replaces, new ids are appended", async () => {
    const central = `custom_rules:
  - { id: no-eval, pattern: "eval\\\\(", severity: high, message: m }
  - { id: no-todo, pattern: "TODO", message: m }
checklist:
  extra:
    - { id: rollback, text: "A rollback plan is written" }
`;
    const own = `extends: acme/.github
custom_rules:
  - { id: no-todo, pattern: "TODO|FIXME", severity: low, message: m }
  - { id: ledger, pattern: "ledger\\\\.", message: m }
`;
    const { config } = await resolve(own, { [ORG]: central });
    expect(config.custom_rules.map((r) => [r.id, r.pattern, r.severity])).toEqual([
      ["no-eval", "eval\\(", "high"],
      ["no-todo", "TODO|FIXME", "low"],
      ["ledger", "ledger\\.", "medium"],
    ]);
    expect(config.checklist.extra.map((e) => e.id)).toEqual(["rollback"]);
  });

  it("follows a chain of central files, most central first, and adds up their locks", async () => {
    const reads = reader({
      [ORG]: "extends: policies:base.yml\ngate:\n  threshold: high\nlocked: [gate.threshold]\n",
      "acme/policies:base.yml": "gate:\n  policy: all\nlocked: [gate.policy]\n",
    });
    const { config, sources } = await resolveConfig(
      { text: "extends: .github\n", source: ".github/ai-review-gate.yml", at: OWN },
      reads,
    );
    expect(reads.reads).toEqual([ORG, "acme/policies:base.yml"]);
    expect(config.gate).toMatchObject({ policy: "all", threshold: "high" });
    expect([...config.locked].sort()).toEqual(["gate.policy", "gate.threshold"]);
    expect(sources).toEqual(["acme/policies:base.yml@abc123", `${ORG}@abc123`, ".github/ai-review-gate.yml"]);
  });

  it("without extends, is the file alone and reads nothing", async () => {
    const reads = reader({});
    const { config } = await resolveConfig({ text: "gate:\n  policy: all\n", source: "c.yml", at: OWN }, reads);
    expect(config).toEqual(parseConfigText("gate:\n  policy: all\n"));
    expect(reads.reads).toEqual([]);
  });

  it("keeps the central file's locked list when the extending file has none", () => {
    expect(mergeConfigInputs({ locked: ["gate"], gate: { policy: "all" } }, { extends: "x/y", ai: {} })).toEqual({
      locked: ["gate"],
      gate: { policy: "all" },
      ai: {},
    });
  });
});

describe("extends: locked settings", () => {
  const central = `gate:
  policy: all
  threshold: high
  approvals: { critical: 2 }
ai:
  bots: [agent-one]
secrets:
  allowlist:
    paths: [test/fixtures/**]
custom_rules:
  - { id: no-eval, pattern: "eval\\\\(", severity: high, message: m }
locked: [gate, ai.bots, secrets.allowlist.paths, custom_rules]
`;

  it("may be kept or made stricter", async () => {
    const own = `extends: .github
gate:
  threshold: medium
  approvals: { critical: 3 }
ai:
  bots: [agent-one, agent-two]
secrets:
  allowlist:
    paths: []
custom_rules:
  - { id: extra, pattern: "x", message: m }
`;
    const { config } = await resolve(own, { [ORG]: central });
    expect(config.gate).toMatchObject({ threshold: "medium", approvals: { critical: 3 } });
    expect(config.custom_rules.map((r) => r.id)).toEqual(["no-eval", "extra"]);
  });

  it("may not be weakened: each weakening named at its key and line in the extending file", async () => {
    const own = `extends: .github
gate:
  policy: ai-authored
  threshold: critical
  approvals: { critical: 1 }
  safe_paths: ["**"]
ai:
  bots: []
secrets:
  allowlist:
    paths: ["**"]
custom_rules:
  - { id: no-eval, pattern: "never-matches", severity: low, message: m }
`;
    const e = await configError(resolve(own, { [ORG]: central }));
    expect(e.source).toBe(".github/ai-review-gate.yml");
    const byPath = Object.fromEntries(e.problems.map((p) => [p.path, p]));
    expect(Object.keys(byPath).sort()).toEqual([
      "ai.bots",
      "custom_rules",
      "gate.approvals.critical",
      "gate.policy",
      "gate.safe_paths",
      "gate.threshold",
      "secrets.allowlist.paths",
    ]);
    expect(byPath["gate.threshold"]).toMatchObject({ line: 4 });
    expect(byPath["gate.threshold"]!.message).toContain(`locked by ${ORG}`);
    expect(byPath["gate.approvals.critical"]!.message).toContain("at 2 or more; this file sets 1");
    expect(byPath["ai.bots"]!.message).toContain("keep");
    expect(byPath["gate.safe_paths"]!.message).toContain("cannot be added");
  });

  it("binds files further down the chain, through a file that does not repeat the lock", async () => {
    const e = await configError(
      resolve("extends: .github\ngate:\n  threshold: critical\n", {
        [ORG]: "extends: policies\n",
        "acme/policies:.github/ai-review-gate.yml": "gate:\n  threshold: high\nlocked: [gate.threshold]\n",
      }),
    );
    expect(e.problems[0]!.message).toContain("locked by acme/policies:.github/ai-review-gate.yml");
  });

  it("compares patterns and globs case-sensitively", async () => {
    const e = await configError(
      resolve("extends: .github\nsecrets:\n  allowlist:\n    patterns: ['[A-Z]+']\n", {
        [ORG]: "secrets:\n  allowlist:\n    patterns: ['[a-z]+']\nlocked: [secrets.allowlist.patterns]\n",
      }),
    );
    expect(e.problems[0]!.path).toBe("secrets.allowlist.patterns");
  });

  it("refuses an unknown key in locked, naming the line", () => {
    expect(() => parseConfigText("locked: [gate.nope]\n", "c.yml")).toThrow(/locked\[0\] \(line 1\)/);
  });
});

describe("extends: failures name the file and why", () => {
  it("a missing central file: the extends line of the file that names it", async () => {
    const e = await configError(resolve("version: 1\nextends: acme/.github\n", {}));
    expect(e.source).toBe(".github/ai-review-gate.yml");
    expect(e.problems[0]).toMatchObject({ path: "extends", line: 2 });
    expect(e.message).toContain("acme/.github has no .github/ai-review-gate.yml on its default branch (main)");
  });

  it("an invalid central file: its own location, key and line", async () => {
    const e = await configError(resolve("extends: .github\n", { [ORG]: "gate:\n  threshold: extreme\n" }));
    expect(e.source).toBe(ORG);
    expect(e.problems[0]).toMatchObject({ path: "gate.threshold", line: 2 });
  });

  it("a cycle, with the chain", async () => {
    const e = await configError(
      resolve("extends: .github\n", {
        [ORG]: "extends: policies\n",
        "acme/policies:.github/ai-review-gate.yml": "extends: acme/.github\n",
      }),
    );
    expect(e.message).toContain("a cycle");
    expect(e.message).toContain(ORG);
  });

  it("a file that extends itself", async () => {
    const e = await configError(resolve("extends: acme/shop\n", {}));
    expect(e.message).toContain("a cycle: .github/ai-review-gate.yml → acme/shop:.github/ai-review-gate.yml");
  });

  it(`more than ${MAX_EXTENDS_DEPTH} central files, before reading the next`, async () => {
    const files = reader({
      [ORG]: "extends: a\n",
      "acme/a:.github/ai-review-gate.yml": "extends: b\n",
      "acme/b:.github/ai-review-gate.yml": "gate:\n  policy: all\n",
    });
    const e = await configError(
      resolveConfig({ text: "extends: .github\n", source: ".github/ai-review-gate.yml", at: OWN }, files),
    );
    expect(e.message).toContain("too many levels");
    expect(files.reads).toHaveLength(MAX_EXTENDS_DEPTH);
  });
});

describe("the README's example", () => {
  test("resolves as documented", async () => {
    const readme = readFileSync(join(import.meta.dirname, "../../README.md"), "utf8");
    const block = (first: string) => {
      const m = new RegExp(`\`\`\`yaml\\n(# ${first}[^\\n]*\\n[\\s\\S]*?)\`\`\``).exec(readme);
      if (!m) throw new Error(`no README block starting with # ${first}`);
      return m[1]!;
    };
    const { config } = await resolveConfig(
      { text: block("acme/shop:"), source: ".github/ai-review-gate.yml", at: OWN },
      reader({ [ORG]: block("acme/.github:") }),
    );
    expect(config.gate).toMatchObject({ policy: "all", threshold: "medium", approvals: { critical: 3 } });
    expect(config.custom_rules.map((r) => r.id)).toEqual(["no-eval", "ledger"]);
  });
});
