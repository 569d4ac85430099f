import type { Rule } from "../types.js";
interface Marker {
    /** The marker as written, e.g. `it.skip`, `@pytest.mark.skip`. */
    marker: string;
    focus: boolean;
}
/** The skip or focus marker on a line of a file with this extension, or null. */
export declare function skipMarkerOf(path: string, content: string, isTest: boolean): Marker | null;
export declare const testSkippedRule: Rule;
export {};
