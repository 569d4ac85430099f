import type { ChangedFile } from "../diff/model.js";
import { sideOf, wholeSideText } from "../diff/side.js";
import { memoByFiles } from "../util/memo.js";
import { classifyDependencyFile, type DependencyFile } from "./files.js";
import { type LockEntry, parseLockSide } from "./lockfile.js";
import { type DepRef, parseManifestSide, type ScriptRef } from "./manifests/index.js";
import { findUrl, hostOf, type SourceRef, sourceRepository } from "./sources.js";

/**
 * What a changed dependency file does, computed once per file and shared by the dependency rules:
 * dependencies added, removed and re-versioned (old side vs new side), new non-registry sources,
 * new install hooks, and for lockfiles the package entries added, removed and bumped.
 */

export interface VersionChange {
  name: string;
  from: string;
  to: string;
  line: number;
}

export interface LockDelta {
  added: LockEntry[];
  removed: LockEntry[];
  bumped: VersionChange[];
  /** Lines changed in total (added + removed), to tell a hash-only churn from a real change. */
  changedLines: number;
}

export interface DependencyFileAnalysis {
  file: ChangedFile;
  dep: DependencyFile;
  added: DepRef[];
  /** Removed declarations; `line` is on the old side. */
  removed: DepRef[];
  changed: VersionChange[];
  /** Non-registry sources on added lines that the removed lines did not already have. */
  sources: SourceRef[];
  /** Install hooks on added lines that are new or whose command changed. */
  scripts: ScriptRef[];
  lock: LockDelta | null;
}

const cache = new WeakMap<ChangedFile, DependencyFileAnalysis>();

/** Analysis of a dependency file, or null for any other file (cached per ChangedFile). */
export function analyzeDependencyFile(file: ChangedFile): DependencyFileAnalysis | null {
  // Most files are no dependency file: their path says so, with no cache entry.
  const dep = classifyDependencyFile(file.path);
  if (!dep || file.binary) return null;
  let result = cache.get(file);
  if (!result) {
    result = compute(file, dep);
    cache.set(file, result);
  }
  return result;
}

function byName<T extends { name: string }>(items: readonly T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const it of items) if (!m.has(it.name)) m.set(it.name, it);
  return m;
}

function compute(file: ChangedFile, dep: DependencyFile): DependencyFileAnalysis {
  const oldLines = sideOf(file, "old").lines;
  const newLines = sideOf(file, "new").lines;
  const result: DependencyFileAnalysis = {
    file,
    dep,
    added: [],
    removed: [],
    changed: [],
    sources: [],
    scripts: [],
    lock: null,
  };
  if (dep.kind === "lockfile") {
    const oldSide = parseLockSide(dep, oldLines);
    const newSide = parseLockSide(dep, newLines);
    result.lock = lockDelta(oldSide.entries, newSide.entries, file);
    // Hosts the lock already used (removed and context lines): a private registry the project
    // always resolves from is not news; only hosts the PR introduces are.
    const knownHosts = new Set<string>();
    const noteHost = (text: string) => {
      if (!text.includes("://")) return;
      const u = findUrl(text);
      if (u) knownHosts.add(hostOf(u));
    };
    for (const l of oldLines) noteHost(l.text);
    for (const l of newLines) if (!l.changed) noteHost(l.text);
    const oldTargets = new Set(oldSide.sources.map((s) => s.target));
    result.sources = withPrevious(
      newSide.sources.filter(
        (s) => !oldTargets.has(s.target) && (s.kind === "git" || !knownHosts.has(hostOf(s.target))),
      ),
      oldSide.sources,
    );
    return result;
  }
  const oldSide = parseManifestSide(dep, oldLines, null);
  const newSide = parseManifestSide(dep, newLines, wholeSideText(file, "new"));
  const oldDeps = byName(oldSide.deps);
  const newDeps = byName(newSide.deps);
  for (const [name, d] of newDeps) {
    const before = oldDeps.get(name);
    if (!before) result.added.push(d);
    else if (before.spec !== d.spec) result.changed.push({ name, from: before.spec, to: d.spec, line: d.line });
  }
  for (const [name, d] of oldDeps) if (!newDeps.has(name)) result.removed.push(d);
  const oldTargets = new Set(oldSide.sources.map((s) => `${s.kind}\u0000${s.target}`));
  result.sources = withPrevious(
    newSide.sources.filter((s) => !oldTargets.has(`${s.kind}\u0000${s.target}`)),
    oldSide.sources,
  );
  const oldScripts = new Map(oldSide.scripts.map((s) => [s.hook, s.command]));
  result.scripts = newSide.scripts
    .filter((s) => oldScripts.get(s.hook) !== s.command)
    .map((s) => (oldScripts.has(s.hook) ? { ...s, previous: oldScripts.get(s.hook) } : s));
  return result;
}

/**
 * New sources whose repository the removed lines already installed from (a ref bumped, `git://`
 * switched to `https://`) carry that earlier target: not a new source, an update of one.
 */
function withPrevious(sources: SourceRef[], before: readonly SourceRef[]): SourceRef[] {
  if (before.length === 0) return sources;
  const known = new Map<string, string>();
  for (const s of before) {
    const repo = sourceRepository(s.target);
    if (repo && !known.has(repo)) known.set(repo, s.target);
  }
  return sources.map((s) => {
    const repo = s.kind === "git" || s.kind === "url" ? sourceRepository(s.target) : null;
    const previous = repo ? known.get(repo) : undefined;
    return previous ? { ...s, previous } : s;
  });
}

function lockDelta(oldEntries: readonly LockEntry[], newEntries: readonly LockEntry[], file: ChangedFile): LockDelta {
  const oldNames = new Set(oldEntries.map((e) => e.name));
  const newNames = new Set(newEntries.map((e) => e.name));
  const oldChanged = new Map<string, LockEntry[]>();
  for (const e of oldEntries) if (e.changed) pushTo(oldChanged, e.name, e);
  const added: LockEntry[] = [];
  const bumped: VersionChange[] = [];
  const seenAdded = new Set<string>();
  const seenBumped = new Set<string>();
  for (const e of newEntries) {
    if (!e.changed) continue;
    if (!oldNames.has(e.name)) {
      if (!seenAdded.has(e.name)) added.push(e);
      seenAdded.add(e.name);
      continue;
    }
    const before = oldChanged.get(e.name);
    if (before && !seenBumped.has(e.name) && !before.some((b) => b.version === e.version)) {
      bumped.push({ name: e.name, from: before[0]!.version, to: e.version, line: e.line });
      seenBumped.add(e.name);
    }
  }
  const removed: LockEntry[] = [];
  const seenRemoved = new Set<string>();
  for (const e of oldEntries)
    if (e.changed && !newNames.has(e.name) && !seenRemoved.has(e.name)) {
      removed.push(e);
      seenRemoved.add(e.name);
    }
  return { added, removed, bumped, changedLines: file.added.length + file.removed.length };
}

function pushTo<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

/** Every dependency file among the changed files, analysed (one linear pass, shared by the dependency rules). */
export const dependencyFiles: (files: readonly ChangedFile[]) => readonly DependencyFileAnalysis[] = memoByFiles(
  (files) => {
    const out: DependencyFileAnalysis[] = [];
    for (const f of files) {
      const a = analyzeDependencyFile(f);
      if (a) out.push(a);
    }
    return out;
  },
);

/** "a, b, c and 4 more". */
export function listNames(items: readonly string[], max = 5): string {
  if (items.length <= max) return items.join(", ");
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}
