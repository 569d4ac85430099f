import { type ManifestParser } from "./types.js";
export declare const parseTerraform: ManifestParser;
