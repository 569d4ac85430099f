import type { ChangedFile } from "../diff/model.js";
import { type Side } from "../diff/side.js";
import type { ConfigSyntax } from "./catalogue.js";
/**
 * The settings a side of an agent configuration file holds, as leaf entries (key path, scalar value,
 * line): the common ground on which the rules compare the old side with the new one.
 *
 * When the diff holds a whole side (an added or deleted file), it is parsed with a real parser
 * (`smol-toml`, `yaml`, and a JSON-with-comments parser below). A modified file is only seen through
 * its hunks, so the same JSON parser runs tolerantly on each hunk: a hunk that starts inside an object
 * yields paths without their unseen ancestors (`rooted: false`), and a list whose key is not visible
 * takes the name of the sibling that follows it (`after`), which is how `"allow": [ … ]` is told from
 * `"deny": [ … ]` when only its end is shown. TOML hunks are read with the engine's TOML line walker,
 * YAML hunks by indentation.
 */
export type Scalar = string | number | boolean | null;
export interface ConfigEntry {
    /** Keys from the root (or from the first visible ancestor when `rooted` is false). Array items add no key. */
    keys: string[];
    rooted: boolean;
    /** For an entry whose own container key is unseen: the key of the sibling that follows that container. */
    after?: string;
    value: Scalar;
    /** Line on this side (the line of the value). */
    line: number;
    /** The line is an added (new side) or removed (old side) line. */
    changed: boolean;
}
/** The entries of one side of an agent configuration file (empty for a side the file does not have). */
export declare function configEntries(file: ChangedFile, side: Side, syntax: ConfigSyntax): ConfigEntry[];
/** JSON text (a workflow input, a CLI argument) as entries at `line`; [] when it is not JSON. */
export declare function jsonTextEntries(text: string, line: number, changed: boolean): ConfigEntry[];
/**
 * Does an entry sit at `pattern` (dotted, `*` for any one key)? An entry whose ancestors are unseen
 * matches when its visible keys end the pattern; one whose own key is unseen, by the sibling that
 * follows its list (`after`) when the pattern names a list next to it in `siblings`.
 */
export declare function entryAt(entry: ConfigEntry, pattern: string, siblings?: readonly string[]): boolean;
