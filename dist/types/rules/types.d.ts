import type { Config } from "../config/schema.js";
import type { ChangedFile } from "../diff/model.js";
import type { AiResult, Category, PullRequestFacts, Severity } from "../types.js";
import type { PathClassifier } from "../util/paths.js";
/** What a rule reports; the engine fills in ruleId, default category, severity and remediation. */
export interface RuleFinding {
    file: string;
    /** 1-based line on `side`; null for a whole-file finding. */
    line: number | null;
    /** Default "new". Use "old" for findings on removed lines. */
    side?: "new" | "old";
    /** One line naming the object: the table, the column, the resource address, the job. */
    message: string;
    severity?: Severity;
    remediation?: string;
    /** Only for rules that report in more than one category (e.g. an additive vs destructive migration). */
    category?: Category;
}
export interface RuleContext {
    /** Changed files, minus those the config ignores. */
    files: readonly ChangedFile[];
    /** Every changed file, including ignored ones (for cross-file reasoning such as "was a test changed"). */
    allFiles: readonly ChangedFile[];
    pr: PullRequestFacts | null;
    ai: AiResult;
    config: Config;
    paths: PathClassifier;
    /** True when a path is in production scope (path globs or content such as `namespace: production`). */
    isProduction(path: string): boolean;
}
export interface Rule {
    /** `<category>/<name>`, stable: configs and SARIF refer to it. */
    id: string;
    category: Category;
    /** One sentence for SARIF rule metadata and the README rule table. */
    description: string;
    severity: Severity;
    remediation: string;
    run(ctx: RuleContext): RuleFinding[] | Promise<RuleFinding[]>;
    /** One-time async setup (e.g. loading a WASM parser); the engine awaits it before the first run. */
    init?: () => Promise<void>;
}
