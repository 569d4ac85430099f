import type { SideLine } from "../../diff/side.js";
import type { DependencyFile } from "../files.js";
import { type ManifestSide } from "./types.js";
export type { DepRef, ManifestSide, ScriptRef } from "./types.js";
/** What one side of a manifest or registry config declares (see ManifestParser for `whole`). */
export declare function parseManifestSide(dep: DependencyFile, lines: readonly SideLine[], whole: string | null): ManifestSide;
