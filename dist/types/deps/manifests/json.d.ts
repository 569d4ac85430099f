import type { SideLine } from "../../diff/side.js";
import { type SourceKind } from "../sources.js";
import { type ManifestSide } from "./types.js";
/**
 * The line walker of JSON manifests (package.json, composer.json). It tracks the enclosing keys by
 * indentation; at a hunk start the stack is empty (unknown) and the dialect decides from the value's
 * shape. Each ecosystem file supplies its dialect.
 */
export interface JsonFrame {
    indent: number;
    key: string;
}
export interface JsonDialect {
    /** Sections whose pairs are dependencies (`dependencies`, `require`...). */
    depSections: ReadonlySet<string>;
    /** Install hooks under `scripts`. */
    hooks: ReadonlySet<string>;
    /** A changed `"key": "value"` outside any known section (the hunk starts below it): is it a dependency? */
    looseDependency(key: string, value: string, indent: number): boolean;
    /** A changed pair the dialect reads itself (true when it did), checked before dependencies. */
    readPair?(key: string, value: string, stack: readonly JsonFrame[], line: number, out: ManifestSide): boolean;
    /** Where a dependency spec installs from, when not the registry. */
    specSource?(name: string, spec: string): {
        kind: SourceKind;
        target: string;
    } | null;
}
export declare function parseJsonManifest(lines: readonly SideLine[], dialect: JsonDialect): ManifestSide;
