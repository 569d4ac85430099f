import type { ChangedFile } from "../diff/model.js";
import type { Detection } from "./detect.js";
import { SecretGuard } from "./guard.js";
/** Where this run's secrets can come from: the diff, and any other input that may be quoted back. */
export interface RunInputs {
    files: readonly ChangedFile[];
    /** PR facts, config, precomputed AI evidence: every string in them is read. */
    others: readonly unknown[];
    /**
     * What the secrets rules' shared scan already found on the added lines of `files`: those lines are not
     * scanned again, which saves most of the cost on a large diff.
     */
    added?: {
        hits: readonly Pick<Detection, "value" | "prefix">[];
        files: ReadonlySet<ChangedFile>;
    };
}
/**
 * The guard for one run: the secret part of every value a detector is confident about, wherever it sits
 * (added, removed and context lines, hunk headers, file names, PR facts, config values). One pass over
 * the input, linear in its size.
 */
export declare function runSecretGuard(inputs: RunInputs): SecretGuard;
