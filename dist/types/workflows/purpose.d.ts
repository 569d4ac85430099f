/**
 * What a workflow (or one of its jobs) is for, read from its text: does it run checks that can gate a
 * merge (tests, linters, scanners on pull requests or pushes), and does it hold privileges (write
 * scopes, privileged triggers, secrets)? Removing a privileged automation that runs no checks drops
 * those privileges; removing a check may let unchecked code merge.
 */
export interface WorkflowPurpose {
    /** Runs tests, linters or scanners on pull requests or pushes: a check a merge may depend on. */
    checks: boolean;
    /** Holds write scopes, privileged triggers or secrets. */
    privileged: boolean;
}
/**
 * The purpose of a workflow or job from its lines. `triggers` are the workflow's events when known (a
 * whole workflow parsed); unknown triggers count as gating, so a removed check is never played down.
 */
export declare function workflowPurpose(lines: readonly string[], triggers: ReadonlySet<string> | null): WorkflowPurpose;
