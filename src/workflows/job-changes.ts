import type { ChangedFile } from "../diff/model.js";
import { removedText, sideOf } from "../diff/side.js";
import { jobOfKeys, keysAt, parseKeyLine, scalarValue, type YamlKey } from "./yaml-keys.js";

/** Jobs a modified workflow loses: job keys removed, and dependencies dropped from `needs:`. */

// A bare scalar list item (`- lint`), the shape of a multi-line `needs:` entry.
const NEEDS_ITEM = /^\s*-\s+["']?[\w-]+["']?\s*(?:#.*)?$/m;

function needsItems(key: YamlKey | null, content: string, chain: readonly YamlKey[]): string[] {
  if (key?.key === "needs") {
    const v = scalarValue(key.value).replace(/^\[|\]$/g, "");
    return v
      .split(",")
      .map((s) => scalarValue(s.trim()))
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
  const removed = new Map<string, { line: number; items: Set<string> }>();
  for (const l of file.removed) {
    const key = parseKeyLine(l.content);
    const isItem = NEEDS_ITEM.test(l.content);
    if (key?.key !== "needs" && !isItem) continue;
    const chain = keysAt(file, "old", l.line);
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
    const chain = keysAt(file, "new", l.line);
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

/** The old-side lines of a removed job: its key line and every deeper-indented line after it. */
export function removedJobLines(file: ChangedFile, keyLine: number): string[] {
  const view = sideOf(file, "old");
  const start = view.indexOf(keyLine);
  if (start === undefined) return [];
  const first = view.lines[start]!;
  const col = first.text.length - first.text.trimStart().length;
  const out = [first.text];
  for (let i = start + 1; i < view.lines.length; i++) {
    const l = view.lines[i]!;
    if (l.hunk !== first.hunk) break;
    const indent = l.text.length - l.text.trimStart().length;
    if (l.text.trim() !== "" && indent <= col) break;
    out.push(l.text);
  }
  return out;
}

/** Jobs whose key line was removed from a modified workflow and not re-added under the same id. */
export function removedJobs(file: ChangedFile): { job: string; line: number }[] {
  if (file.status === "deleted" || file.status === "added") return [];
  // A job key is a bare `  name:` line; skip files whose removed lines hold none.
  if (!/^[ \t]{1,8}[\w-]+:[ \t]*$/m.test(removedText(file))) return [];
  const candidates: { job: string; line: number }[] = [];
  for (const l of file.removed) {
    const key = parseKeyLine(l.content);
    if (!key || key.item || key.col === 0 || key.value !== "" || !/^[\w-]+$/.test(key.key)) continue;
    const chain = keysAt(file, "old", l.line);
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
