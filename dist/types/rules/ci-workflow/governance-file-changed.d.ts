import type { Rule } from "../types.js";
/** What a repository-governance file controls, or null when the path is not one. */
export declare function governanceKind(path: string): string | null;
export declare const governanceFileChangedRule: Rule;
