import { NO_AI } from "../../src/ai/detect.js";
import { defaultConfig, validateConfig } from "../../src/config/load.js";
import type { ConfigInput } from "../../src/config/schema.js";
import { parseUnifiedDiff } from "../../src/diff/parse.js";
import { analyze } from "../../src/engine/analyze.js";
import { ruleContext } from "../../src/engine/rule-context.js";
import type { Rule, RuleFinding } from "../../src/rules/types.js";
import type { PullRequestFacts, Report } from "../../src/types.js";

/** A diff that adds a new file with these lines. */
export function addedFile(path: string, lines: string[]): string {
  return [
    `diff --git a/${path} b/${path}`,
    "new file mode 100644",
    "index 0000000..1111111",
    "--- /dev/null",
    `+++ b/${path}`,
    `@@ -0,0 +1,${lines.length} @@`,
    ...lines.map((l) => `+${l}`),
    "",
  ].join("\n");
}

/** A diff that deletes a file that had these lines. */
export function deletedFile(path: string, lines: string[]): string {
  return [
    `diff --git a/${path} b/${path}`,
    "deleted file mode 100644",
    "index 1111111..0000000",
    `--- a/${path}`,
    "+++ /dev/null",
    `@@ -1,${lines.length} +0,0 @@`,
    ...lines.map((l) => `-${l}`),
    "",
  ].join("\n");
}

/**
 * A diff modifying a file. `hunk` lines start with "+", "-" or " " as in a real diff;
 * `start` is the first line number on both sides.
 */
export function modifiedFile(path: string, hunk: string[], start = 1): string {
  const oldCount = hunk.filter((l) => !l.startsWith("+")).length;
  const newCount = hunk.filter((l) => !l.startsWith("-")).length;
  return [
    `diff --git a/${path} b/${path}`,
    "index 1111111..2222222 100644",
    `--- a/${path}`,
    `+++ b/${path}`,
    `@@ -${start},${oldCount} +${start},${newCount} @@`,
    ...hunk,
    "",
  ].join("\n");
}

/** A diff modifying a YAML file, hunk lines as written: "+"/"-" lines are changes, any other line is context. */
export function modifiedYamlFile(path: string, lines: string[], start = 1): string {
  return modifiedFile(
    path,
    lines.map((l) => (l.startsWith("+") || l.startsWith("-") ? l : ` ${l}`)),
    start,
  );
}

/** An added Rails migration `db/migrate/20250101000000_<name>.rb` whose class holds these lines. */
export function railsMigration(name: string, body: string[]): string {
  return addedFile(`db/migrate/20250101000000_${name}.rb`, [
    `class ${name.replace(/(^|_)(\w)/g, (_m, _p, c: string) => c.toUpperCase())} < ActiveRecord::Migration[7.1]`,
    ...body,
    "end",
  ]);
}

/** Run a single rule over a diff with default (or given) config. */
export async function runRule(
  rule: Rule,
  diff: string,
  opts: { config?: ConfigInput; pr?: PullRequestFacts } = {},
): Promise<RuleFinding[]> {
  const config = opts.config ? validateConfig(opts.config) : defaultConfig();
  const { files } = parseUnifiedDiff(diff);
  if (rule.init) await rule.init();
  const ctx = ruleContext(files, config, opts.pr ?? null, NO_AI);
  return rule.run(ctx);
}

/** Run the whole engine over a diff. */
export async function scan(diff: string, opts: { config?: ConfigInput; pr?: PullRequestFacts } = {}): Promise<Report> {
  return analyze({ diff, pr: opts.pr ?? null, config: opts.config ? validateConfig(opts.config) : undefined });
}
