import type { Severity } from "../../types.js";
interface Teardown {
    what: string;
    severity: Severity;
}
/** What an added command line tears down, or null. */
export declare function teardownOf(text: string, productionFile: boolean): Teardown | null;
export declare const infraTeardownRule: import("../types.js").Rule & {
    row: import("../line-pattern.js").LinePatternRow;
};
export {};
