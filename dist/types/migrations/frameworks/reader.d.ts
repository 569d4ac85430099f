import type { SideLine } from "../../diff/side.js";
import type { MigrationFramework, MigrationLanguage } from "../detect.js";
import type { MigrationOp, RollbackIssue } from "../ops.js";
import type { LineContext } from "../text.js";
/**
 * A migration framework's DSL read line by line: each reader turns the calls of forward (up or
 * neutral) added code into the same operations the SQL analysis yields. One call per line is the
 * norm in all of them; arguments spanning lines are gathered with balanced brackets.
 */
export type Emit = (op: Omit<MigrationOp, "line">) => void;
/** One added, forward, non-comment code line and what a reader needs around it. */
export interface ReaderLine {
    text: string;
    language: MigrationLanguage;
    /** Section (up/down/state) and enclosing table block of the line. */
    context: LineContext;
    lines: readonly SideLine[];
    /** Index of the line in `lines`. */
    index: number;
    emit: Emit;
    /** Rollback problems the DSL shows on this line (Django RunPython/RunSQL without a reverse). */
    rollback: RollbackIssue[];
    /** SQL written in the DSL starting at line `startIndex` (Liquibase `<sql>`): analysed like a literal. */
    sql(text: string, startIndex: number): void;
}
export interface FrameworkReader {
    /** Which migration files this reader reads. */
    reads(language: MigrationLanguage, framework: MigrationFramework): boolean;
    line(at: ReaderLine): void;
    /** The start of a loop in forward code: a loop that writes rows is a backfill inside the deploy. */
    loopStart?: RegExp;
}
/** A loop in forward migration code that writes rows (a backfill running inside the deploy). */
export declare function writesInLoop(lines: readonly SideLine[], i: number): boolean;
