import type { Rule } from "../types.js";
/**
 * A schedule turned on (added or uncommented `cron:` entries) for a workflow that destroys
 * infrastructure (terraform/terragrunt destroy, aws-nuke, destroy scripts, cloud deletes, or a
 * workflow named for it): from then on it tears down on a timer, with nobody reviewing each run.
 */
export declare const scheduledTeardownRule: Rule;
