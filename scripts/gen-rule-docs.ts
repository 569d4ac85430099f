/**
 * `node --import tsx scripts/gen-rule-docs.ts [--check]`: the rule tables of docs/rules/*.md,
 * generated from the rules' metadata (id, docs.severity, docs.detects) so that each text exists once,
 * in the rule's file. Each table sits between `<!-- rules:<category> -->` and `<!-- /rules:<category> -->`;
 * the prose around it is written by hand. `--check` exits 1 when a file is stale (a test runs it too).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { BUILTIN_RULES } from "../src/rules/index.js";
import type { Rule } from "../src/rules/types.js";
import { CATEGORIES, type Category } from "../src/types.js";

export const DOCS_DIR = join(import.meta.dirname, "../docs/rules");

/** The docs page of each built-in category. */
export const DOC_PAGE: Record<Exclude<Category, "custom">, string> = {
  "migration-destructive": "migration.md",
  migration: "migration.md",
  "infra-deletion": "infrastructure.md",
  "infra-change": "infrastructure.md",
  "production-config": "production-config.md",
  "ci-workflow": "ci-workflow.md",
  "agent-autonomy": "agent-autonomy.md",
  secrets: "secrets.md",
  "destructive-command": "destructive-command.md",
  "safety-bypass": "safety-bypass.md",
  dependency: "dependency.md",
  "missing-tests": "missing-tests.md",
};

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** The Markdown table of one category's rules, in registry order. */
export function ruleTable(category: Category, rules: readonly Rule[] = BUILTIN_RULES): string {
  const rows = rules
    .filter((r) => r.category === category)
    .map((r) => {
      if (!r.docs) throw new Error(`rule ${r.id} has no docs metadata`);
      return `| \`${r.id}\` | ${cell(r.docs.severity)} | ${cell(r.docs.detects)} |`;
    });
  return ["| Rule id | Severity | Detects |", "|---|---|---|", ...rows].join("\n");
}

/** `text` with every category table between its markers regenerated. */
export function withRuleTables(text: string, rules: readonly Rule[] = BUILTIN_RULES): string {
  let out = text;
  for (const category of CATEGORIES) {
    const open = `<!-- rules:${category} -->`;
    const close = `<!-- /rules:${category} -->`;
    const start = out.indexOf(open);
    if (start < 0) continue;
    const end = out.indexOf(close, start);
    if (end < 0) throw new Error(`${open} has no ${close}`);
    out = `${out.slice(0, start + open.length)}\n${ruleTable(category, rules)}\n${out.slice(end)}`;
  }
  return out;
}

/** The docs pages whose tables are out of date (written when `write` is set). */
export function staleRuleDocs(write: boolean): string[] {
  const stale: string[] = [];
  for (const page of new Set(Object.values(DOC_PAGE))) {
    const path = join(DOCS_DIR, page);
    const text = readFileSync(path, "utf8");
    const next = withRuleTables(text);
    if (next === text) continue;
    stale.push(page);
    if (write) writeFileSync(path, next);
  }
  return stale;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const check = process.argv.includes("--check");
  const stale = staleRuleDocs(!check);
  if (check && stale.length > 0) {
    console.error(
      `stale rule tables in docs/rules: ${stale.join(", ")} (run node --import tsx scripts/gen-rule-docs.ts)`,
    );
    process.exit(1);
  }
  console.log(stale.length > 0 ? `updated ${stale.join(", ")}` : "docs/rules tables are up to date");
}
