import { parse as parseYaml } from "yaml";
import type { ChangedFile } from "../diff/model.js";
import { cutLine, MAX_PARSE_CHARS, sideOf, wholeSideText } from "../diff/side.js";
import { keysAt, parseKeyLine, type YamlKey } from "./yaml-keys.js";

/**
 * Facts of a GitHub Actions workflow file: its name, triggers and jobs (a whole added or deleted file
 * is parsed with the `yaml` package), the privileged triggers it runs on, and lines that check out
 * the pull request's own code.
 */

/** Parsed facts of a whole workflow file. */
export interface WorkflowDoc {
  name: string | null;
  triggers: Set<string>;
  jobs: string[];
}

/** Parse a whole workflow with the `yaml` package; null when too big or not a mapping. Never throws. */
export function parseWorkflowText(text: string): WorkflowDoc | null {
  if (text.length > MAX_PARSE_CHARS) return null;
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
  const text = wholeSideText(file, file.status === "deleted" ? "old" : "new");
  const doc = text === null ? null : parseWorkflowText(text);
  docCache.set(file, doc);
  return doc;
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

/** Privileged triggers visible on the new side of a workflow (whole-file parse, else lines). */
export function visiblePrivilegedTriggers(file: ChangedFile): Set<string> {
  const found = new Set<string>();
  const lines = sideOf(file, "new").lines;
  // Parse only when a privileged trigger can be there at all.
  if (!lines.some((l) => l.text.includes("pull_request_target") || l.text.includes("workflow_run"))) return found;
  const doc = wholeWorkflow(file);
  if (doc) {
    for (const t of PRIVILEGED_TRIGGERS) if (doc.triggers.has(t)) found.add(t);
    return found;
  }
  for (const l of lines) {
    if (!l.text.includes("pull_request_target") && !l.text.includes("workflow_run")) continue;
    const t = privilegedTriggerOf(l.text);
    if (t) found.add(t);
  }
  return found;
}

// Expressions that name the pull request's own code (head commit, branch or merge ref).
const PR_HEAD_REF =
  /github\.event\.pull_request\.head\.(?:sha|ref)|github\.head_ref|github\.event\.workflow_run\.head_(?:sha|branch)|github\.event\.workflow_run\.pull_requests|refs\/pull\/|github\.event\.number\s*\}\}\/merge|github\.event\.pull_request\.number\s*\}\}\/(?:head|merge)|github\.event\.pull_request\.merge_commit_sha/;
const CHECKOUT_COMMAND = /\bgit\s+(?:checkout|fetch|switch)\b|\bgh\s+pr\s+checkout\b/;
const HEAD_REPO = /github\.event\.(?:pull_request\.head\.repo|workflow_run\.head_repository)\.full_name/;

/** True when a line checks out (or fetches) the pull request's head code. `chainOf` is called only when needed. */
export function isPrHeadCheckoutLine(content: string, chainOf: () => readonly YamlKey[]): boolean {
  const text = cutLine(content);
  if (text.includes("gh pr checkout")) return true;
  if (!PR_HEAD_REF.test(text)) {
    // `repository: ${{ github.event.pull_request.head.repo.full_name }}` checks out the fork itself.
    const key = HEAD_REPO.test(text) ? parseKeyLine(text) : null;
    return key?.key === "repository";
  }
  const key = parseKeyLine(text);
  if (key && (key.key === "ref" || key.key === "repository")) return true;
  if (CHECKOUT_COMMAND.test(text)) return true;
  return chainOf().some((k) => k.key === "run") && /git/.test(text);
}

/** New-side lines (context or added) that check out the PR head, with their enclosing keys. */
export function prHeadCheckouts(file: ChangedFile): { line: number; added: boolean; keys: YamlKey[] }[] {
  const out: { line: number; added: boolean; keys: YamlKey[] }[] = [];
  for (const l of sideOf(file, "new").lines) {
    const c = l.text;
    if (!c.includes("head") && !c.includes("refs/pull") && !c.includes("gh pr checkout")) continue;
    let keys: YamlKey[] | null = null;
    const chainOf = () => {
      keys ??= keysAt(file, "new", l.line);
      return keys;
    };
    if (isPrHeadCheckoutLine(c, chainOf)) out.push({ line: l.line, added: l.changed, keys: chainOf() });
  }
  return out;
}
