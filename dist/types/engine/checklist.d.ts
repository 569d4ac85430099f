import type { Config } from "../config/schema.js";
import type { Category, ChecklistItem, Finding, Level } from "../types.js";
/**
 * One item per category with findings: a concrete statement a reviewer can honestly tick after
 * looking, not "I reviewed this". Ids are stable (`category:<name>`), so ticks survive re-renders.
 */
export declare const CATEGORY_CHECKLIST: Record<Category, string>;
export declare function deriveChecklist(findings: readonly Finding[], level: Level, config: Config): ChecklistItem[];
