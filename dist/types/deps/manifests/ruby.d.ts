import { type ManifestParser } from "./types.js";
export declare const parseGemfile: ManifestParser;
export declare const parseGemspec: ManifestParser;
