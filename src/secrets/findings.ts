import type { ChangedFile } from "../diff/model.js";
import type { RuleContext } from "../rules/types.js";
import { secretAllowlist } from "./allowlist.js";
import { type SecretHit, scanFile } from "./scan.js";

/**
 * All `secrets/*` rules share one scan of the diff (one pass over the added lines), memoized per
 * analysis: each rule then keeps the detections of its own group.
 */
const memo = new WeakMap<readonly unknown[], { config: unknown; hits: SecretHit[] }>();

export function secretHits(ctx: RuleContext): SecretHit[] {
  const cached = memo.get(ctx.allFiles);
  if (cached && cached.config === ctx.config) return cached.hits;
  const allowlist = secretAllowlist(ctx.config);
  const hits: SecretHit[] = [];
  // Every changed file, `paths.ignore` included: a committed secret is exposed wherever it lives, and
  // only `secrets.allowlist` (paths, values, patterns) says that one is not a secret.
  for (const file of ctx.allFiles) {
    for (const h of scanFile(file, { isTest: ctx.paths.isTest, allowlist })) hits.push(h);
  }
  memo.set(ctx.allFiles, { config: ctx.config, hits });
  return hits;
}

/** The files whose added lines secretHits() scans: every changed file outside the allowlisted paths. */
export function scannedForSecrets(ctx: RuleContext): Set<ChangedFile> {
  const allowlist = secretAllowlist(ctx.config);
  return new Set(ctx.allFiles.filter((f) => !allowlist.allowsPath(f.path)));
}
