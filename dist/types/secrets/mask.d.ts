/**
 * Redaction: every message about a secret shows this masked form and never the value.
 * The first characters are usually the public prefix (ghp_, AKIA, sk_l); the hash lets a reviewer
 * match two findings (or a value in a vault) without seeing the secret.
 */
export declare function sha256Hex(value: string): string;
/** `GitHub personal access token ghp_…(40 chars, sha256:1a2b3c4d)`. `kind` is the label to print. */
export declare function maskSecret(kind: string, value: string): string;
