import type { ChangedFile } from "../diff/model.js";
import type { Severity } from "../types.js";
import { bumpSeverity } from "../types.js";
import { extensionOf } from "../util/paths.js";
import type { SecretAllowlist } from "./allowlist.js";
import { continuesOnNextLine, hasLiteralSeam, joinLiterals, MAX_JOINED_LINES } from "./concatenation.js";
import { awsSecretKeyDetection, type Detection, detectLine, type FileTraits, fileTraits } from "./detect.js";
import { shannonEntropy } from "./entropy.js";
import { judgeGenericValue } from "./generic.js";

/** A detection located in the diff. */
export interface SecretHit extends Detection {
  file: string;
  line: number;
}

export interface ScanFileOptions {
  isTest?: (path: string) => boolean;
  allowlist?: SecretAllowlist;
}

const K8S_SECRET_KIND = /^\s*kind:\s*["']?Secret["']?\s*(?:#.*)?$/;
const K8S_DATA_BLOCK = /^(\s*)(data|stringData):\s*(?:#.*)?$/;
const K8S_ENTRY = /^(\s+)([\w.-]{1,253}):\s*["']?([^"'\s#]{1,10000})["']?\s*(?:#.*)?$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Kubernetes Secret manifests: values under `data:` are base64, so they are decoded and judged, and
 * any key counts (every entry of a Secret is secret). Returns the new-side line numbers it handled.
 */
function scanKubernetesSecret(file: ChangedFile, traits: FileTraits, out: SecretHit[]): Set<number> {
  const handled = new Set<number>();
  let block: { indent: number; base64: boolean } | null = null;
  for (const hunk of file.hunks) {
    for (const change of hunk.changes) {
      if (change.type === "del") continue;
      const text = change.content;
      const header = K8S_DATA_BLOCK.exec(text);
      if (header) {
        block = { indent: header[1]!.length, base64: header[2] === "data" };
        continue;
      }
      if (!block || text.trim() === "") continue;
      const entry = K8S_ENTRY.exec(text);
      if (!entry || entry[1]!.length <= block.indent) {
        if (!/^\s/.test(text) || (entry && entry[1]!.length <= block.indent)) block = null;
        continue;
      }
      if (change.type !== "add" || change.newLine === undefined) continue;
      handled.add(change.newLine);
      const key = entry[2]!;
      const raw = entry[3]!;
      let decoded = raw;
      if (block.base64) {
        if (!BASE64.test(raw) || raw.length % 4 !== 0) continue;
        decoded = Buffer.from(raw, "base64").toString("utf8");
        if (!/^[\x20-\x7e\t\r\n]*$/.test(decoded)) continue;
      }
      const start = text.indexOf(raw);
      // A PEM inside the Secret is a private key; the line scanner knows it once decoded.
      const inner = detectLine(decoded.split("\n")[0] ?? "", traits, decoded.split("\n")[1]);
      const verdict = judgeGenericValue(decoded.trim(), false);
      if (inner.length === 0 && !verdict.ok) continue;
      const innerHit = inner[0];
      out.push({
        group: innerHit?.group ?? "generic-secret",
        kind: innerHit?.kind ?? "kubernetes-secret",
        label: innerHit ? innerHit.label : "Kubernetes Secret value",
        value: raw,
        start,
        end: start + raw.length,
        severity: innerHit?.severity ?? (verdict.ok && verdict.strong ? "high" : "medium"),
        detail: `in Secret ${block.base64 ? "data" : "stringData"} key ${key}`,
        service: innerHit?.service,
        file: file.path,
        line: change.newLine,
      });
    }
  }
  return handled;
}

const QUOTED_40 = /(["'])([A-Za-z0-9/+]{40})\1/g;
const QUOTED_32 = /(["'])([A-Za-z0-9]{32})\1/g;

/** AWS key ids and secrets in one file are one credential: report the pair as critical. */
function pairAwsKeys(lines: Map<number, string>, hits: SecretHit[]): void {
  const ids = hits.filter((h) => h.kind === "aws-access-key");
  if (ids.length === 0) return;
  // A 40-character base64 literal on the same line as a key id is its secret (boto3, SDK constructors).
  for (const id of ids) {
    const text = lines.get(id.line) ?? "";
    QUOTED_40.lastIndex = 0;
    for (let m = QUOTED_40.exec(text); m !== null; m = QUOTED_40.exec(text)) {
      const value = m[2]!;
      const start = m.index + 1;
      if (shannonEntropy(value) < 3.5 || /EXAMPLE/.test(value)) continue;
      if (hits.some((h) => h.line === id.line && start < h.end && h.start < start + value.length)) continue;
      hits.push({ ...awsSecretKeyDetection(value, start), file: id.file, line: id.line });
    }
  }
  const secrets = hits.filter((h) => h.kind === "aws-secret-key");
  if (secrets.length === 0) return;
  for (const id of ids) {
    const nearest = secrets.reduce((a, b) => (Math.abs(b.line - id.line) < Math.abs(a.line - id.line) ? b : a));
    id.severity = "critical";
    id.detail = `paired with its secret access key on line ${nearest.line}`;
  }
}

/** How far apart (in lines) a Twilio API key SID and its secret still read as one credential. */
const TWILIO_PAIR_DISTANCE = 3;

/**
 * A Twilio API key SID with its 32-character secret is a usable credential: the secret as a literal on
 * the same line, or reported on a line close by (`TWILIO_API_KEY=SK…` then `TWILIO_API_SECRET=…`).
 */
function pairTwilio(lines: Map<number, string>, hits: SecretHit[]): void {
  for (const h of hits) {
    if (h.kind !== "twilio-key") continue;
    const text = lines.get(h.line) ?? "";
    QUOTED_32.lastIndex = 0;
    for (let m = QUOTED_32.exec(text); m !== null; m = QUOTED_32.exec(text)) {
      if (m[2] === h.value || shannonEntropy(m[2]!) < 3.5) continue;
      h.severity = "critical";
      h.detail = "with its API secret on the same line";
      break;
    }
    if (h.severity === "critical") continue;
    const secret = hits.find(
      (o) =>
        o !== h &&
        o.group === "generic-secret" &&
        o.value.length === 32 &&
        o.line !== h.line &&
        Math.abs(o.line - h.line) <= TWILIO_PAIR_DISTANCE,
    );
    if (secret) {
      h.severity = "critical";
      h.detail = `with its API secret on line ${secret.line}`;
    }
  }
}

/**
 * Values split into string pieces (`"ghp_" + "…"`, implicit concatenation, a literal continued on the
 * next lines): the statement's pieces are joined and scanned again. A value found only when joined is
 * reported on the statement's first line and replaces the fragments found on its lines.
 */
function scanJoinedLiterals(
  file: ChangedFile,
  traits: FileTraits,
  lineText: Map<number, string>,
  hits: SecretHit[],
): void {
  const added = file.added;
  for (let i = 0; i < added.length; i++) {
    let text = added[i]!.content;
    let j = i;
    while (
      j + 1 < added.length &&
      j - i + 1 < MAX_JOINED_LINES &&
      added[j + 1]!.line === added[j]!.line + 1 &&
      continuesOnNextLine(added[j]!.content, added[j + 1]!.content, traits.source)
    ) {
      j++;
      text = `${text.replace(/\\\s*$/, "")} ${added[j]!.content.trim()}`;
    }
    if (j === i && !hasLiteralSeam(text, traits.source)) continue;
    const joined = joinLiterals(text, traits.source);
    const first = added[i]!.line;
    const last = added[j]!.line;
    i = j;
    if (joined === text) continue;
    for (const d of detectLine(joined, traits)) {
      const inStatement = (h: SecretHit) => h.file === file.path && h.line >= first && h.line <= last;
      if (hits.some((h) => inStatement(h) && h.value.includes(d.value))) continue;
      for (let k = hits.length - 1; k >= 0; k--)
        if (inStatement(hits[k]!) && d.value.includes(hits[k]!.value)) hits.splice(k, 1);
      const detail = d.detail ? `${d.detail}, joined from string pieces` : "joined from string pieces";
      hits.push({ ...d, detail, file: file.path, line: first });
      if (!lineText.has(first)) lineText.set(first, joined);
    }
  }
}

/** Scan the added lines of one file. Linear in the file's added lines. */
export function scanFile(file: ChangedFile, opts: ScanFileOptions = {}): SecretHit[] {
  if (file.binary || file.added.length === 0) return [];
  if (opts.allowlist?.allowsPath(file.path)) return [];
  const traits = fileTraits(file.path);
  const hits: SecretHit[] = [];
  let k8sLines: Set<number> | null = null;
  const ext = extensionOf(file.path);
  if (ext === "yaml" || ext === "yml") {
    let isSecret = false;
    for (const a of file.added) {
      if (a.content.includes("Secret") && K8S_SECRET_KIND.test(a.content)) {
        isSecret = true;
        break;
      }
    }
    if (!isSecret && file.status !== "added") {
      for (const hunk of file.hunks)
        for (const c of hunk.changes) if (c.type === "context" && K8S_SECRET_KIND.test(c.content)) isSecret = true;
    }
    if (isSecret) k8sLines = scanKubernetesSecret(file, traits, hits);
  }
  const added = file.added;
  const lineText = new Map<number, string>();
  for (let i = 0; i < added.length; i++) {
    const a = added[i]!;
    if (k8sLines?.has(a.line)) continue;
    const next = added[i + 1];
    const nextLine = next && next.line === a.line + 1 ? next.content : undefined;
    const found = detectLine(a.content, traits, nextLine);
    if (found.length === 0) continue;
    lineText.set(a.line, a.content);
    for (const d of found) hits.push({ ...d, file: file.path, line: a.line });
  }
  scanJoinedLiterals(file, traits, lineText, hits);
  pairAwsKeys(lineText, hits);
  pairTwilio(lineText, hits);
  const isTest = opts.isTest?.(file.path) ?? false;
  const out: SecretHit[] = [];
  for (const h of hits) {
    if (opts.allowlist?.allowsValue(h.value)) continue;
    // Obvious fixtures are usually fake, but a real key in a test is still a leak: one step lower.
    if (isTest) h.severity = lowerSeverity(h.severity);
    out.push(h);
  }
  return out;
}

export function lowerSeverity(s: Severity): Severity {
  return bumpSeverity(s, -1);
}
