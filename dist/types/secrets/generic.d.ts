export declare function splitWords(key: string): string[];
export type KeyStrength = "secret" | "weak-key" | "none";
/** Is this key name one that holds a secret? "weak-key" is a bare or unqualified `..._key`. */
export declare function classifyKey(key: string): KeyStrength;
/**
 * Keys under which a UUID is the credential itself (Heroku, Datadog-style API keys, license keys,
 * auth tokens), not an id: a key, a secret, a password, or an auth/access/api/bot token.
 */
export declare function keyHoldsUuidCredential(words: readonly string[]): boolean;
export type ValueVerdict = {
    ok: true;
    strong: boolean;
} | {
    ok: false;
    reason: string;
};
/**
 * Identifiers and names: letters (and _ $ - .) only, splitting into word-sized pieces
 * ("_startAutoCleanup", "__vite_ssr_import__", "lengthComputable"). Random letter strings split
 * into many one- or two-letter pieces instead.
 */
export declare function looksLikeIdentifier(value: string): boolean;
export declare function judgeGenericValue(value: string, strict: boolean): ValueVerdict;
