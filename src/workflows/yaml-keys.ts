import { indentOf, unquote } from "../diff/line-syntax.js";
import type { ChangedFile } from "../diff/model.js";
import { cutLine, type Side, type SideLine, sideOf } from "../diff/side.js";

/**
 * Where a line of a workflow sits: a modified workflow is only seen through its hunks, so the
 * enclosing job and step of a line are found from indentation, walking up to less-indented keys.
 */

// A YAML mapping key at the start of a line, optionally as a sequence item: `  key: value`, `- key: value`.
const KEY_LINE = /^(\s*)(-\s+)?["']?([A-Za-z0-9_][\w.\-/ ]{0,100}?)["']?\s*:(?:\s+(.*))?$/;

export interface YamlKey {
  key: string;
  /** Inline value after the colon (trimmed, comments kept). */
  value: string;
  /** Column of the key (or of the `-` for a sequence item). */
  col: number;
  /** True when the key opens a sequence item (`- name: ...`). */
  item: boolean;
  line: number;
}

export function parseKeyLine(content: string, line = 0): YamlKey | null {
  const m = KEY_LINE.exec(cutLine(content));
  if (!m) return null;
  return { key: m[3]!.trim(), value: (m[4] ?? "").trim(), col: m[1]!.length, item: !!m[2], line };
}

const WALK_LIMIT = 3000;

/**
 * For each line of a side, the nearest earlier line of its hunk that is less indented than it (blank and
 * comment lines never count), or -1: what walking up line by line finds, computed in one pass with a
 * stack of ever deeper lines. Per lines array (a side's memoized view), so each walk follows parents
 * instead of re-reading every sibling above it (long step lists cost up to 3,000 lines per line).
 */
const lessIndentedCache = new WeakMap<readonly SideLine[], Int32Array>();

function lessIndentedBefore(lines: readonly SideLine[]): Int32Array {
  const cached = lessIndentedCache.get(lines);
  if (cached) return cached;
  const parents = new Int32Array(lines.length);
  // Indices and indents of the lines a later line can find, indents strictly increasing.
  const stack: number[] = [];
  const indents: number[] = [];
  let hunk = Number.NaN;
  for (let i = 0; i < lines.length; i++) {
    const entry = lines[i]!;
    if (entry.hunk !== hunk) {
      hunk = entry.hunk;
      stack.length = 0;
      indents.length = 0;
    }
    const text = entry.text;
    const lc = indentOf(text);
    // The deepest stacked line less indented than this one (binary search: comment lines do not pop).
    let lo = 0;
    let hi = indents.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (indents[mid]! < lc) lo = mid + 1;
      else hi = mid;
    }
    parents[i] = lo > 0 ? stack[lo - 1]! : -1;
    if (lc < text.length && text[lc] !== "#") {
      stack.length = lo;
      indents.length = lo;
      stack.push(i);
      indents.push(lc);
    }
  }
  lessIndentedCache.set(lines, parents);
  return parents;
}

/**
 * The keys enclosing `lines[index]`, innermost first, found by walking up to less-indented keys
 * within the same hunk (at most WALK_LIMIT lines up). When the walk does not reach column 0, the hunk
 * header (git puts the last top-level key there, e.g. `jobs:`) supplies the top key.
 */
export function enclosingKeys(lines: readonly SideLine[], index: number): YamlKey[] {
  const start = lines[index];
  if (!start) return [];
  const chain: YamlKey[] = [];
  let col = indentOf(start.text);
  if (col > 0) {
    const parents = lessIndentedBefore(lines);
    const stop = Math.max(0, index - WALK_LIMIT);
    for (let j = parents[index]!; j >= stop; j = parents[j]!) {
      const entry = lines[j]!;
      col = indentOf(entry.text);
      const key = parseKeyLine(entry.text, entry.line);
      if (key) chain.push(key);
    }
  }
  if (col > 0) {
    const top = parseKeyLine(start.header, -1);
    if (top && top.col === 0) chain.push(top);
  }
  return chain;
}

/** Enclosing keys of the line with this number on one side of a file ([] when the diff does not show it). */
export function keysAt(file: ChangedFile, side: Side, line: number): YamlKey[] {
  const view = sideOf(file, side);
  const i = view.indexOf(line);
  return i === undefined ? [] : enclosingKeys(view.lines, i);
}

// Keys a job mapping holds: when the walk stops inside a job, these are never the job id.
const JOB_KEYWORDS = new Set([
  "env",
  "with",
  "steps",
  "permissions",
  "runs-on",
  "strategy",
  "matrix",
  "services",
  "container",
  "outputs",
  "defaults",
  "if",
  "needs",
  "name",
  "timeout-minutes",
  "concurrency",
  "environment",
  "run",
  "uses",
  "secrets",
  "continue-on-error",
]);

/** The job id a line belongs to (the key under top-level `jobs:`), or null. */
export function jobOfKeys(chain: readonly YamlKey[]): string | null {
  for (let i = chain.length - 1; i > 0; i--) {
    const k = chain[i]!;
    if (k.key === "jobs" && k.col === 0) {
      const job = chain[i - 1]!;
      if (job.item) return null;
      // `jobs` taken from the hunk header: the walk may have stopped below the job key.
      if (k.line === -1 && (job.col > 4 || JOB_KEYWORDS.has(job.key))) return null;
      return job.key;
    }
  }
  return null;
}

/** The step a line belongs to: its `name:` or `uses:` when the item line carries one. */
export function stepOfKeys(chain: readonly YamlKey[]): string | null {
  for (let i = 0; i < chain.length; i++) {
    const k = chain[i]!;
    if (k.item && i + 1 < chain.length && chain[i + 1]!.key === "steps") {
      if (k.key === "name" || k.key === "uses" || k.key === "id") return scalarValue(k.value);
      return null;
    }
  }
  return null;
}

/** An inline YAML scalar as written after `key:`, without a trailing comment or its quotes. */
export function scalarValue(s: string): string {
  return unquote(s.replace(/\s+#.*$/, ""));
}

/** "job build" / "step 'Run tests' in job build" for messages. */
export function describeLocation(chain: readonly YamlKey[]): string {
  const job = jobOfKeys(chain);
  const step = stepOfKeys(chain);
  if (job && step) return `step '${step}' of job ${job}`;
  if (job) return `job ${job}`;
  if (step) return `step '${step}'`;
  return "";
}

/**
 * Name and job ids of a whole workflow from its lines, without a YAML parse: enough to name the
 * workflow in a message (the low-severity "pipeline changed" finding runs on every CI file).
 */
export function outlineWorkflow(lines: readonly { content: string }[]): { name: string | null; jobs: string[] } {
  let name: string | null = null;
  const jobs: string[] = [];
  let inJobs = false;
  let jobCol = -1;
  for (const { content } of lines) {
    if (content.length === 0 || content.trimStart().startsWith("#")) continue;
    const key = parseKeyLine(content);
    if (!key) continue;
    if (key.col === 0) {
      inJobs = key.key === "jobs";
      if (key.key === "name" && name === null && key.value) name = scalarValue(key.value);
      continue;
    }
    if (!inJobs || key.item) continue;
    if (jobCol < 0) jobCol = key.col;
    if (key.col === jobCol && jobs.length < 50) jobs.push(key.key);
  }
  return { name, jobs };
}
