import { type ManifestParser } from "./types.js";
export declare const parseCargoToml: ManifestParser;
/** .cargo/config.toml: source replacement and extra registries. */
export declare const parseCargoConfig: ManifestParser;
