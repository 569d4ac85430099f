import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { ConfigError, parseConfigText } from "../../src/config/load.js";
import { DiffParseError, parseUnifiedDiff } from "../../src/diff/parse.js";
import { analyze } from "../../src/engine/analyze.js";
import { CATEGORIES, LEVELS, SEVERITIES } from "../../src/types.js";
import { corpusAvailable, corpusFile } from "../support/corpus.js";

/**
 * Properties shared by the seeded run in `npm test` and the long run in `npm run fuzz`:
 * no crash, no hang, and a clear, typed error for every rejected input.
 */

const CORPUS = corpusFile("diffs");
export const realDiffs: string[] = corpusAvailable(CORPUS)
  ? readdirSync(CORPUS)
      .filter((f) => f.endsWith(".diff"))
      .sort()
      .map((f) => readFileSync(join(CORPUS, f), "utf8"))
  : [];

const diffLine = fc.oneof(
  fc.constantFrom(
    "diff --git a/x b/x",
    "--- a/x",
    "+++ b/x",
    "--- /dev/null",
    "+++ /dev/null",
    "@@ -1,3 +1,4 @@",
    "@@ -0,0 +1 @@",
    "@@ -1 +0,0 @@",
    "new file mode 100644",
    "deleted file mode 100644",
    "rename from a",
    "rename to b",
    "Binary files a/x and b/x differ",
    "\\ No newline at end of file",
    "index 123..456 100644",
  ),
  fc.string({ maxLength: 40 }).map((s) => `+${s}`),
  fc.string({ maxLength: 40 }).map((s) => `-${s}`),
  fc.string({ maxLength: 40 }).map((s) => ` ${s}`),
  fc.string({ maxLength: 60 }),
);

/** Random diff-shaped text: header and hunk lines in any order, with any content. */
export const diffShapedText = fc.array(diffLine, { maxLength: 40 }).map((lines) => lines.join("\n"));

type Mutation =
  | { kind: "delete"; at: number }
  | { kind: "duplicate"; at: number }
  | { kind: "swap"; at: number; with: number }
  | { kind: "truncate"; at: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "hunk"; at: number; a: number; b: number }
  | { kind: "crlf" }
  | { kind: "bytes"; at: number; bytes: number[] };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("swap" as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.string({ maxLength: 80 }) }),
  fc.record({
    kind: fc.constant("hunk" as const),
    at: fc.nat(),
    a: fc.integer({ min: -5, max: 100000 }),
    b: fc.integer({ min: -5, max: 100000 }),
  }),
  fc.record({ kind: fc.constant("crlf" as const) }),
  fc.record({
    kind: fc.constant("bytes" as const),
    at: fc.nat(),
    bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 8 }),
  }),
);

export function mutate(text: string, mutations: Mutation[]): string | Buffer {
  let lines = text.split("\n");
  let bytes: Buffer | null = null;
  for (const m of mutations) {
    const i = lines.length === 0 ? 0 : m.kind === "crlf" ? 0 : m.at % lines.length;
    switch (m.kind) {
      case "delete":
        lines.splice(i, 1);
        break;
      case "duplicate":
        lines.splice(i, 0, lines[i] ?? "");
        break;
      case "swap": {
        const j = lines.length === 0 ? 0 : m.with % lines.length;
        [lines[i], lines[j]] = [lines[j] ?? "", lines[i] ?? ""];
        break;
      }
      case "truncate":
        lines = lines.slice(0, i);
        break;
      case "insert":
        lines.splice(i, 0, m.text);
        break;
      case "hunk":
        lines.splice(i, 0, `@@ -${m.a},${m.b} +${m.b},${m.a} @@`);
        break;
      case "crlf":
        lines = lines.map((l) => `${l}\r`);
        break;
      case "bytes": {
        const buf = Buffer.from(lines.join("\n"));
        const at = buf.length === 0 ? 0 : m.at % buf.length;
        bytes = Buffer.concat([buf.subarray(0, at), Buffer.from(m.bytes), buf.subarray(at)]);
        lines = bytes.toString("latin1").split("\n");
        break;
      }
    }
  }
  return bytes ? Buffer.from(lines.join("\n"), "latin1") : lines.join("\n");
}

export const mutatedRealDiff = fc
  .tuple(fc.nat({ max: Math.max(0, realDiffs.length - 1) }), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([i, ms]) => mutate(realDiffs[i] ?? "", ms));

/** The parser returns files or throws DiffParseError; nothing else. */
export function parserProperty(input: string | Buffer): void {
  try {
    const { files } = parseUnifiedDiff(input);
    for (const f of files) {
      if (typeof f.path !== "string" || f.path === "") throw new Error("file without a path");
      for (const l of f.added) if (!Number.isInteger(l.line)) throw new Error(`bad added line number ${l.line}`);
      for (const l of f.removed) if (!Number.isInteger(l.line)) throw new Error(`bad removed line number ${l.line}`);
    }
  } catch (e) {
    if (!(e instanceof DiffParseError)) throw e;
    if (!e.message) throw new Error("DiffParseError without a message");
  }
}

/** The whole engine returns a well-formed report or throws DiffParseError. */
export async function engineProperty(input: string | Buffer): Promise<void> {
  let report: Awaited<ReturnType<typeof analyze>>;
  try {
    report = await analyze({ diff: input });
  } catch (e) {
    if (e instanceof DiffParseError) return;
    throw e;
  }
  if (report.version !== 1) throw new Error("bad version");
  if (!(report.risk.score >= 0 && report.risk.score <= 100))
    throw new Error(`score out of range: ${report.risk.score}`);
  if (!LEVELS.includes(report.risk.level)) throw new Error(`bad level ${report.risk.level}`);
  if ((report.findings.length === 0) !== (report.risk.level === "none")) throw new Error("level none iff no findings");
  for (const f of report.findings) {
    if (!CATEGORIES.includes(f.category) || !SEVERITIES.includes(f.severity))
      throw new Error(`bad finding ${JSON.stringify(f)}`);
    if (f.line !== null && !Number.isInteger(f.line)) throw new Error(`bad line ${f.line}`);
    if (!f.message || !f.remediation) throw new Error(`finding without message or remediation: ${f.ruleId}`);
  }
  for (const w of report.warnings) if (/^rule .* failed/.test(w)) throw new Error(w);
}

const yamlScalar = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom(
    "low",
    "medium",
    "high",
    "critical",
    "off",
    "all",
    "ai-authored",
    "reset",
    "(a+)+$",
    "(?=x)",
    "[",
    "*",
  ),
);
const yamlKey = fc.constantFrom(
  "gate",
  "policy",
  "threshold",
  "approvals",
  "critical",
  "rules",
  "custom_rules",
  "pattern",
  "id",
  "message",
  "paths",
  "ignore",
  "ai",
  "raise_level",
  "secrets",
  "allowlist",
  "checklist",
  "extra",
  "text",
  "version",
  "bogus",
);
const yamlValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    yamlScalar,
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(yamlKey, tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** Structured configs (dumped as JSON, which is YAML) and raw text, including YAML syntax errors. */
export const configText = fc.oneof(
  fc.dictionary(yamlKey, yamlValue, { maxKeys: 5 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc
    .array(
      fc.constantFrom(
        "gate:",
        "  threshold: high",
        "  - a",
        "rules: {",
        "&a [*a, *a]",
        "key: value",
        ": :",
        "\t- x",
        "custom_rules:",
        "  - id: x",
        "    pattern: '(a+)+'",
        "    message: m",
      ),
      { maxLength: 12 },
    )
    .map((l) => l.join("\n")),
);

/** The config loader returns a config or throws ConfigError with at least one located problem. */
export function configProperty(text: string): void {
  try {
    parseConfigText(text, "fuzz.yml");
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    if (e.problems.length === 0) throw new Error("ConfigError without problems");
  }
}
