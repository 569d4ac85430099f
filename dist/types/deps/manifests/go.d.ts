import { type ManifestParser } from "./types.js";
/** Go modules: go.mod. */
/** go.mod: `require` lines and blocks; `replace` directives pointing elsewhere are sources. */
export declare const parseGoMod: ManifestParser;
