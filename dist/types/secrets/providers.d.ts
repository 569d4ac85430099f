import type { Severity } from "../types.js";
/**
 * Catalogue of provider token formats: exact prefix, charset and length, plus a checksum where the
 * format has one. Every regex is anchored on a literal prefix and uses bounded repetitions, and is
 * only run on lines where its `hint` was found.
 */
export interface ProviderFormat {
    /** Stable kind id (close to the corpus kinds: github-token, aws-access-key, ...). */
    kind: string;
    /** Human label; may depend on the token's prefix. */
    label: string | ((token: string) => string);
    /** Where to revoke it, for the remediation hint. */
    service: string;
    /**
     * A case-sensitive regex fragment that every match of `re` contains (its literal prefix, tightened where
     * the prefix alone is common, like `-` or `SK`). The hints of all formats are found in one pass over a
     * line (detect.ts).
     */
    hint: string;
    /** Global regex; group 1 is the token. */
    re: RegExp;
    severity: Severity;
    /** False when the checksum embedded in the token does not verify (a fake or mistyped token). */
    checksum?: (token: string) => boolean;
    /** The random part, for the placeholder/entropy check (default: the whole token). */
    randomPart?: (token: string) => string;
}
export declare const PROVIDER_FORMATS: readonly ProviderFormat[];
export declare function providerLabel(format: ProviderFormat, token: string): string;
export declare function publicPrefix(token: string): string;
/**
 * The part of a found value that must never show: without the prefix its detector named, else without a
 * provider's public prefix (a password `sk_live_…` given to `mysql -p`). The prefix is no secret: guarding
 * it would mask it in every finding about that provider and raise a false leak warning.
 */
export declare function secretPartOf(value: string, prefix?: string): string;
