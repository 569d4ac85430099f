import type { Category, Level, Severity } from "../types.js";
/** Human titles shared by every format. */
export declare const CATEGORY_TITLES: Record<Category, string>;
export declare const LEVEL_EMOJI: Record<Level, string>;
export declare const SEVERITY_EMOJI: Record<Severity, string>;
export declare function plural(n: number, word: string, many?: string): string;
