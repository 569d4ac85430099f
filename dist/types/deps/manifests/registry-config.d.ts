import type { SideLine } from "../../diff/side.js";
import { type ManifestSide } from "./types.js";
/**
 * Package-manager registry settings (.npmrc, .yarnrc(.yml), bunfig.toml, pip.conf): a registry other
 * than the public one, and TLS verification switched off for downloads. `registryKey` is the
 * ecosystem's spelling of the registry setting.
 */
export declare function parseRegistryConfig(lines: readonly SideLine[], ecosystem: "npm" | "python", registryKey: RegExp): ManifestSide;
