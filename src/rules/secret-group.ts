import type { DetectorGroup } from "../secrets/detect.js";
import { secretHits } from "../secrets/findings.js";
import { maskDetection } from "../secrets/mask.js";
import type { SecretHit } from "../secrets/scan.js";
import type { Rule, RuleContext, RuleFinding, RuleMeta } from "./types.js";

/**
 * The secrets rules as rows: each reports one detector group of the one shared scan of the diff
 * (src/secrets), in its own words. A message names what was found, masked, never the value. Every
 * row carries lines that must and must not be reported, checked by a test; their values are built
 * from pieces at run time so that no scanner (this one included) reports this source file.
 */

export interface SecretGroupRow extends RuleMeta {
  group: DetectorGroup;
  /** What the hit is, before its masked value: "Private key committed", "Hardcoded". */
  says: string;
  samples: { path: string; match: readonly string[]; noMatch: readonly string[] };
}

/** The value as the message shows it: masked, with the detector's context. */
function masked(hit: SecretHit): string {
  return `${maskDetection(hit)}${hit.detail ? ` (${hit.detail})` : ""}`;
}

/** Rotation first: the value is exposed to anyone who can read the branch. */
function remediationOf(hit: SecretHit): string {
  const where = hit.service ? ` at ${hit.service}` : "";
  return `Revoke and rotate it${where} now (it is exposed to anyone who can read the branch), remove it from the git history, and load it at runtime from a secret manager or an environment variable.`;
}

export function runSecretGroup(row: SecretGroupRow, ctx: RuleContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const hit of secretHits(ctx)) {
    if (hit.group !== row.group) continue;
    out.push({
      file: hit.file,
      line: hit.line,
      message: `${row.says} ${masked(hit)}`,
      severity: hit.severity,
      remediation: remediationOf(hit),
    });
  }
  return out;
}

export function secretGroupRule(row: SecretGroupRow): Rule & { row: SecretGroupRow } {
  const { group, says, samples, ...meta } = row;
  return { ...meta, row, run: (ctx) => runSecretGroup(row, ctx) };
}

/** A sample value written in pieces (see the module comment). */
export function pieces(...parts: string[]): string {
  return parts.join("");
}
