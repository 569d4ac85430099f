import { createHash } from "node:crypto";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { z } from "zod";
import { type GateState, gateStateSchema } from "./state.js";

/**
 * The gate's record lives in the App's own check run on each commit: the run's `output.text` ends with
 * a hidden block holding the state of every pull request whose head is that commit. Only this App can
 * write its check runs (branch protection pins the check to the App's id, and the App reads only runs
 * whose `app.id` is its own), so no person, workflow or other app can edit, paste or roll back a
 * record. The comment is a view: its marker names the record's sequence and digest, and an edit counts
 * only when it was made on the view of the record in force.
 */

const RECORD_PREFIX = "<!-- ai-review-gate:record v2 ";
const RECORD = /<!-- ai-review-gate:record v2 ([A-Za-z0-9_-]+) -->/;
const VIEW = /^<!-- ai-review-gate:view pr=(\d+) head=([0-9a-f]{7,64}) seq=(\d+) digest=([0-9a-f]{16}) -->$/;

const entries = z.array(gateStateSchema);

export function encodeRecord(states: readonly GateState[]): string {
  const packed = deflateRawSync(Buffer.from(JSON.stringify(states), "utf8")).toString("base64url");
  return `${RECORD_PREFIX}${packed} -->`;
}

/** The states recorded in a run's text, or [] when there is no (readable) record. */
export function decodeRecord(text: string): GateState[] {
  const m = RECORD.exec(text);
  if (!m) return [];
  try {
    const json: unknown = JSON.parse(inflateRawSync(Buffer.from(m[1]!, "base64url")).toString("utf8"));
    const parsed = entries.safeParse(json);
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Digest of a state's decision and sequence number (not its audit trail, notes or comment id): views carry it. */
export function digest(state: GateState): string {
  const { audit: _audit, notes: _notes, commentId: _comment, ...decision } = state;
  return createHash("sha256").update(canonicalJson(decision)).digest("hex").slice(0, 16);
}

/**
 * JSON with object keys sorted: a state built in memory and the same state decoded through the schema
 * (which orders keys its own way) must digest alike, or the App would take its own view for stale.
 */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

export interface ViewMarker {
  pr: number;
  head: string;
  seq: number;
  digest: string;
}

export function viewMarker(state: GateState): string {
  return `<!-- ai-review-gate:view pr=${state.pr} head=${state.head} seq=${state.seq} digest=${digest(state)} -->`;
}

export function parseViewMarker(line: string): ViewMarker | null {
  const m = VIEW.exec(line.trim());
  return m ? { pr: Number(m[1]), head: m[2]!, seq: Number(m[3]), digest: m[4]! } : null;
}

export function isViewOf(marker: ViewMarker | null, state: GateState): boolean {
  return (
    marker !== null &&
    marker.pr === state.pr &&
    marker.head === state.head &&
    marker.seq === state.seq &&
    marker.digest === digest(state)
  );
}

/** Several runs of ours on one commit (a fail-closed run, a concurrent create): the newest record per PR wins. */
export function mergeRecords(lists: ReadonlyArray<readonly GateState[]>): GateState[] {
  const best = new Map<number, GateState>();
  for (const list of lists)
    for (const s of list) {
      const seen = best.get(s.pr);
      if (!seen || s.seq > seen.seq) best.set(s.pr, s);
    }
  return [...best.values()].sort((a, b) => a.pr - b.pr);
}
