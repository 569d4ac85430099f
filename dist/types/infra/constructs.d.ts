import type { SideLine } from "../diff/side.js";
/** The construct or resource declared nearest above line `index` in the hunk, e.g. "s3.Bucket 'Reports'". */
export declare function enclosingConstruct(lines: readonly SideLine[], index: number): string | null;
