import type { SideLine } from "../../diff/side.js";
import type { MigrationFramework, MigrationLanguage } from "../detect.js";
import type { MigrationOp, RollbackIssue } from "../ops.js";
import { type SqlOp } from "../sql.js";
import { type LineContext, type Literal } from "../text.js";
export interface FrameworkInput {
    path: string;
    lines: readonly SideLine[];
    ctx: readonly LineContext[];
    startsInString: readonly boolean[];
    language: MigrationLanguage;
    framework: MigrationFramework;
}
export interface FrameworkResult {
    ops: MigrationOp[];
    rollback: RollbackIssue[];
}
/** Framework operations on the added lines of forward (up/neutral) code. */
export declare function frameworkOps(input: FrameworkInput): FrameworkResult;
/** Map a SQL operation found in a literal to its diff line; dropped unless that line is added. */
export declare function pushSqlOp(op: SqlOp, lit: Literal, lines: readonly SideLine[], out: MigrationOp[], ctx?: readonly LineContext[]): void;
