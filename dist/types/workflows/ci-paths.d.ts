export declare function isGithubWorkflow(path: string): boolean;
export declare function isCompositeAction(path: string): boolean;
/** Workflow YAML or composite action: files whose `run:` steps execute in GitHub Actions. */
export declare function isGithubActionsYaml(path: string): boolean;
/** The CI system a path configures, or null. Covers GitHub Actions and the other common CI services. */
export declare function ciSystemOf(path: string): string | null;
/** True for any CI configuration file (workflow, composite action, other CI services). */
export declare function isCiFile(path: string): boolean;
