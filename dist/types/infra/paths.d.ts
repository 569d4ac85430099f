/** Which paths hold infrastructure code, by name: cheap checks run on every changed file. */
export declare function isYamlPath(path: string): boolean;
export declare function isTerraformPath(path: string): boolean;
export declare function isTerraformJsonPath(path: string): boolean;
/** GitHub workflow and action files: YAML that is CI configuration, never infrastructure. */
export declare function isCiYaml(path: string): boolean;
/** Languages CDK and Pulumi programs are written in. */
export declare function isIacSourcePath(path: string): boolean;
