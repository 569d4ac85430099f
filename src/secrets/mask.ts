import { createHash } from "node:crypto";

/**
 * Redaction: every message about a secret shows this masked form and never the value.
 * The first characters are usually the public prefix (ghp_, AKIA, sk_l); the hash lets a reviewer
 * match two findings (or a value in a vault) without seeing the secret.
 */

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

/** `GitHub personal access token ghp_…(40 chars, sha256:1a2b3c4d)`. `kind` is the label to print. */
export function maskSecret(kind: string, value: string): string {
  // Short values reveal a smaller prefix, so a masked 8-character password does not give half of it away.
  const shown = value.length >= 16 ? 4 : value.length >= 8 ? 2 : 0;
  const prefix = value.slice(0, shown).replace(/[^\x21-\x7e]/g, "?");
  const label = kind.length > 0 ? `${kind} ` : "";
  return `${label}${prefix}…(${value.length} chars, sha256:${sha256Hex(value).slice(0, 8)})`;
}
