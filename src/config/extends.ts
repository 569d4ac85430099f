import {
  ConfigError,
  type ConfigFile,
  type ConfigProblem,
  DEFAULT_CONFIG_PATH,
  parseConfigFile,
  validateConfig,
} from "./load.js";
import { type Config, EXTENDS_PATTERN, LOCKABLE_KEYS } from "./schema.js";

/**
 * Organization-wide configuration: `extends: owner/repo[:path]` in a config file builds it on a central
 * file, read (by the adapter's reader) from that repository's default branch. How files combine:
 *
 * - mappings merge key by key, the extending file winning; a scalar or a list from the extending file
 *   replaces the central value, except the lists of named entries (`custom_rules`, `checklist.extra`),
 *   which merge by `id` (an entry with the same id replaces the central one, new ids are appended);
 * - `locked` (key paths) in a central file binds every file that extends it, directly or not: a locked
 *   setting may be kept or made stricter (STRICTNESS), never weakened; `locked` lists add up;
 * - at most MAX_EXTENDS_DEPTH central files in a chain, no file twice (a cycle is an error).
 *
 * Every file is validated on its own first, so an error names the file (repository and path), the key
 * path and the line. Pure but for the reader.
 */

export const MAX_EXTENDS_DEPTH = 2;

/** Where a config file lives. `owner` is null when unknown (the CLI's local file). */
export interface ConfigLocation {
  owner: string | null;
  repo: string;
  path: string;
}

export function parseExtends(value: string, from: ConfigLocation | null): ConfigLocation {
  const m = EXTENDS_PATTERN.exec(value);
  if (!m) throw new Error(`not an extends value: ${value}`); // the schema validated it
  return { owner: m[1] ?? from?.owner ?? null, repo: m[2]!, path: m[3] ?? DEFAULT_CONFIG_PATH };
}

/** `owner/repo:path`, as errors and logs name a central file. */
export function locationName(at: ConfigLocation): string {
  return `${at.owner ?? "(same owner)"}/${at.repo}:${at.path}`;
}

const identity = (at: ConfigLocation) => `${(at.owner ?? "").toLowerCase()}/${at.repo.toLowerCase()}:${at.path}`;

/** A central file as the adapter read it: its text (and a version, e.g. the blob SHA), or why it cannot be. */
export type CentralFile = { found: true; text: string; version?: string } | { found: false; problem: string };

/** Reads a central file at its repository's default branch (the App's port, the Action's token, a local file). */
export type CentralReader = (at: ConfigLocation) => Promise<CentralFile>;

export interface OwnConfig {
  /** The repository's own file (its text at the PR's base); "" when there is none. */
  text: string;
  source: string;
  at: ConfigLocation | null;
}

export interface ResolvedConfig {
  config: Config;
  /** The files combined, most central first, the repository's own last (`owner/repo:path@version`). */
  sources: string[];
}

interface Loaded {
  file: ConfigFile;
  at: ConfigLocation | null;
  version?: string;
}

export async function resolveConfig(own: OwnConfig, read: CentralReader): Promise<ResolvedConfig> {
  let current: Loaded = { file: parseConfigFile(own.text, own.source), at: own.at };
  const chain: Loaded[] = [current];
  const seen = [own.at ? identity(own.at) : ""];
  for (let value = current.file.config.extends; value !== undefined; value = current.file.config.extends) {
    const { file } = current;
    const fail = (message: string) =>
      new ConfigError(file.source, [{ path: "extends", message, line: file.line(["extends"]) }]);
    const at = parseExtends(value, current.at);
    if (seen.includes(identity(at)))
      throw fail(`a cycle: ${[...chain.map((c) => c.file.source), locationName(at)].join(" → ")}`);
    if (chain.length > MAX_EXTENDS_DEPTH)
      throw fail(
        `${locationName(at)}: too many levels (${chain.map((c) => c.file.source).join(" → ")} → …); a chain holds at most ${MAX_EXTENDS_DEPTH} central files`,
      );
    seen.push(identity(at));
    const got = await read(at);
    if (!got.found) throw fail(`${locationName(at)}: ${got.problem}`);
    current = {
      file: parseConfigFile(got.text, locationName(at)),
      at,
      ...(got.version ? { version: got.version } : {}),
    };
    chain.push(current);
  }
  // Fold from the most central file down to the repository's own.
  chain.reverse();
  const root = chain[0]!;
  let config = root.file.config;
  let input = withoutExtends(root.file.input);
  const lockedBy = new Map(root.file.config.locked.map((k) => [k, root.file.source]));
  for (const child of chain.slice(1)) {
    input = mergeConfigInputs(input, child.file.input);
    const merged = validateConfig(input, `${child.file.source} combined with ${root.file.source}`);
    const problems = lockViolations(config, merged, lockedBy, child.file);
    if (problems.length > 0) throw new ConfigError(child.file.source, problems);
    for (const k of child.file.config.locked) if (!lockedBy.has(k)) lockedBy.set(k, child.file.source);
    config = merged;
  }
  return {
    config,
    sources: chain.map((c) => (c.version ? `${c.file.source}@${c.version}` : c.file.source)),
  };
}

/**
 * Why a run that reads only the file itself (the Action, the CLI) did not apply its `extends`, or null.
 * Those runs report with this warning rather than guess: the App's gate applies the central config.
 */
export function extendsNotApplied(config: Config): string | null {
  return config.extends === undefined
    ? null
    : `extends: ${config.extends} is applied by the App only; this run used the repository's file alone, without the central config or its locked settings`;
}

// ------------------------------------------------------------------ merging

/** Lists of entries named by `id`: merged by id rather than replaced. */
const LISTS_BY_ID = new Set(["custom_rules", "checklist.extra"]);

const isMapping = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function withoutExtends(input: Record<string, unknown>): Record<string, unknown> {
  const { extends: _consumed, ...rest } = input;
  return rest;
}

function mergeById(base: unknown[], over: unknown[]): unknown[] {
  const idOf = (e: unknown) => (isMapping(e) && typeof e.id === "string" ? e.id : null);
  const overIds = new Map(over.map((e) => [idOf(e), e]));
  const kept = base.map((e) => {
    const id = idOf(e);
    return id !== null && overIds.has(id) ? overIds.get(id) : e;
  });
  const baseIds = new Set(base.map(idOf));
  return [...kept, ...over.filter((e) => idOf(e) === null || !baseIds.has(idOf(e)))];
}

function mergeAt(base: unknown, over: unknown, path: string): unknown {
  if (over === undefined) return base;
  if (isMapping(base) && isMapping(over)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = mergeAt(base[k], v, path ? `${path}.${k}` : k);
    return out;
  }
  if (LISTS_BY_ID.has(path) && Array.isArray(base) && Array.isArray(over)) return mergeById(base, over);
  return over;
}

/** The central file's keys with the extending file's on top (see the module comment); `extends` is consumed. */
export function mergeConfigInputs(
  central: Record<string, unknown>,
  extending: Record<string, unknown>,
): Record<string, unknown> {
  const merged = mergeAt(central, withoutExtends(extending), "") as Record<string, unknown>;
  const locked = [...asList(central.locked), ...asList(extending.locked)];
  if (locked.length > 0) merged.locked = [...new Set(locked)];
  return merged;
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

// ------------------------------------------------------------------ locks

/**
 * What "stricter" means for a locked setting. `order`: values from weakest to strictest. `more`: a
 * higher number. `superset`: entries may be added, not removed. `subset`: removed, not added.
 * `entries`: named entries may be added, the locked ones kept as they are. Anything else: unchanged.
 */
type Strictness =
  | { kind: "order"; values: readonly (string | number)[] }
  | { kind: "more" | "superset" | "subset" | "entries" | "equal" };

const order = (...values: string[]): Strictness => ({ kind: "order", values });
const kind = (k: "more" | "superset" | "subset" | "entries"): Strictness => ({ kind: k });

export const STRICTNESS: Readonly<Record<string, Strictness>> = {
  "gate.policy": order("ai-authored", "all"),
  "gate.threshold": order("critical", "high", "medium", "low"),
  "gate.approvals.low": kind("more"),
  "gate.approvals.medium": kind("more"),
  "gate.approvals.high": kind("more"),
  "gate.approvals.critical": kind("more"),
  "gate.stale": order("touched-files", "reset"),
  "gate.rollback.required_from": order("off", "critical", "high"),
  "gate.machine_accounts": kind("superset"),
  "ai.raise_level": kind("more"),
  "ai.bots": kind("superset"),
  "ai.trailers": kind("superset"),
  "ai.labels": kind("superset"),
  "ai.branches": kind("superset"),
  "paths.production": kind("superset"),
  "paths.source": kind("superset"),
  "gate.safe_paths": kind("subset"),
  "paths.ignore": kind("subset"),
  "secrets.allowlist.paths": kind("subset"),
  "secrets.allowlist.values_sha256": kind("subset"),
  "secrets.allowlist.patterns": kind("subset"),
  custom_rules: kind("entries"),
  "checklist.extra": kind("entries"),
};

/** A locked key stands for itself, or for every setting under it when it names a section. */
function lockedLeaves(key: string): string[] {
  const under = LOCKABLE_KEYS.filter((k) => k.startsWith(`${key}.`));
  return under.length === 0 ? [key] : under.filter((k) => !LOCKABLE_KEYS.some((o) => o.startsWith(`${k}.`)));
}

function valueAt(config: Config, path: string): unknown {
  let v: unknown = config;
  for (const seg of path.split(".")) v = isMapping(v) ? v[seg] : undefined;
  return v;
}

/** JSON with keys sorted: equal settings give equal text whatever order the files wrote them in. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (isMapping(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(",")}}`;
  return JSON.stringify(v) ?? "null";
}

/** Lists of accounts (logins match case-insensitively, with or without `@`); other entries compare exactly. */
const ACCOUNT_LISTS = new Set(["gate.machine_accounts", "ai.bots"]);

const entryKeyOf = (leaf: string) => (v: unknown) =>
  ACCOUNT_LISTS.has(leaf) && typeof v === "string" ? v.replace(/^@/, "").toLowerCase() : canonical(v);

function show(v: unknown): string {
  const text = canonical(v);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

const list = (vs: unknown[]) => vs.map(show).join(", ");

/** Why `next` weakens `locked` under `strictness`, or null when it keeps or tightens it. */
function weakening(leaf: string, locked: unknown, next: unknown): string | null {
  const strictness = STRICTNESS[leaf] ?? { kind: "equal" };
  const entryKey = entryKeyOf(leaf);
  switch (strictness.kind) {
    case "order": {
      const rank = (v: unknown) => strictness.values.indexOf(v as string);
      if (rank(next) >= rank(locked)) return null;
      const allowed = strictness.values.slice(rank(locked));
      return `at ${show(locked)} or stricter (${list(allowed)}); this file sets ${show(next)}`;
    }
    case "more":
      return Number(next) >= Number(locked) ? null : `at ${show(locked)} or more; this file sets ${show(next)}`;
    case "superset": {
      const have = new Set(asList(next).map(entryKey));
      const missing = asList(locked).filter((e) => !have.has(entryKey(e)));
      return missing.length === 0 ? null : `entries can be added, not removed; keep ${list(missing)}`;
    }
    case "subset": {
      const allowed = new Set(asList(locked).map(entryKey));
      const added = asList(next).filter((e) => !allowed.has(entryKey(e)));
      return added.length === 0 ? null : `entries can be removed, not added; ${list(added)} cannot be added`;
    }
    case "entries": {
      const byId = new Map(asList(next).map((e) => [isMapping(e) ? e.id : undefined, canonical(e)]));
      const changed = asList(locked).filter((e) => !isMapping(e) || byId.get(e.id) !== canonical(e));
      return changed.length === 0
        ? null
        : `entries can be added; keep ${list(changed.map((e) => (isMapping(e) ? e.id : e)))} as the central file has them`;
    }
    case "equal":
      return canonical(next) === canonical(locked) ? null : `at ${show(locked)}; this file changes it`;
  }
}

/** Each locked setting the extending file weakens, at its key and line in that file. */
export function lockViolations(
  central: Config,
  merged: Config,
  lockedBy: ReadonlyMap<string, string>,
  file: ConfigFile,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const checked = new Set<string>();
  for (const [key, source] of lockedBy) {
    for (const leaf of lockedLeaves(key)) {
      if (checked.has(leaf)) continue;
      checked.add(leaf);
      const why = weakening(leaf, valueAt(central, leaf), valueAt(merged, leaf));
      if (why) problems.push({ path: leaf, message: `locked by ${source} ${why}`, line: file.line(leaf.split(".")) });
    }
  }
  return problems;
}
