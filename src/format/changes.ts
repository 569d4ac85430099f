import { createHash } from "node:crypto";
import { z } from "zod";
import { type Finding, LEVELS, type Level, type Report } from "../types.js";

/**
 * "What changed since the last report": the sticky comment carries a hidden digest of the report it
 * shows (level, score, one short key per finding), and the next run compares against it. Anyone with
 * write access can edit that comment, so the digest is read as hostile input: bounded before decoding,
 * validated field by field, and only ever used to say what changed (never to decide anything).
 */

const MARK = "ai-review-gate:digest v1";
/** Largest digest block read back (characters of base64), far above what a 65,536-character comment holds. */
const MAX_BLOCK = 40_000;
/** Findings keyed in one digest; past this the comparison says it is partial. */
const MAX_KEYS = 1_000;
const KEY_LENGTH = 12;
/** A rule's keys, concatenated (12 hex digits each). */
const KEYS = new RegExp(`^(?:[0-9a-f]{${KEY_LENGTH}}){1,${MAX_KEYS}}$`);
const RULE_ID = /^[A-Za-z0-9][\w.-]{0,80}(?:\/[A-Za-z0-9][\w.-]{0,80})?$/;
const SHA = /^[0-9a-f]{7,64}$/;

const snapshot = z.strictObject({
  level: z.enum(LEVELS),
  score: z.number().int().min(0).max(100),
  head: z.string().regex(SHA).optional(),
  /** Finding keys by rule id. */
  rules: z
    .record(z.string().regex(RULE_ID), z.string().regex(KEYS))
    .refine((r) => Object.keys(r).length <= 500, "too many rules")
    .refine((r) => Object.values(r).reduce((n, k) => n + k.length / KEY_LENGTH, 0) <= MAX_KEYS, "too many keys"),
  partial: z.boolean(),
});
const digestSchema = snapshot.extend({ base: snapshot.optional() });

/** One report, as the next run needs it. Plain types (not inferred from zod): the package's declarations may not import zod. */
export interface ReportSnapshot {
  level: Level;
  score: number;
  head?: string | undefined;
  /** Finding keys by rule id, concatenated. */
  rules: Record<string, string>;
  partial: boolean;
}

export interface ReportDigest extends ReportSnapshot {
  /** The report this one was compared against, so a re-run at the same head compares the same way. */
  base?: ReportSnapshot | undefined;
}

/**
 * A finding's identity across pushes: rule, side, file and message with numbers blanked (line numbers in
 * messages move when code is added above). Two identical findings share a key and are counted as such.
 */
export function findingKey(f: Pick<Finding, "ruleId" | "side" | "file" | "message">): string {
  const message = f.message.replace(/\d+/g, "#");
  return createHash("sha256")
    .update(`${f.ruleId}\0${f.side}\0${f.file}\0${message}`)
    .digest("hex")
    .slice(0, KEY_LENGTH);
}

/** This report's digest; `base` is the digest it was compared against (kept for re-runs at the same head). */
export function digestOf(report: Report, head?: string, base?: ReportDigest): ReportDigest {
  const rules = new Map<string, string>();
  let kept = 0;
  for (const f of report.findings) {
    if (kept >= MAX_KEYS || !RULE_ID.test(f.ruleId)) continue;
    rules.set(f.ruleId, (rules.get(f.ruleId) ?? "") + findingKey(f));
    kept++;
  }
  const own: ReportSnapshot = {
    level: report.risk.level,
    score: report.risk.score,
    ...(head && SHA.test(head) ? { head } : {}),
    rules: Object.fromEntries(rules),
    partial: kept < report.findings.length,
  };
  if (!base) return own;
  const { base: _older, ...flat } = base;
  return { ...own, base: flat };
}

/**
 * What a run compares against: the last report when it was for another commit; when it was for this
 * same commit (a re-run), what that report was compared against, so the comment reads the same.
 */
export function comparisonBase(previous: ReportDigest | null, head: string): ReportDigest | null {
  if (!previous) return null;
  if (previous.head === head) return previous.base ?? null;
  const { base: _older, ...flat } = previous;
  return flat;
}

/** The hidden block: base64 of the JSON, so nothing in it can close the HTML comment or render. */
export function digestBlock(digest: ReportDigest): string {
  return `<!-- ${MARK} ${Buffer.from(JSON.stringify(digest), "utf8").toString("base64url")} -->`;
}

export type DigestReading = { kind: "none" } | { kind: "invalid" } | { kind: "ok"; digest: ReportDigest };

/** The digest in a comment body: none when there is no block, invalid when one block is not well-formed. */
export function readDigest(body: string): DigestReading {
  const at = body.indexOf(`<!-- ${MARK} `);
  if (at < 0) return { kind: "none" };
  if (body.indexOf(`<!-- ${MARK} `, at + 1) >= 0) return { kind: "invalid" };
  const start = at + MARK.length + 6;
  const end = body.indexOf(" -->", start);
  if (end < 0 || end - start > MAX_BLOCK) return { kind: "invalid" };
  const encoded = body.slice(start, end);
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return { kind: "invalid" };
  try {
    const parsed = digestSchema.safeParse(JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")));
    return parsed.success ? { kind: "ok", digest: parsed.data } : { kind: "invalid" };
  } catch {
    return { kind: "invalid" };
  }
}

export interface ReportChanges {
  previous: { level: Level; score: number; head?: string };
  /** Findings of this report the last one did not have. */
  added: Finding[];
  /** Findings the last report had and this one does not, counted by rule. */
  resolved: { ruleId: string; count: number }[];
  unchanged: number;
  /** The last report was cut (too many findings to key): new and resolved are approximate. */
  partial: boolean;
}

export function compareReports(previous: ReportDigest, report: Report): ReportChanges {
  const left = new Map<string, { ruleId: string; count: number }>();
  for (const [ruleId, keys] of Object.entries(previous.rules))
    for (let at = 0; at < keys.length; at += KEY_LENGTH) {
      const k = keys.slice(at, at + KEY_LENGTH);
      const id = `${ruleId}\0${k}`;
      const e = left.get(id);
      if (e) e.count++;
      else left.set(id, { ruleId, count: 1 });
    }
  const added: Finding[] = [];
  let unchanged = 0;
  for (const f of report.findings) {
    const e = left.get(`${f.ruleId}\0${findingKey(f)}`);
    if (e && e.count > 0) {
      e.count--;
      unchanged++;
    } else added.push(f);
  }
  const byRule = new Map<string, number>();
  for (const e of left.values()) if (e.count > 0) byRule.set(e.ruleId, (byRule.get(e.ruleId) ?? 0) + e.count);
  return {
    previous: { level: previous.level, score: previous.score, ...(previous.head ? { head: previous.head } : {}) },
    added,
    resolved: [...byRule].map(([ruleId, count]) => ({ ruleId, count })).sort((a, b) => b.count - a.count),
    unchanged,
    partial: previous.partial,
  };
}
