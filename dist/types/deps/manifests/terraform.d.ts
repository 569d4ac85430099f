import { type ManifestParser } from "./types.js";
/** Terraform and OpenTofu: required_providers versions and module sources and versions in *.tf. */
export declare const parseTerraform: ManifestParser;
