import { parse as parseYaml } from "yaml";
import type { ChangedFile } from "../diff/model.js";
import { newSideText, oldSideText } from "../diff/model.js";
import { basenameOf } from "../util/paths.js";
import { capLine, removedText, type SideLine, sideView } from "./diff-lines.js";

/**
 * GitHub Actions workflow analysis on diffs. A modified workflow is only seen through its hunks, so
 * the enclosing job/step of a line is found from indentation (walking up to less-indented keys);
 * a whole file (added or deleted) is also parsed with the `yaml` package for its triggers and jobs.
 */

/** Parse whole workflow files only below this size; above it the line-based view is used alone. */
export const MAX_YAML_BYTES = 512 * 1024;

const WORKFLOW_PATH = /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/;
const COMPOSITE_ACTION_PATH = /(?:^|\/)\.github\/actions\/(?:.+\/)?action\.ya?ml$/;

export function isGithubWorkflow(path: string): boolean {
  return WORKFLOW_PATH.test(path);
}

export function isCompositeAction(path: string): boolean {
  return COMPOSITE_ACTION_PATH.test(path) || path === "action.yml" || path === "action.yaml";
}

/** Workflow YAML or composite action: files whose `run:` steps execute in GitHub Actions. */
export function isGithubActionsYaml(path: string): boolean {
  return isGithubWorkflow(path) || isCompositeAction(path);
}

/** The CI system a path configures, or null. Covers GitHub Actions and the other common CI services. */
export function ciSystemOf(path: string): string | null {
  if (path.includes(".github/workflows/")) return "GitHub Actions";
  if (isCompositeAction(path)) return "GitHub Actions";
  const base = basenameOf(path);
  if (base === ".gitlab-ci.yml" || base === ".gitlab-ci.yaml" || path.startsWith(".gitlab/ci/")) return "GitLab CI";
  if (path === ".circleci/config.yml" || path.startsWith(".circleci/")) return "CircleCI";
  if (base === "azure-pipelines.yml" || base === "azure-pipelines.yaml" || path.startsWith(".azure-pipelines/"))
    return "Azure Pipelines";
  if (base === "Jenkinsfile" || base.endsWith(".jenkinsfile")) return "Jenkins";
  if (path.startsWith(".buildkite/")) return "Buildkite";
  if (base === ".travis.yml") return "Travis CI";
  if (base === "bitbucket-pipelines.yml") return "Bitbucket Pipelines";
  if (base === ".drone.yml") return "Drone";
  if (base === ".woodpecker.yml" || path.startsWith(".woodpecker/")) return "Woodpecker";
  if (base === "appveyor.yml" || base === ".appveyor.yml") return "AppVeyor";
  if (base === "cloudbuild.yaml" || base === "cloudbuild.yml") return "Cloud Build";
  if (path.startsWith(".tekton/")) return "Tekton";
  return null;
}

/** True for any CI configuration file (workflow, composite action, other CI services). */
export function isCiFile(path: string): boolean {
  return ciSystemOf(path) !== null;
}

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
  const m = KEY_LINE.exec(capLine(content));
  if (!m) return null;
  return { key: m[3]!.trim(), value: (m[4] ?? "").trim(), col: m[1]!.length, item: !!m[2], line };
}

function leadingSpaces(s: string): number {
  let i = 0;
  while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  return i;
}

const WALK_LIMIT = 3000;

/**
 * The keys enclosing `view[index]`, innermost first, found by walking up to less-indented keys
 * within the same hunk. When the walk does not reach column 0, the hunk header (git puts the last
 * top-level key there, e.g. `jobs:`) supplies the top key.
 */
export function enclosingKeys(view: readonly SideLine[], index: number, header = ""): YamlKey[] {
  const start = view[index];
  if (!start) return [];
  const chain: YamlKey[] = [];
  let col = leadingSpaces(start.content);
  const stop = Math.max(0, index - WALK_LIMIT);
  for (let j = index - 1; j >= stop && col > 0; j--) {
    const entry = view[j]!;
    if (entry.hunk !== start.hunk) break;
    const text = entry.content;
    const lc = leadingSpaces(text);
    if (lc >= text.length || text[lc] === "#" || lc >= col) continue;
    const key = parseKeyLine(text, entry.line);
    col = lc;
    if (key) chain.push(key);
  }
  if (col > 0) {
    const top = parseKeyLine(header, -1);
    if (top && top.col === 0) chain.push(top);
  }
  return chain;
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
      if (k.key === "name" || k.key === "uses" || k.key === "id") return stripQuotes(k.value);
      return null;
    }
  }
  return null;
}

export function stripQuotes(s: string): string {
  const t = s.replace(/\s+#.*$/, "").trim();
  if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'"))) return t.slice(1, -1);
  return t;
}

/** Hunk header text for a view line (used as the top key when the walk stops early). */
export function headerOf(file: ChangedFile, entry: SideLine): string {
  return file.hunks[entry.hunk]?.header ?? "";
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

/** Cached per-file views: rules over the same file share them (one walk per file, linear). */
export interface WorkflowView {
  file: ChangedFile;
  newSide: SideLine[];
  oldSide: SideLine[];
  /** new-side line number -> index in newSide */
  newIndex: Map<number, number>;
  oldIndex: Map<number, number>;
}

const viewCache = new WeakMap<ChangedFile, WorkflowView>();

export function workflowView(file: ChangedFile): WorkflowView {
  let v = viewCache.get(file);
  if (v) return v;
  const newSide = sideView(file, "new");
  const oldSide = sideView(file, "old");
  const newIndex = new Map<number, number>();
  const oldIndex = new Map<number, number>();
  for (let i = 0; i < newSide.length; i++) newIndex.set(newSide[i]!.line, i);
  for (let i = 0; i < oldSide.length; i++) oldIndex.set(oldSide[i]!.line, i);
  v = { file, newSide, oldSide, newIndex, oldIndex };
  viewCache.set(file, v);
  return v;
}

/** Enclosing keys of a new-side (added/context) line by its line number. */
export function keysAtNew(view: WorkflowView, line: number): YamlKey[] {
  const i = view.newIndex.get(line);
  if (i === undefined) return [];
  return enclosingKeys(view.newSide, i, headerOf(view.file, view.newSide[i]!));
}

export function keysAtOld(view: WorkflowView, line: number): YamlKey[] {
  const i = view.oldIndex.get(line);
  if (i === undefined) return [];
  return enclosingKeys(view.oldSide, i, headerOf(view.file, view.oldSide[i]!));
}

/** Triggers that run with the base repository's secrets and a write token on events from forks. */
export const PRIVILEGED_TRIGGERS = ["pull_request_target", "workflow_run"] as const;

const TRIGGER_LINE = /^\s*(?:-\s*)?["']?(pull_request_target|workflow_run)["']?\s*(?::|$|#)/;
const INLINE_ON = /^\s*["']?on["']?\s*:\s*\[?[^\n]*\b(pull_request_target|workflow_run)\b/;

/** The privileged trigger a line declares, or null. */
export function privilegedTriggerOf(content: string): string | null {
  const m = TRIGGER_LINE.exec(content) ?? INLINE_ON.exec(content);
  return m ? m[1]! : null;
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
      if (key.key === "name" && name === null && key.value) name = stripQuotes(key.value);
      continue;
    }
    if (!inJobs || key.item) continue;
    if (jobCol < 0) jobCol = key.col;
    if (key.col === jobCol && jobs.length < 50) jobs.push(key.key);
  }
  return { name, jobs };
}

/** Parsed facts of a whole workflow file. */
export interface WorkflowDoc {
  name: string | null;
  triggers: Set<string>;
  jobs: string[];
}

/** Parse a whole workflow with the `yaml` package; null when too big or not a mapping. Never throws. */
export function parseWorkflowText(text: string): WorkflowDoc | null {
  if (text.length > MAX_YAML_BYTES) return null;
  try {
    const doc: unknown = parseYaml(text, { uniqueKeys: false, maxAliasCount: 100 });
    if (!doc || typeof doc !== "object" || Array.isArray(doc)) return null;
    const d = doc as Record<string, unknown>;
    // YAML 1.1 readers turn `on` into `true`; the yaml package (1.2) keeps "on", accept both.
    const on = d.on ?? d["true"];
    const triggers = new Set<string>();
    if (typeof on === "string") triggers.add(on);
    else if (Array.isArray(on)) {
      for (const t of on) if (typeof t === "string") triggers.add(t);
    } else if (on && typeof on === "object") {
      for (const t of Object.keys(on)) triggers.add(t);
    }
    const jobs = d.jobs && typeof d.jobs === "object" && !Array.isArray(d.jobs) ? Object.keys(d.jobs) : [];
    return { name: typeof d.name === "string" ? d.name : null, triggers, jobs };
  } catch {
    return null;
  }
}

const docCache = new WeakMap<ChangedFile, WorkflowDoc | null>();

/** The whole workflow when the diff holds it (added: new side; deleted: old side), else null. */
export function wholeWorkflow(file: ChangedFile): WorkflowDoc | null {
  if (docCache.has(file)) return docCache.get(file)!;
  let doc: WorkflowDoc | null = null;
  if (!file.binary && !file.patchMissing) {
    if (file.status === "added") doc = parseWorkflowText(newSideText(file));
    else if (file.status === "deleted") doc = parseWorkflowText(oldSideText(file));
  }
  docCache.set(file, doc);
  return doc;
}

/** Privileged triggers visible on the new side of a workflow (whole-file parse, else lines). */
export function visiblePrivilegedTriggers(view: WorkflowView): Set<string> {
  const found = new Set<string>();
  // Parse only when a privileged trigger can be there at all.
  if (!view.newSide.some((l) => l.content.includes("pull_request_target") || l.content.includes("workflow_run")))
    return found;
  const doc = wholeWorkflow(view.file);
  if (doc) {
    for (const t of PRIVILEGED_TRIGGERS) if (doc.triggers.has(t)) found.add(t);
    return found;
  }
  for (const l of view.newSide) {
    if (!l.content.includes("pull_request_target") && !l.content.includes("workflow_run")) continue;
    const t = privilegedTriggerOf(l.content);
    if (t) found.add(t);
  }
  return found;
}

// Expressions that name the pull request's own code (head commit, branch or merge ref).
const PR_HEAD_REF =
  /github\.event\.pull_request\.head\.(?:sha|ref)|github\.head_ref|github\.event\.workflow_run\.head_(?:sha|branch)|github\.event\.workflow_run\.pull_requests|refs\/pull\/|github\.event\.number\s*\}\}\/merge|github\.event\.pull_request\.number\s*\}\}\/(?:head|merge)|github\.event\.pull_request\.merge_commit_sha/;
const CHECKOUT_COMMAND = /\bgit\s+(?:checkout|fetch|switch)\b|\bgh\s+pr\s+checkout\b/;

/** True when a line checks out (or fetches) the pull request's head code. `chainOf` is called only when needed. */
export function isPrHeadCheckoutLine(content: string, chainOf: () => readonly YamlKey[]): boolean {
  const text = capLine(content);
  if (text.includes("gh pr checkout")) return true;
  if (!PR_HEAD_REF.test(text)) {
    // `repository: ${{ github.event.pull_request.head.repo.full_name }}` checks out the fork itself.
    const key = HEAD_REPO.test(text) ? parseKeyLine(text) : null;
    return key?.key === "repository";
  }
  const key = parseKeyLine(text);
  if (key && (key.key === "ref" || key.key === "repository")) return true;
  if (CHECKOUT_COMMAND.test(text)) return true;
  return chainOf().some((k) => k.key === "run") && /git/.test(text);
}

const HEAD_REPO = /github\.event\.(?:pull_request\.head\.repo|workflow_run\.head_repository)\.full_name/;

// A bare scalar list item (`- lint`), the shape of a multi-line `needs:` entry.
const NEEDS_ITEM = /^\s*-\s+["']?[\w-]+["']?\s*(?:#.*)?$/m;

function needsItems(key: YamlKey | null, content: string, chain: readonly YamlKey[]): string[] {
  if (key?.key === "needs") {
    const v = stripQuotes(key.value).replace(/^\[|\]$/g, "");
    return v
      .split(",")
      .map((s) => stripQuotes(s.trim()))
      .filter((s) => /^[\w-]+$/.test(s));
  }
  if (chain[0]?.key === "needs") {
    const m = /^\s*-\s+["']?([\w-]+)["']?\s*(?:#.*)?$/.exec(content);
    if (m) return [m[1]!];
  }
  return [];
}

/** Dependencies dropped from jobs' `needs:` (job -> jobs it no longer waits for), from removed vs added lines. */
export function droppedNeeds(file: ChangedFile): { job: string; line: number; dropped: string[] }[] {
  const removedAll = removedText(file);
  if (!removedAll.includes("needs") && !NEEDS_ITEM.test(removedAll)) return [];
  const view = workflowView(file);
  const removed = new Map<string, { line: number; items: Set<string> }>();
  for (const l of file.removed) {
    const key = parseKeyLine(l.content);
    const isItem = NEEDS_ITEM.test(l.content);
    if (key?.key !== "needs" && !isItem) continue;
    const chain = keysAtOld(view, l.line);
    const items = needsItems(key, l.content, chain);
    const job = jobOfKeys(key?.key === "needs" ? [key, ...chain] : chain);
    if (!job || items.length === 0) continue;
    let e = removed.get(job);
    if (!e) {
      e = { line: l.line, items: new Set() };
      removed.set(job, e);
    }
    for (const i of items) e.items.add(i);
  }
  if (removed.size === 0) return [];
  const added = new Map<string, Set<string>>();
  for (const l of file.added) {
    const key = parseKeyLine(l.content);
    const isItem = /^\s*-\s/.test(l.content);
    if (key?.key !== "needs" && !isItem) continue;
    const chain = keysAtNew(view, l.line);
    const items = needsItems(key, l.content, chain);
    const job = jobOfKeys(key?.key === "needs" ? [key, ...chain] : chain);
    if (!job) continue;
    let s = added.get(job);
    if (!s) {
      s = new Set();
      added.set(job, s);
    }
    for (const i of items) s.add(i);
  }
  const out: { job: string; line: number; dropped: string[] }[] = [];
  const gone = new Set(removedJobs(file).map((j) => j.job));
  for (const [job, e] of removed) {
    if (gone.has(job)) continue;
    const now = added.get(job) ?? new Set<string>();
    const dropped = [...e.items].filter((i) => !now.has(i));
    if (dropped.length > 0) out.push({ job, line: e.line, dropped });
  }
  return out;
}

/** Jobs whose key line was removed from a modified workflow and not re-added under the same id. */
export function removedJobs(file: ChangedFile): { job: string; line: number }[] {
  if (file.status === "deleted" || file.status === "added") return [];
  // A job key is a bare `  name:` line; skip files whose removed lines hold none.
  if (!/^[ \t]{1,8}[\w-]+:[ \t]*$/m.test(removedText(file))) return [];
  const candidates: { job: string; line: number }[] = [];
  let view: WorkflowView | null = null;
  for (const l of file.removed) {
    const key = parseKeyLine(l.content);
    if (!key || key.item || key.col === 0 || key.value !== "" || !/^[\w-]+$/.test(key.key)) continue;
    view ??= workflowView(file);
    const chain = keysAtOld(view, l.line);
    if (chain[0]?.key === "jobs" && chain[0].col === 0) candidates.push({ job: key.key, line: l.line });
  }
  if (candidates.length === 0) return [];
  const readded = new Set<string>();
  for (const l of file.added) {
    const key = parseKeyLine(l.content);
    if (key && !key.item && key.col > 0 && candidates.some((c) => c.job === key.key)) readded.add(key.key);
  }
  return candidates.filter((c) => !readded.has(c.job));
}
