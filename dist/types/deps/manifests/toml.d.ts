import type { SideLine } from "../../diff/side.js";
import type { ManifestSide } from "./types.js";
export interface TomlState {
    table: string | null;
    arrayKey: string | null;
}
/**
 * A TOML walker: calls `pair` for key = value lines and `element` for string elements of
 * multi-line arrays, with the current table (null when unknown: the hunk starts below it).
 */
export declare function walkToml(lines: readonly SideLine[], visit: {
    pair?: (st: TomlState, key: string, value: string, l: SideLine) => void;
    element?: (st: TomlState, value: string, l: SideLine) => void;
    table?: (st: TomlState, l: SideLine) => void;
}): void;
/** `{ version = "1", git = "https://…", path = "../x" }` → its keys. */
export declare function inlineTable(value: string): Record<string, string>;
/** A dependency declared with a TOML value: "spec" or an inline table with version/git/path/url. */
export declare function tomlDep(ecosystem: "python" | "cargo", name: string, value: string, line: number, out: ManifestSide): void;
