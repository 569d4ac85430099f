import type { RuleFinding } from "./types.js";
export declare function isExampleIac(path: string): boolean;
/** An infra-deletion finding, lowered to low and said to be an example when it is in example code. */
export declare function inDeploymentScope(f: RuleFinding): RuleFinding;
