import { createHash } from "node:crypto";
import type { Detection, DetectorGroup } from "./detect.js";

/**
 * Redaction: every message about a secret shows a masked form and never the value. The only real
 * characters shown are a public prefix that names the format (ghp_, AKIA, sk_live_); a value without one
 * (an AWS secret access key, a password) shows none. The short hash lets a reviewer match two findings,
 * or a value in a vault, without seeing the secret; it is shown only for values random enough that 32 bits
 * of their hash cannot be brute-forced back (a password's could: a dictionary would find it).
 */

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

export interface MaskOptions {
  /** Public prefix to show; ignored unless `value` starts with it. */
  prefix?: string;
  /** Show `sha256:` and the first 8 hex digits of the value's SHA-256. */
  hash?: boolean;
}

/** `GitHub personal access token ghp_…(40 chars, sha256:1a2b3c4d)`, `secret value …(22 chars)`. */
export function maskSecret(label: string, value: string, opts: MaskOptions = {}): string {
  const prefix = opts.prefix && value.startsWith(opts.prefix) ? opts.prefix : "";
  const hash = opts.hash ? `, sha256:${sha256Hex(value).slice(0, 8)}` : "";
  return `${label ? `${label} ` : ""}${prefix}…(${value.length} chars${hash})`;
}

/** Groups whose values are random by format: their masked form may carry the short hash. */
const RANDOM_BY_FORMAT: ReadonlySet<DetectorGroup> = new Set(["provider-token", "private-key", "jwt"]);

/** The masked form of a detection: its label, its public prefix only, its length. */
export function maskDetection(d: Pick<Detection, "group" | "label" | "value" | "prefix">): string {
  return maskSecret(d.label, d.value, { prefix: d.prefix, hash: RANDOM_BY_FORMAT.has(d.group) });
}
