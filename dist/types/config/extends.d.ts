import { type ConfigFile, type ConfigProblem } from "./load.js";
import { type Config } from "./schema.js";
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
export declare const MAX_EXTENDS_DEPTH = 2;
/** Where a config file lives. `owner` is null when unknown (the CLI's local file). */
export interface ConfigLocation {
    owner: string | null;
    repo: string;
    path: string;
}
export declare function parseExtends(value: string, from: ConfigLocation | null): ConfigLocation;
/** `owner/repo:path`, as errors and logs name a central file. */
export declare function locationName(at: ConfigLocation): string;
/** A central file as the adapter read it: its text (and a version, e.g. the blob SHA), or why it cannot be. */
export type CentralFile = {
    found: true;
    text: string;
    version?: string;
} | {
    found: false;
    problem: string;
};
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
export declare function resolveConfig(own: OwnConfig, read: CentralReader): Promise<ResolvedConfig>;
/**
 * Why a run that reads only the file itself (the Action, the CLI) did not apply its `extends`, or null.
 * Those runs report with this warning rather than guess: the App's gate applies the central config.
 */
export declare function extendsNotApplied(config: Config): string | null;
/** The central file's keys with the extending file's on top (see the module comment); `extends` is consumed. */
export declare function mergeConfigInputs(central: Record<string, unknown>, extending: Record<string, unknown>): Record<string, unknown>;
/**
 * What "stricter" means for a locked setting. `order`: values from weakest to strictest. `more`: a
 * higher number. `superset`: entries may be added, not removed. `subset`: removed, not added.
 * `entries`: named entries may be added, the locked ones kept as they are. Anything else: unchanged.
 */
type Strictness = {
    kind: "order";
    values: readonly (string | number)[];
} | {
    kind: "more" | "superset" | "subset" | "entries" | "equal";
};
export declare const STRICTNESS: Readonly<Record<string, Strictness>>;
/** Each locked setting the extending file weakens, at its key and line in that file. */
export declare function lockViolations(central: Config, merged: Config, lockedBy: ReadonlyMap<string, string>, file: ConfigFile): ConfigProblem[];
export {};
