import { DEFAULT_CONFIG_PATH } from "./paths.js";
import { type Config } from "./schema.js";
export { DEFAULT_CONFIG_PATH };
/**
 * Largest config read (in UTF-16 code units, about bytes for a YAML file): a real one is a few KB, and
 * YAML parsing is the slowest thing this tool does per byte (50 MB took 25 s and 2.8 GB).
 */
export declare const MAX_CONFIG_BYTES: number;
export interface ConfigProblem {
    /** Key path, e.g. `gate.threshold` or `custom_rules[0].pattern`. */
    path: string;
    message: string;
    /** 1-based line in the file, when known. */
    line?: number;
}
/**
 * An invalid config: names the file, each key path and the problem. Adapters show `message` verbatim: every
 * part quoted from the file is masked and stripped of control characters.
 */
export declare class ConfigError extends Error {
    readonly source: string;
    name: string;
    readonly problems: ConfigProblem[];
    constructor(source: string, problems: ConfigProblem[]);
}
/** Defaults only, for repositories without a config file. */
export declare function defaultConfig(): Config;
/** Validate an already-parsed object (e.g. from tests). */
export declare function validateConfig(value: unknown, source?: string): Config;
/** Parse and validate YAML config text. Empty text gives the defaults. */
export declare function parseConfigText(text: string, source?: string): Config;
/** A validated config file with what combining files needs: its own keys (before defaults) and their lines. */
export interface ConfigFile {
    source: string;
    config: Config;
    /** The keys the file itself sets, as written (no defaults). */
    input: Record<string, unknown>;
    /** 1-based line of a key path in this file (or of the nearest key above it). */
    line(path: ReadonlyArray<PropertyKey>): number | undefined;
}
export declare function parseConfigFile(text: string, source: string): ConfigFile;
