import { type ManifestParser } from "./types.js";
export declare const parseNugetConfig: ManifestParser;
export declare const parseMsbuild: ManifestParser;
export declare const parsePackagesConfig: ManifestParser;
