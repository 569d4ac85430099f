import { type ManifestParser } from "./types.js";
export declare const parsePackageJson: ManifestParser;
export declare const parseNpmRegistryConfig: ManifestParser;
