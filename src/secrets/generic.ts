import { shannonEntropy } from "./entropy.js";
import { isKnownNonSecretFormat, isPlaceholderValue, isReference, looksRandom } from "./placeholder.js";

/**
 * Generic secrets: an assignment or key/value pair whose key names a secret. The key is found by a
 * keyword hit expanded to the identifier around it (no backtracking regex), then split into words.
 */

/** Words that make a key name a secret on their own. */
const SECRET_WORDS = new Set([
  "password",
  "passwd",
  "passphrase",
  "pwd",
  "pw",
  "secret",
  "secrets",
  "token",
  "credential",
  "credentials",
  "creds",
  "apikey",
  "secretkey",
  "accesskey",
  "privatekey",
  "masterkey",
  "authtoken",
  "authkey",
  "clientsecret",
  "authorization",
  "auth",
  "pat",
]);

/** Words that make `<word> key` a secret key (api key, signing key...). */
const KEY_QUALIFIERS = new Set([
  "api",
  "access",
  "private",
  "secret",
  "signing",
  "sign",
  "encryption",
  "encrypt",
  "decryption",
  "master",
  "app",
  "auth",
  "account",
  "license",
  "licence",
  "client",
  "shared",
  "hmac",
  "jwt",
  "session",
  "admin",
  "service",
  "storage",
  "sas",
  "webhook",
  "crypt",
  "cipher",
  "aes",
  "root",
  "consumer",
  "subscription",
  "server",
  "write",
  "deploy",
  "ssh",
]);

/** A key whose last word is one of these describes a secret, it does not hold one. */
const DESCRIPTIVE_LAST_WORDS = new Set([
  "id",
  "ids",
  "name",
  "names",
  "file",
  "files",
  "path",
  "dir",
  "url",
  "uri",
  "urls",
  "endpoint",
  "host",
  "header",
  "headers",
  "type",
  "types",
  "length",
  "len",
  "min",
  "max",
  "size",
  "count",
  "ttl",
  "expiry",
  "expires",
  "expiration",
  "lifetime",
  "timeout",
  "seconds",
  "secs",
  "ms",
  "minutes",
  "hours",
  "days",
  "age",
  "format",
  "prefix",
  "suffix",
  "regex",
  "re",
  "regexp",
  "pattern",
  "policy",
  "field",
  "fields",
  "label",
  "placeholder",
  "hint",
  "prompt",
  "message",
  "msg",
  "error",
  "errors",
  "title",
  "text",
  "description",
  "hash",
  "hashed",
  "digest",
  "enabled",
  "disabled",
  "enable",
  "required",
  "rotation",
  "version",
  "env",
  "var",
  "variable",
  "ref",
  "reference",
  "arn",
  "location",
  "mode",
  "method",
  "kind",
  "provider",
  "algorithm",
  "alg",
  "usage",
  "limit",
  "index",
  "contract",
  "address",
  "param",
  "parameter",
  "column",
  "table",
  "scope",
  "scopes",
  "audience",
  "issuer",
  "store",
  "manager",
  "generator",
  "validator",
  "strength",
  "reset",
  "changed",
  "updated",
  "created",
  "at",
  "date",
  "time",
  "timestamp",
  "event",
  "events",
  "source",
  "input",
  "output",
  "option",
  "options",
  "config",
  "settings",
  "class",
  "key", // handled separately (qualified or strict)
  "keys",
  "visible",
  "visibility",
  "toggle",
  "confirm",
  "confirmation",
  "match",
  "matches",
  "valid",
  "invalid",
  "storage",
  "cache",
  "request",
  "response",
  "state",
  "status",
  "store",
  "template",
]);

/** Any of these words anywhere: the key says it is public, an example or a test double. */
const NON_SECRET_WORDS = new Set([
  "public",
  "publishable",
  "pub",
  "site",
  "sample",
  "example",
  "mock",
  "fake",
  "dummy",
  "placeholder",
  "primary",
  "foreign",
  "sort",
  "partition",
  "idempotency",
  "cache",
  "object",
  "bucket",
  "i18n",
  "translation",
  "csrf",
  "xsrf",
  "forgot",
  "lost",
  "show",
  "hide",
  "no",
]);

export function splitWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

export type KeyStrength = "secret" | "weak-key" | "none";

/** Is this key name one that holds a secret? "weak-key" is a bare or unqualified `..._key`. */
export function classifyKey(key: string): KeyStrength {
  const words = splitWords(key);
  if (words.length === 0 || words.length > 12) return "none";
  for (const w of words) if (NON_SECRET_WORDS.has(w)) return "none";
  const last = words[words.length - 1]!;
  if (last === "key" || last === "keys") {
    if (last === "keys") return "none";
    const prev = words[words.length - 2];
    if (prev !== undefined && (KEY_QUALIFIERS.has(prev) || SECRET_WORDS.has(prev))) return "secret";
    return "weak-key";
  }
  if (DESCRIPTIVE_LAST_WORDS.has(last)) return "none";
  // "pass" only as the last word (db_pass), never inside (bypass is one word anyway).
  if (last === "pass") return "secret";
  for (const w of words) if (SECRET_WORDS.has(w)) return "secret";
  // Run-together names of well-known variables: PGPASSWORD, MYSQL_ROOTPASSWORD, CLIENTSECRET.
  if (/(?:password|passwd|passphrase|secret)$/.test(last)) return "secret";
  return "none";
}

/**
 * Keys under which a UUID is the credential itself (Heroku, Datadog-style API keys, license keys,
 * auth tokens), not an id: a key, a secret, a password, or an auth/access/api/bot token.
 */
export function keyHoldsUuidCredential(words: readonly string[]): boolean {
  const last = words[words.length - 1];
  if (last === "key" || last === "apikey" || last === "secret" || last === "password" || last === "secretkey")
    return words.length > 1 || last !== "key";
  if (last === "token" || last === "authtoken")
    return words.some((w) => w === "auth" || w === "access" || w === "api" || w === "bot" || w === "authtoken");
  return false;
}

export type ValueVerdict = { ok: true; strong: boolean } | { ok: false; reason: string };

/** Judge a literal found under a secret key. `strict` for weak keys. */
/** Words a typed example value spells out ("usertoken123", "my-api-key-here"); real secrets do not. */
const DESCRIPTIVE_VALUE = /token|apikey|api_key|api-key|accesskey|access_key|credential|private|bearer|jwt|hunter2/i;

/**
 * Identifiers and names: letters (and _ $ - .) only, splitting into word-sized pieces
 * ("_startAutoCleanup", "__vite_ssr_import__", "lengthComputable"). Random letter strings split
 * into many one- or two-letter pieces instead.
 */
export function looksLikeIdentifier(value: string): boolean {
  if (!/^[A-Za-z_$.-]+$/.test(value)) return false;
  const words = splitWords(value);
  if (words.length === 0) return true;
  let letters = 0;
  let vowelless = 0;
  for (const w of words) {
    letters += w.length;
    if (!/[aeiouy]/.test(w)) vowelless++;
  }
  return letters / words.length >= 3.5 && vowelless <= Math.floor(words.length / 3);
}

export function judgeGenericValue(value: string, strict: boolean): ValueVerdict {
  const v = value.trim();
  if (v.length < 8) return { ok: false, reason: "short" };
  if (DESCRIPTIVE_VALUE.test(v)) return { ok: false, reason: "descriptive example" };
  if (looksLikeIdentifier(v)) return { ok: false, reason: "identifier" };
  // Weak keys (a bare `key`) also hold code, JSON and selectors: demand a token-like charset.
  if (strict && /[\s{}"'<>\\]/.test(v)) return { ok: false, reason: "not token-like" };
  if (isReference(v)) return { ok: false, reason: "reference" };
  if (isKnownNonSecretFormat(v)) return { ok: false, reason: "non-secret format" };
  if (isPlaceholderValue(v)) return { ok: false, reason: "placeholder" };
  if (/^eyJ[\w-]+\.[\w-]+\./.test(v)) return { ok: false, reason: "jwt (own detector)" };
  if (/^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/.test(v) && /[a-z]{4}/.test(v) && !/\d.*\d.*\d/.test(v))
    return { ok: false, reason: "identifier-like" }; // my-service.internal, some_value
  if (!looksRandom(v, strict)) return { ok: false, reason: "low entropy" };
  return { ok: true, strong: v.length >= 16 && shannonEntropy(v) >= 3.5 };
}
