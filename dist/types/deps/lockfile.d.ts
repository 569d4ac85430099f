import type { SideLine } from "../diff/side.js";
import type { DependencyFile } from "./files.js";
import { hostOf, type SourceRef } from "./sources.js";
/**
 * Lockfile parsers. Each walks one side of a changed lockfile and lists the package entries the
 * diff shows (name, resolved version, whether a changed line belongs to it) and, on changed lines,
 * resolved sources that are not the ecosystem's public registry.
 */
export interface LockEntry {
    name: string;
    version: string;
    line: number;
    /** A changed line belongs to this entry (its header or its version). */
    changed: boolean;
}
export interface LockSide {
    entries: LockEntry[];
    sources: SourceRef[];
}
export declare function parseLockSide(dep: DependencyFile, lines: readonly SideLine[]): LockSide;
export { hostOf };
