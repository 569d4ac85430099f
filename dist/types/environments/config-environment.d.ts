import type { ChangedFile } from "../diff/model.js";
/**
 * Which non-production environment a configuration file belongs to: development, test, staging, CI,
 * or a coding agent's own configuration. A production reference in one of these is a broken isolation.
 */
export type ConfigEnvironment = "development" | "test" | "staging" | "CI" | "agent";
/** The environment of a whole file, or null (production, source code, or not configuration). */
export declare function fileEnvironment(file: ChangedFile): ConfigEnvironment | null;
/** The environment of a workflow job: an agent's job, or a test/check job; null for deploys and others. */
export declare function workflowJobEnvironment(file: ChangedFile, job: string | null): ConfigEnvironment | null;
