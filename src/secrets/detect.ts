import type { Severity } from "../types.js";
import { basenameOf, extensionOf, SOURCE_EXTENSIONS } from "../util/paths.js";
import { type CommandLineValue, commandLineSecrets } from "./command-line.js";
import {
  detectBasicAuth,
  detectCommandLineCredentials,
  detectCredentialUrl,
  detectSchemelessDsn,
} from "./credentials.js";
import { shannonEntropy } from "./entropy.js";
import { classifyKey, judgeGenericValue, keyHoldsUuidCredential, splitWords } from "./generic.js";
import { isPlaceholderToken, isPlaceholderValue } from "./placeholder.js";
import { PROVIDER_FORMATS, providerLabel, publicPrefix } from "./providers.js";
import { callsSdkClient, detectSdkClientCredentials } from "./sdk-clients.js";

/**
 * The line scanner behind every `secrets/*` rule. One cheap trigger test per line; only lines that
 * pass it pay for the detectors. Detections carry the raw value for allowlisting and masking only:
 * it must never be copied into a message.
 */

export type DetectorGroup = "provider-token" | "private-key" | "jwt" | "credential-url" | "generic-secret";

export interface Detection {
  group: DetectorGroup;
  kind: string;
  label: string;
  /** Raw secret. Never print it: use maskDetection(). */
  value: string;
  /** Public prefix naming the format (`ghp_`, `AKIA`): the only part of `value` a masked form shows. */
  prefix?: string;
  start: number;
  end: number;
  severity: Severity;
  /** Extra words for the message (key name, checksum note, pairing), never containing the value. */
  detail?: string;
  /** Where to revoke it. */
  service?: string;
  checksumValid?: boolean;
}

/** What the scanner needs to know about the file a line comes from. */
export interface FileTraits {
  /** Program source: a bare private-key header there is a parser or a check, not a key. */
  source: boolean;
  /** Documentation: examples need key material or a quoted value to count. */
  prose: boolean;
  /** Formats where a string value is always quoted (code, JSON, HCL, TOML, docs): bare words are identifiers. */
  quotedOnly: boolean;
  lockfile: boolean;
  dockerfile: boolean;
  /** A translation catalogue: its values are UI text ("Passwort", "Mot de passe"), not credentials. */
  translations: boolean;
}

const SHELL_EXTENSIONS = new Set(["sh", "bash", "zsh", "ksh", "fish", "ps1", "bat", "cmd"]);
const QUOTED_FORMATS = new Set([
  "json",
  "jsonc",
  "json5",
  "tf",
  "hcl",
  "tfvars",
  "toml",
  "html",
  "htm",
  "xml",
  "ipynb",
]);
const PROSE_EXTENSIONS = new Set(["md", "mdx", "markdown", "rst", "adoc", "txt"]);
const LOCKFILES = new Set([
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "bun.lock",
  "poetry.lock",
  "pipfile.lock",
  "uv.lock",
  "cargo.lock",
  "go.sum",
  "gemfile.lock",
  "composer.lock",
  "mix.lock",
  "pubspec.lock",
  "packages.lock.json",
  "gradle.lockfile",
  "flake.lock",
  ".terraform.lock.hcl",
  "podfile.lock",
  "package.resolved",
]);

const TRANSLATION_EXTENSIONS = new Set([
  "json",
  "yml",
  "yaml",
  "po",
  "pot",
  "properties",
  "php",
  "xlf",
  "xliff",
  "ts",
  "js",
]);

export function fileTraits(path: string): FileTraits {
  const base = basenameOf(path).toLowerCase();
  const ext = extensionOf(path);
  const lockfile =
    LOCKFILES.has(base) ||
    ext === "sum" ||
    /sums$/i.test(base) ||
    ext === "sha256" ||
    ext === "sha512" ||
    ext === "md5" ||
    ext === "lock";
  const source = SOURCE_EXTENSIONS.has(ext) && !SHELL_EXTENSIONS.has(ext);
  const prose = PROSE_EXTENSIONS.has(ext);
  const dockerfile =
    base === "dockerfile" || base.startsWith("dockerfile.") || ext === "dockerfile" || base === "containerfile";
  const translations =
    TRANSLATION_EXTENSIONS.has(ext) &&
    /(?:^|\/)(?:locales?|i18n|l10n|lang|langs|languages|translations?)\//i.test(path);
  return { source, prose, quotedOnly: source || prose || QUOTED_FORMATS.has(ext), lockfile, dockerfile, translations };
}

/** Longest slice of a line the scanner looks at in one go (minified files are cut in windows). */
export const MAX_WINDOW = 4000;

/**
 * Cheap gate: one case-insensitive regex per line. Everything any detector can match contains one of
 * these fragments (keywords for the generic detector, literal prefixes for the provider formats;
 * private keys and Authorization headers contain "key"/"auth"). Alternatives are factored by first
 * letter so the regex engine dispatches on one character per position (about 2.5x faster).
 */
const TRIGGER =
  /p(?:ass|wd|w(?![a-z])|ypi-|mak-)|s(?:ecret|k[-_]|k[0-9a-f]{32}|g\.|hp[a-z]{2}_|shpass)|t(?:oken|wilio)|key|a(?:uth|kia|sia|bia|cca|3t|iza|pi_org)|c(?:red|url)|eyj|:\/\/|g(?:h[pousr]_|ithub_pat|l[a-z]{1,6}-|r1348941)|x(?:ox|app)|r(?:k_(?:live|test)|edis-cli)|m(?:ysql|ariadb)|whsec|h(?:f_|ooks\.slack)|npm_|q~|d(?:o[opr]_v1|p\.[a-z]{2}\.)|l(?:in_api|ogin)|_pat\b|\d:aa|wget|@tcp\(|@unix\(/i;

/** `user:password@`: connection strings without a scheme carry no keyword. */
const INLINE_PASSWORD = /[\w.-]:[^\s:/@'"`]{6,128}@[\w.(-]/;

export function isCandidateLine(line: string): boolean {
  return TRIGGER.test(line) || (line.includes("@") && INLINE_PASSWORD.test(line)) || callsSdkClient(line);
}

// ---------------------------------------------------------------------------------------------
// Provider tokens

/**
 * Every format's hint in one case-sensitive regex: one pass over a line finds where hints start, and only
 * there each format's own hint is tried (most candidate lines only hold a keyword, and a hint-like `sk-`
 * in `task-1` must not send a line through every format).
 */
const PROVIDER_HINTS = new RegExp(PROVIDER_FORMATS.map((f) => `(?:${f.hint})`).join("|"), "g");
const HINT_AT = PROVIDER_FORMATS.map((f) => new RegExp(f.hint, "y"));

/** Which formats' hints occur on the line (by index in PROVIDER_FORMATS), or null when none does. */
function hintedFormats(line: string): Uint8Array | null {
  let hinted: Uint8Array | null = null;
  PROVIDER_HINTS.lastIndex = 0;
  for (let m = PROVIDER_HINTS.exec(line); m !== null; m = PROVIDER_HINTS.exec(line)) {
    hinted ??= new Uint8Array(PROVIDER_FORMATS.length);
    for (let k = 0; k < HINT_AT.length; k++) {
      HINT_AT[k]!.lastIndex = m.index;
      if (HINT_AT[k]!.test(line)) hinted[k] = 1;
    }
    // Hints may overlap (`key-` holds a `-`): the next one can start right after this one's first character.
    PROVIDER_HINTS.lastIndex = m.index + 1;
  }
  return hinted;
}

function detectProviders(line: string, out: Detection[]): void {
  const hinted = hintedFormats(line);
  if (hinted === null) return;
  for (let k = 0; k < PROVIDER_FORMATS.length; k++) {
    if (hinted[k] === 0) continue;
    const format = PROVIDER_FORMATS[k]!;
    format.re.lastIndex = 0;
    for (let m = format.re.exec(line); m !== null; m = format.re.exec(line)) {
      const token = m[1]!;
      const start = m.index + m[0].indexOf(token);
      const random = format.randomPart ? format.randomPart(token) : token;
      if (isPlaceholderToken(token, random)) continue;
      let severity = format.severity;
      let detail: string | undefined;
      let checksumValid: boolean | undefined;
      if (format.checksum) {
        checksumValid = format.checksum(token);
        if (!checksumValid) {
          // A fake or mistyped token still shows someone pasting tokens into code: report, one step lower.
          severity = severity === "critical" ? "high" : "medium";
          detail = "its CRC32 checksum does not verify (fake or mistyped?)";
        }
      }
      out.push({
        group: "provider-token",
        kind: format.kind,
        label: providerLabel(format, token),
        value: token,
        prefix: publicPrefix(token),
        start,
        end: start + token.length,
        severity,
        detail,
        service: format.service,
        checksumValid,
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Private keys

const PRIVATE_KEY_HEADER = /-----BEGIN ((?:[A-Z0-9]{1,12} ){0,3})PRIVATE KEY( BLOCK)?-----/;
const KEY_MATERIAL = /[A-Za-z0-9+/=]{40,}/;

function privateKeyLabel(type: string, block: boolean): string {
  const t = type.trim();
  if (block || t === "PGP") return "PGP private key";
  if (t === "") return "PKCS#8 private key";
  if (t === "ENCRYPTED") return "encrypted PKCS#8 private key";
  if (t === "OPENSSH") return "OpenSSH private key";
  if (t === "EC") return "EC private key";
  if (t === "DSA") return "DSA private key";
  if (t === "RSA") return "RSA private key";
  return `${t} private key`;
}

function detectPrivateKey(line: string, nextLine: string | undefined, traits: FileTraits, out: Detection[]): void {
  if (!line.includes("PRIVATE KEY") && !line.includes("PuTTY-User-Key-File-")) return;
  const m = PRIVATE_KEY_HEADER.exec(line);
  if (!m) {
    const putty = /PuTTY-User-Key-File-\d: [\w-]+/.exec(line);
    if (putty && !traits.source)
      out.push({
        group: "private-key",
        kind: "private-key",
        label: "PuTTY private key",
        value: line.trim(),
        start: putty.index,
        end: line.length,
        severity: "critical",
        service: "the servers that trust it",
      });
    return;
  }
  const after = line.slice(m.index + m[0].length);
  // Material on the same line (escaped newlines in JSON/code) or on the next added line.
  const inline = after.replace(/\\n|\\r/g, "");
  const hasInlineMaterial = KEY_MATERIAL.test(inline);
  const hasNextMaterial = nextLine !== undefined && (KEY_MATERIAL.test(nextLine) || /^\s*Proc-Type:/.test(nextLine));
  if (!hasInlineMaterial && !hasNextMaterial) {
    // A bare header in code or docs is a parser, a check or an example; in a key or config file it is the key.
    if (traits.source || traits.prose) return;
    // Something other than key material after the header on the same line: a truncated example ("\n...").
    if (/[^\s"'`,;)\]}]/.test(inline)) return;
    if (nextLine !== undefined && /^\s*(?:\.\.\.|…|<|\$\{|\{\{|\[)/.test(nextLine)) return;
  }
  const encrypted =
    m[1]!.includes("ENCRYPTED") || (nextLine !== undefined && /Proc-Type:\s*4,ENCRYPTED/.test(nextLine));
  const serviceAccount = /["']?private_key["']?\s*[:=]/.test(line.slice(0, m.index));
  const material = hasInlineMaterial ? (KEY_MATERIAL.exec(inline)?.[0] ?? m[0]) : (nextLine?.trim() ?? m[0]);
  const end = hasInlineMaterial ? line.length : m.index + m[0].length;
  out.push({
    group: "private-key",
    kind: serviceAccount ? "gcp-service-account" : "private-key",
    label: serviceAccount ? "service-account private key" : privateKeyLabel(m[1]!, m[2] !== undefined),
    value: material,
    start: m.index,
    end,
    severity: encrypted ? "high" : "critical",
    detail: encrypted ? "passphrase-protected, still rotate it" : undefined,
    service: serviceAccount ? "Google Cloud (IAM > Service accounts > Keys)" : "every system that trusts this key",
  });
}

// ---------------------------------------------------------------------------------------------
// JWTs

// A dash may precede the token (`fix-eyJ…` in a branch name): the decoded header check keeps precision.
const JWT = /(?<![A-Za-z0-9_])(eyJ[A-Za-z0-9_-]{8,2000}\.eyJ[A-Za-z0-9_-]{8,8000}\.[A-Za-z0-9_-]{0,2000})/g;

function decodeJsonSegment(segment: string): Record<string, unknown> | null {
  try {
    const json = Buffer.from(segment, "base64url").toString("utf8");
    const parsed: unknown = JSON.parse(json);
    return parsed !== null && typeof parsed === "object" ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function detectJwt(line: string, traits: FileTraits, out: Detection[]): void {
  if (!line.includes("eyJ")) return;
  JWT.lastIndex = 0;
  for (let m = JWT.exec(line); m !== null; m = JWT.exec(line)) {
    const token = m[1]!;
    const [h, p, sig] = token.split(".");
    const header = decodeJsonSegment(h!);
    const payload = decodeJsonSegment(p!);
    if (!header || !payload || typeof header.alg !== "string") continue;
    // Unsigned tokens grant nothing; the jwt.io sample (sub 1234567890, John Doe) is documentation.
    if (header.alg.toLowerCase() === "none" || (sig ?? "").length < 16) continue;
    if (payload.sub === "1234567890" && payload.name === "John Doe") continue;
    const exp = typeof payload.exp === "number" ? payload.exp : null;
    const expired = exp !== null && exp * 1000 < Date.now();
    const expText =
      exp === null
        ? "no expiry"
        : `${expired ? "expired" : "expires"} ${new Date(exp * 1000).toISOString().slice(0, 10)}`;
    out.push({
      group: "jwt",
      kind: "jwt",
      label: "JWT",
      value: token,
      start: m.index,
      end: m.index + token.length,
      severity: expired || traits.lockfile ? "medium" : "high",
      detail: `${header.alg}, ${expText}`,
      service: "the issuer (revoke the session or rotate the signing key)",
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Generic key = value

const KEYWORD = /pass|pwd|pw(?![a-z])|secret|token|key|auth|cred|pat\b/gi;

function isIdentChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 95 ||
    c === 45 ||
    c === 46 ||
    c === 36
  );
}

/** An AWS secret access key found at `start`: found by its key name here, or next to its key id by the file scan. */
export function awsSecretKeyDetection(value: string, start: number): Detection {
  return {
    group: "provider-token",
    kind: "aws-secret-key",
    label: "AWS secret access key",
    value,
    start,
    end: start + value.length,
    severity: "critical",
    service: "AWS IAM",
  };
}

export interface KeyValue {
  key: string;
  value: string;
  valueStart: number;
  quoted: boolean;
}

/** Read a value after a separator: a quoted literal, or a bare token for config-like files. */
function readValue(line: string, from: number): { value: string; start: number; quoted: boolean } | null {
  let i = from;
  while (i < line.length && (line[i] === " " || line[i] === "\t")) i++;
  if (i >= line.length) return null;
  // Python/C# string prefixes: r"..", b'..', @"..".
  if (/[rbuRBU@]/.test(line[i]!) && (line[i + 1] === '"' || line[i + 1] === "'")) i++;
  const q = line[i]!;
  if (q === '"' || q === "'" || q === "`") {
    let j = i + 1;
    const limit = Math.min(line.length, i + 1 + 1000);
    while (j < limit && line[j] !== q) j += line[j] === "\\" ? 2 : 1;
    return { value: line.slice(i + 1, Math.min(j, line.length)), start: i + 1, quoted: true };
  }
  const m = /^[^\s,;"'`<>]{1,1000}/.exec(line.slice(i));
  if (!m) return null;
  return { value: m[0], start: i, quoted: false };
}

export function keyValuesOf(line: string, traits: FileTraits): KeyValue[] {
  const out: KeyValue[] = [];
  let consumedTo = -1;
  KEYWORD.lastIndex = 0;
  for (let m = KEYWORD.exec(line); m !== null; m = KEYWORD.exec(line)) {
    if (m.index < consumedTo) continue;
    let left = m.index;
    while (left > 0 && isIdentChar(line.charCodeAt(left - 1))) left--;
    let right = m.index + m[0].length;
    while (right < line.length && isIdentChar(line.charCodeAt(right))) right++;
    consumedTo = right;
    const key = line.slice(left, right).replace(/^[-.$]+|[-.$]+$/g, "");
    let j = right;
    if (line[j] === '"' || line[j] === "'" || line[j] === "]") j++;
    if (line[j] === "]") j++;
    while (j < line.length && (line[j] === " " || line[j] === "\t")) j++;
    let sepEnd = -1;
    const c = line[j];
    const c2 = line[j + 1];
    if (c === ":" && c2 === "=") sepEnd = j + 2;
    else if (c === "=" && c2 === ">") sepEnd = j + 2;
    else if (c === "=" && c2 === "=") sepEnd = line[j + 2] === "=" ? j + 3 : j + 2;
    else if (c === "=" || (c === ":" && c2 !== ":")) sepEnd = j + 1;
    else if (traits.dockerfile && /^\s*(?:ENV|ARG)\s+$/.test(line.slice(0, left)) && (c2 !== undefined || c === " "))
      sepEnd = j; // Dockerfile `ENV KEY value`
    if (sepEnd < 0) continue;
    const read = readValue(line, sepEnd);
    if (!read) continue;
    out.push({ key, value: read.value, valueStart: read.start, quoted: read.quoted });
  }
  return out;
}

function stripAuthScheme(value: string): { value: string; offset: number } {
  const m = /^(?:Bearer|Token|token|Bot|Basic)\s+/.exec(value);
  return m ? { value: value.slice(m[0].length), offset: m[0].length } : { value, offset: 0 };
}

const UUID_VALUE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ENV_STYLE = /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*=\S/;
const AWS_SECRET_VALUE = /^[A-Za-z0-9/+]{40}$/;

function detectGeneric(line: string, traits: FileTraits, keyValues: readonly KeyValue[], out: Detection[]): void {
  for (const kv of keyValues) {
    const strength = classifyKey(kv.key);
    if (strength === "none") continue;
    // In code and quoted formats only a string literal is a hardcoded value; a bare word is a
    // variable, a call or a type. Docs keep shell-style `NAME=value` lines.
    if (!kv.quoted && traits.quotedOnly && !(traits.prose && ENV_STYLE.test(line))) continue;
    let value = kv.value;
    let start = kv.valueStart;
    if (!kv.quoted) {
      value = value.replace(/[)\]}>]+$/, "");
      if (/[([{\\]|:\/\//.test(value)) continue; // an expression, a call or a URL, not a literal
    }
    const words = splitWords(kv.key);
    if (words.includes("authorization") || words[words.length - 1] === "auth") {
      const s = stripAuthScheme(value);
      value = s.value.split(/\s/)[0] ?? "";
      start += s.offset;
    }
    const awsSecret = words.includes("secret") && (words.includes("aws") || words.includes("access"));
    if (awsSecret && AWS_SECRET_VALUE.test(value) && !isPlaceholderValue(value) && shannonEntropy(value) >= 3.5) {
      out.push({ ...awsSecretKeyDetection(value, start), detail: `assigned to ${kv.key}` });
      continue;
    }
    // UUIDs are ids almost everywhere, but several services issue API keys in that shape.
    const uuid = UUID_VALUE.test(value);
    if (uuid && (!keyHoldsUuidCredential(words) || isPlaceholderValue(value))) continue;
    const verdict = uuid ? ({ ok: true, strong: true } as const) : judgeGenericValue(value, strength === "weak-key");
    if (!verdict.ok) continue;
    out.push({
      group: "generic-secret",
      kind: "generic-secret",
      label: "secret value",
      value,
      start,
      end: start + value.length,
      severity: verdict.strong && strength === "secret" ? "high" : "medium",
      detail: `assigned to ${kv.key.slice(0, 80)}`,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Passwords given to a command (`mysql -pS3cret`, `curl -u user:S3cret`, `--password S3cret`)

function detectCommandLine(values: readonly CommandLineValue[], out: Detection[]): void {
  for (const c of values) {
    const verdict = judgeGenericValue(c.value, false);
    if (!verdict.ok) continue;
    out.push({
      group: "generic-secret",
      kind: "command-line-password",
      label: "password",
      value: c.value,
      start: c.start,
      end: c.end,
      severity: verdict.strong ? "high" : "medium",
      detail: `passed to ${c.via}`,
    });
  }
}

// ---------------------------------------------------------------------------------------------

const GROUP_PRIORITY: Record<DetectorGroup, number> = {
  "provider-token": 0,
  "private-key": 1,
  jwt: 2,
  "credential-url": 3,
  "generic-secret": 4,
};

/** Keep the most specific detection where two overlap (a token inside a URL inside an assignment). */
function resolveOverlaps(found: Detection[]): Detection[] {
  if (found.length < 2) return found;
  found.sort((a, b) => GROUP_PRIORITY[a.group] - GROUP_PRIORITY[b.group] || a.start - b.start);
  const kept: Detection[] = [];
  for (const d of found) {
    if (kept.some((k) => d.start < k.end && k.start < d.end)) continue;
    kept.push(d);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Every secret on one line. `nextLine` is the following added line (for multi-line private keys).
 * Lines longer than MAX_WINDOW are scanned in overlapping windows, so the cost stays linear.
 */
/** Most lines hold nothing: they share one empty list instead of allocating one each. */
const NO_DETECTIONS: readonly Detection[] = Object.freeze([]);

export function detectLine(line: string, traits: FileTraits, nextLine?: string): readonly Detection[] {
  if (line.length < 8) return NO_DETECTIONS;
  if (line.length > MAX_WINDOW) {
    const all: Detection[] = [];
    // Windows overlap: a detection in the overlap is kept once (a set, so a huge line stays linear).
    const kept = new Set<string>();
    const step = MAX_WINDOW - 512;
    for (let offset = 0; offset < line.length; offset += step) {
      const window = line.slice(offset, offset + MAX_WINDOW);
      for (const d of detectLine(window, traits, undefined)) {
        const shifted = { ...d, start: d.start + offset, end: d.end + offset };
        const key = `${shifted.start}\u0000${shifted.group}`;
        if (kept.has(key)) continue;
        kept.add(key);
        all.push(shifted);
      }
      if (offset + MAX_WINDOW >= line.length) break;
    }
    return all;
  }
  return isCandidateLine(line) ? detectCandidateLine(line, traits, nextLine) : NO_DETECTIONS;
}

/** What the masking reads on a line besides detections: given to detectCandidateLine, they are read once. */
export interface LineReadings {
  /** keyValuesOf(line, traits), with the traits given to detectCandidateLine. */
  keyValues: readonly KeyValue[];
  /** commandLineSecrets(line). */
  commandLine: readonly CommandLineValue[];
}

/**
 * detectLine for a line the caller already knows passes isCandidateLine and is at most MAX_WINDOW long
 * (the masking reads every candidate line for more than detections: one trigger test serves both).
 */
export function detectCandidateLine(
  line: string,
  traits: FileTraits,
  nextLine?: string,
  read?: LineReadings,
): readonly Detection[] {
  if (line.length < 8) return NO_DETECTIONS;
  const found: Detection[] = [];
  detectProviders(line, found);
  detectPrivateKey(line, nextLine, traits, found);
  if (!traits.lockfile) {
    detectJwt(line, traits, found);
    detectCredentialUrl(line, found);
    detectSchemelessDsn(line, found);
    detectCommandLineCredentials(line, found);
    detectBasicAuth(line, found);
    detectSdkClientCredentials(line, found);
    if (!traits.translations) detectGeneric(line, traits, read?.keyValues ?? keyValuesOf(line, traits), found);
    detectCommandLine(read?.commandLine ?? commandLineSecrets(line), found);
  }
  return resolveOverlaps(found);
}
