import type { ChangedFile } from "../../diff/model.js";
import { type PathClassifier } from "../../util/paths.js";
/**
 * Which changed files reach production: by path (built-in and configured globs) or by content the diff
 * shows (a Kubernetes `namespace: production`, a Terraform workspace or environment named prod, a
 * workflow job deploying to `environment: production`). Findings of the other categories in these files
 * are raised one severity step by the engine; the production-config rule reports each file.
 */
export interface ProductionSignal {
    /** "path" when a glob matched, "content" when a line of the diff did. */
    via: "path" | "content";
    /** What matched, for the message: the path or the line. */
    detail: string;
    /** The matching line (new side, or old side for deleted files), for content signals. */
    line?: number;
}
/** Every production-scope file with the reason it is in scope; computed once per file list. */
export declare function productionSignals(files: readonly ChangedFile[], paths: PathClassifier): Map<string, ProductionSignal>;
/** The set of changed files that reach production (the engine's contract; see productionSignals). */
export declare function productionScope(files: readonly ChangedFile[], paths: PathClassifier): Set<string>;
