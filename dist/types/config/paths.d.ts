/** Where the config lives in a repository (a leaf module: rules import it without importing the loader). */
export declare const DEFAULT_CONFIG_PATH = ".github/ai-review-gate.yml";
