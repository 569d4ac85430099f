import type { Rule } from "../types.js";
/**
 * `pull_request_target` and `workflow_run` run in the base repository with its secrets and a
 * write token, even for fork PRs. Checking out the PR head there runs attacker code with them.
 */
export declare const privilegedTriggerRule: Rule;
