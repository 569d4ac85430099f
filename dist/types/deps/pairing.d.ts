import type { ChangedFile } from "../diff/model.js";
import { type Ecosystem } from "./files.js";
/**
 * Which manifests and lockfiles changed together. A lockfile covers manifests in its own
 * directory and below (npm/yarn/pnpm workspaces, Cargo workspaces keep one lock at the root),
 * so pairing looks at ancestors. Built once per rule run in one pass: O(files × path depth).
 */
export interface Pairing {
    /**
     * True when the lockfile in `dir` moved with its inputs: a manifest of `ecosystem` changed in `dir`,
     * below it (workspaces) or above it (a root manifest over a nested lock), or a Dockerfile changed
     * there (a base image or toolchain bump regenerates the lock).
     */
    lockInputsChanged(ecosystem: Ecosystem, dir: string): boolean;
    /** True when one of `lockNames` changed in `dir` or an ancestor directory. */
    lockChangedAtOrAbove(lockNames: readonly string[], dir: string): boolean;
}
/** The pairing of a file list, built once and shared by the rules that need it. */
export declare function buildPairing(allFiles: readonly ChangedFile[]): Pairing;
/** `name@spec` for ecosystems that write it so, `name spec` for the others. */
export declare function formatDep(ecosystem: Ecosystem, name: string, spec: string): string;
/** True when `to` is clearly a lower version than `from`. */
export declare function isDowngrade(from: string, to: string): boolean;
/** Last path-like segment of a package name: `@scope/x` → x, `github.com/o/x/v2` → x, `g:a` → a. */
export declare function bareName(name: string): string;
