import { commandLineSecrets } from "./command-line.js";
import { type Detection, detectCandidateLine, fileTraits, isCandidateLine, keyValuesOf, MAX_WINDOW } from "./detect.js";
import { classifyKey, judgeGenericValue } from "./generic.js";
import { maskDetection, maskSecret } from "./mask.js";
import { isKnownNonSecretFormat, isReference } from "./placeholder.js";
import { secretPartOf } from "./providers.js";

/**
 * Masking for outputs. Findings come from the precise detectors (detect.ts), tuned against false
 * positives; masking errs the other way: any value under a secret-named key, any password passed to a
 * command and any password in a URL is masked, judged or not, because hiding a harmless word costs
 * nothing and printing a weak password costs the password.
 */

export interface SecretSpan {
  start: number;
  end: number;
  /** What replaces `[start, end)` in an output. */
  masked: string;
  /** The value without its public prefix: the part that must never show. */
  secret: string;
  /** A detector would report it (a known format, or judged random): its fragments are guarded too. */
  confident: boolean;
}

const TRAITS = fileTraits("text.env");
/** Type names after a colon (`password: string`) are declarations, not values. */
const TYPE_WORD =
  /^(?:string|str|String|number|int|integer|bool|boolean|bytes|any|unknown|object|null|nil|None|none|undefined|true|false|Optional|SecretStr)\b/;
/** Permission levels under token-named keys (`id-token: write`, `contents: read`). */
const ACCESS_LEVEL = /^(?:read|write|read-all|write-all|maintain|triage)$/;
const URL_PASSWORD = /\b[a-zA-Z][a-zA-Z0-9+.-]{1,30}:\/\/[^\s:/@'"`<>]{0,100}:([^\s/@'"`<>]{1,200})@/g;

function fromDetection(d: Detection): SecretSpan {
  return {
    start: d.start,
    end: d.end,
    masked: maskDetection(d),
    secret: secretPartOf(d.value, d.prefix),
    confident: true,
  };
}

function broadSpan(value: string, start: number, end = start + value.length): SecretSpan | null {
  const v = value.replace(/[)\]},;]+$/, "");
  if (v.length === 0 || isReference(v) || TYPE_WORD.test(v) || ACCESS_LEVEL.test(v) || isKnownNonSecretFormat(v))
    return null;
  // Confident (guarded everywhere) only when the findings' own judge would report it: a PR must not be
  // able to make any random-looking word a "secret" that masks other text.
  const confident = judgeGenericValue(v, false).ok;
  return { start, end: Math.min(end, start + v.length), masked: maskSecret("", v), secret: secretPartOf(v), confident };
}

/** Most lines hold nothing: they share one empty list instead of allocating one each. */
const NO_SPANS: readonly SecretSpan[] = Object.freeze([]);

function spansInWindow(line: string, nextLine: string | undefined): readonly SecretSpan[] {
  if (line.length < 4 || !isCandidateLine(line)) return NO_SPANS;
  const read = { keyValues: keyValuesOf(line, TRAITS), commandLine: commandLineSecrets(line) };
  const spans = detectCandidateLine(line, TRAITS, nextLine, read).map(fromDetection);
  for (const kv of read.keyValues) {
    if (classifyKey(kv.key) !== "secret") continue;
    const span = broadSpan(kv.value, kv.valueStart);
    if (span) spans.push(span);
  }
  for (const c of read.commandLine) {
    const span = broadSpan(c.value, c.start, c.end);
    if (span) spans.push(span);
  }
  if (line.includes("://")) {
    URL_PASSWORD.lastIndex = 0;
    for (let m = URL_PASSWORD.exec(line); m !== null; m = URL_PASSWORD.exec(line)) {
      const password = m[1]!;
      const span = broadSpan(password, m.index + m[0].length - 1 - password.length);
      if (span) spans.push(span);
    }
  }
  return keepFirst(spans);
}

/** Overlapping spans: the earlier-listed (more specific) one wins. Sorted by start. */
function keepFirst(spans: SecretSpan[]): SecretSpan[] {
  const kept: SecretSpan[] = [];
  for (const s of spans) if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
  return kept.sort((a, b) => a.start - b.start);
}

/** Every maskable value on one line; long lines are read in overlapping windows (linear). */
export function secretSpans(line: string, nextLine?: string): readonly SecretSpan[] {
  if (line.length <= MAX_WINDOW) return spansInWindow(line, nextLine);
  const all: SecretSpan[] = [];
  const step = MAX_WINDOW - 512;
  for (let offset = 0; offset < line.length; offset += step) {
    for (const s of spansInWindow(line.slice(offset, offset + MAX_WINDOW), undefined))
      all.push({ ...s, start: s.start + offset, end: s.end + offset });
    if (offset + MAX_WINDOW >= line.length) break;
  }
  return keepFirst(all);
}

const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/;
const PEM_END = /-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/;
/** Base64 body lines and the RFC 1421 headers (`Proc-Type: 4,ENCRYPTED`) of a PEM block. */
const PEM_BODY = /^\s*(?:[A-Za-z0-9+/=]{16,}|[A-Za-z-]{2,20}: .{1,200})\s*$/;
/** An RSA-8192 key is about 90 lines; a "block" longer than this is something else. */
const MAX_PEM_LINES = 200;

function materialSpan(line: string): SecretSpan {
  const body = line.trim();
  const start = line.indexOf(body);
  return {
    start,
    end: start + body.length,
    masked: maskSecret("private key material", body),
    secret: body,
    confident: true,
  };
}

/**
 * Spans of each line of a sequence (a file's lines, a multi-line message). The base64 lines between a
 * private key's BEGIN and END markers are key material: no single one of them looks like a secret alone.
 * `known` marks lines already scanned by the caller (their spans are left out).
 */
export function lineSpans(lines: readonly string[], known?: (index: number) => boolean): (readonly SecretSpan[])[] {
  const out: (readonly SecretSpan[])[] = new Array(lines.length);
  let keyLines = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (keyLines >= 0 && keyLines < MAX_PEM_LINES && PEM_BODY.test(line)) {
      out[i] = [materialSpan(line)];
      keyLines++;
      continue;
    }
    keyLines = -1;
    // Lines whose secrets the caller already has are only followed for the key blocks they open.
    out[i] = known?.(i) ? NO_SPANS : secretSpans(line, lines[i + 1]);
    if (line.includes("PRIVATE KEY") && PEM_BEGIN.test(line) && !PEM_END.test(line)) keyLines = 0;
  }
  return out;
}

function applySpans(line: string, spans: readonly SecretSpan[]): string {
  let out = "";
  let at = 0;
  for (const s of spans) {
    out += line.slice(at, s.start) + s.masked;
    at = s.end;
  }
  return out + line.slice(at);
}

/**
 * `text` with every maskable value replaced by its masked form (multi-line text keeps its lines).
 * Findings never carry values; this catches values that reach an output by another path (a rule quoting
 * a line, a PR fact, an error message).
 */
export function redactSecrets(text: string): string {
  if (text.length < 4) return text;
  if (!text.includes("\n")) {
    const spans = secretSpans(text);
    return spans.length === 0 ? text : applySpans(text, spans);
  }
  // Only lines that pass isCandidateLine hold spans, and any such line makes the whole text pass it (the
  // test looks no further than a line's own characters and its ends): one test, and most texts are not split.
  if (!isCandidateLine(text)) return text;
  const lines = text.split("\n");
  const spans = lineSpans(lines);
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    if (spans[i]!.length === 0) continue;
    lines[i] = applySpans(lines[i]!, spans[i]!);
    changed = true;
  }
  return changed ? lines.join("\n") : text;
}
