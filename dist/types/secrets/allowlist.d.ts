import type { Config } from "../config/schema.js";
/** `secrets.allowlist` from the config: files, known-fake values (by SHA-256) and RE2 value patterns. */
export interface SecretAllowlist {
    allowsPath(path: string): boolean;
    allowsValue(value: string): boolean;
}
export declare function secretAllowlist(config: Config): SecretAllowlist;
