/**
 * Framework migration DSLs (Rails, Django, Alembic, Knex, Sequelize, TypeORM, Laravel, EF Core, Ecto,
 * Liquibase) turned into the same operations the SQL analysis yields. One call per line is the norm in
 * all of them; arguments spanning lines are gathered with balanced brackets.
 */
import type { MigrationFramework, MigrationLanguage } from "./detect.js";
import type { MigrationOp, RollbackIssue } from "./ops.js";
import { type SqlOp } from "./sql.js";
import { type LineContext, type Literal, type SourceLine } from "./text.js";
export interface FrameworkInput {
    lines: readonly SourceLine[];
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
export declare function pushSqlOp(op: SqlOp, lit: Literal, lines: readonly SourceLine[], out: MigrationOp[], ctx?: readonly LineContext[]): void;
