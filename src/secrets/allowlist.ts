import type { Config } from "../config/schema.js";
import { compileGlobs, type PathMatcher } from "../util/paths.js";
import { compileSafeRegex, type SafeRegex } from "../util/safe-regex.js";
import { sha256Hex } from "./mask.js";

/** `secrets.allowlist` from the config: files, known-fake values (by SHA-256) and RE2 value patterns. */
export interface SecretAllowlist {
  allowsPath(path: string): boolean;
  allowsValue(value: string): boolean;
}

const cache = new WeakMap<Config, SecretAllowlist>();

export function secretAllowlist(config: Config): SecretAllowlist {
  const cached = cache.get(config);
  if (cached) return cached;
  const list = config.secrets.allowlist;
  const paths: PathMatcher = compileGlobs(list.paths);
  const hashes = new Set(list.values_sha256.map((h) => h.toLowerCase()));
  const patterns: SafeRegex[] = [];
  for (const p of list.patterns) {
    try {
      patterns.push(compileSafeRegex(p));
    } catch {
      // The config loader reports invalid patterns; an invalid one here allows nothing.
    }
  }
  const allowlist: SecretAllowlist = {
    allowsPath: paths,
    allowsValue(value) {
      if (hashes.size > 0 && hashes.has(sha256Hex(value))) return true;
      return patterns.some((p) => p.test(value));
    },
  };
  cache.set(config, allowlist);
  return allowlist;
}
