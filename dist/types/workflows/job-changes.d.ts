import type { ChangedFile } from "../diff/model.js";
/** Dependencies dropped from jobs' `needs:` (job -> jobs it no longer waits for), from removed vs added lines. */
export declare function droppedNeeds(file: ChangedFile): {
    job: string;
    line: number;
    dropped: string[];
}[];
/** The old-side lines of a removed job: its key line and every deeper-indented line after it. */
export declare function removedJobLines(file: ChangedFile, keyLine: number): string[];
/** Jobs whose key line was removed from a modified workflow and not re-added under the same id. */
export declare function removedJobs(file: ChangedFile): {
    job: string;
    line: number;
}[];
