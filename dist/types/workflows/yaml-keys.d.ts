import type { ChangedFile } from "../diff/model.js";
import { type Side, type SideLine } from "../diff/side.js";
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
export declare function parseKeyLine(content: string, line?: number): YamlKey | null;
/**
 * The keys enclosing `lines[index]`, innermost first, found by walking up to less-indented keys
 * within the same hunk (at most WALK_LIMIT lines up). When the walk does not reach column 0, the hunk
 * header (git puts the last top-level key there, e.g. `jobs:`) supplies the top key.
 */
export declare function enclosingKeys(lines: readonly SideLine[], index: number): YamlKey[];
/** Enclosing keys of the line with this number on one side of a file ([] when the diff does not show it). */
export declare function keysAt(file: ChangedFile, side: Side, line: number): YamlKey[];
/** The job id a line belongs to (the key under top-level `jobs:`), or null. */
export declare function jobOfKeys(chain: readonly YamlKey[]): string | null;
/** The step a line belongs to: its `name:` or `uses:` when the item line carries one. */
export declare function stepOfKeys(chain: readonly YamlKey[]): string | null;
/** An inline YAML scalar as written after `key:`, without a trailing comment or its quotes. */
export declare function scalarValue(s: string): string;
/** "job build" / "step 'Run tests' in job build" for messages. */
export declare function describeLocation(chain: readonly YamlKey[]): string;
/**
 * Name and job ids of a whole workflow from its lines, without a YAML parse: enough to name the
 * workflow in a message (the low-severity "pipeline changed" finding runs on every CI file).
 */
export declare function outlineWorkflow(lines: readonly {
    content: string;
}[]): {
    name: string | null;
    jobs: string[];
};
