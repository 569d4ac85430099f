import { type ManifestParser } from "./types.js";
export declare const parseComposerJson: ManifestParser;
