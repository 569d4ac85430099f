import { type ManifestParser } from "./types.js";
export declare const parseGradle: ManifestParser;
/** gradle/libs.versions.toml. */
export declare const parseGradleCatalog: ManifestParser;
