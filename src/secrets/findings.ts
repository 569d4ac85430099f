import type { RuleContext, RuleFinding } from "../rules/types.js";
import { secretAllowlist } from "./allowlist.js";
import type { DetectorGroup } from "./detect.js";
import { maskSecret } from "./mask.js";
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

/** The one-line message: what it is, masked, and the context that helps the reviewer. Never the value. */
export function secretMessage(hit: SecretHit): string {
  const masked = maskSecret(hit.label, hit.value);
  const detail = hit.detail ? ` (${hit.detail})` : "";
  switch (hit.group) {
    case "private-key":
      return `Private key committed: ${masked}${detail}`;
    case "credential-url":
      return `Credentials embedded in the text: ${masked}${detail}`;
    case "generic-secret":
      return `Hardcoded secret: ${masked}${detail}`;
    default:
      return `Hardcoded ${masked}${detail}`;
  }
}

export function secretRemediation(hit: SecretHit): string {
  const where = hit.service ? ` at ${hit.service}` : "";
  return `Revoke and rotate it${where} now (it is exposed to anyone who can read the branch), remove it from the git history, and load it at runtime from a secret manager or an environment variable.`;
}

export function findingsFor(ctx: RuleContext, groups: readonly DetectorGroup[]): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const hit of secretHits(ctx)) {
    if (!groups.includes(hit.group)) continue;
    out.push({
      file: hit.file,
      line: hit.line,
      message: secretMessage(hit),
      severity: hit.severity,
      remediation: secretRemediation(hit),
    });
  }
  return out;
}
