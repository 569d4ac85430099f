import type { ChangedFile } from "../diff/model.js";
export declare function isGithubWorkflow(path: string): boolean;
export declare function isCompositeAction(path: string): boolean;
/** Workflow YAML or composite action: files whose `run:` steps execute in GitHub Actions. */
export declare function isGithubActionsYaml(path: string): boolean;
/** The CI system a path configures, or null. Covers GitHub Actions and the other common CI services. */
export declare function ciSystemOf(path: string): string | null;
/** True for any CI configuration file (workflow, composite action, other CI services). */
export declare function isCiFile(path: string): boolean;
/** A deleted CI pipeline changes no production state (deploys stop); the CI rules rate what goes with it. */
export declare function isDeletedPipeline(file: ChangedFile): boolean;
