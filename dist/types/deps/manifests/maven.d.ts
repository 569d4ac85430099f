import { type ManifestParser } from "./types.js";
export declare const parsePom: ManifestParser;
