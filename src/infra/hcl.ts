import { indentOf, isCommentLine } from "../diff/line-syntax.js";
import type { ChangedFile } from "../diff/model.js";
import { type Side, type SideLine, sideOf, wholeSideText } from "../diff/side.js";

/**
 * Terraform/OpenTofu block extraction from diff hunks. HCL written by `terraform fmt` opens top-level
 * blocks at column 0 and closes them with a `}` at column 0, so a line scanner can tell which top-level
 * block every changed line belongs to even in a partial hunk (the hunk header and context lines name it).
 * Where the diff holds a whole file (added or deleted), @cdktf/hcl2json confirms the block list, so text
 * inside heredocs or comments that merely looks like a block header is not taken for one.
 */

export type TfBlockKind =
  | "resource"
  | "data"
  | "module"
  | "variable"
  | "output"
  | "provider"
  | "locals"
  | "terraform"
  | "moved"
  | "removed"
  | "import"
  | "check";

export interface TfBlock {
  kind: TfBlockKind;
  /** Terraform address for resources, data sources and modules; a readable label for the others. */
  address: string;
  /** Resource or data source type (`aws_s3_bucket`), else undefined. */
  type?: string;
  name?: string;
}

const HEADER =
  /^(resource|data|module|variable|output|provider|locals|terraform|moved|removed|import|check)\b(?:\s+"?([\w.-]+)"?)?(?:\s+"?([\w.-]+)"?)?\s*\{?/;

/** Parse a column-0 block header line, or null. */
export function parseTfHeader(text: string): TfBlock | null {
  const first = text.charCodeAt(0);
  if (first < 97 || first > 122) return null; // headers start with a lowercase keyword at column 0

  const m = HEADER.exec(text);
  if (!m) return null;
  const kind = m[1] as TfBlockKind;
  const a = m[2];
  const b = m[3];
  switch (kind) {
    case "resource":
      if (!a || !b) return null;
      return { kind, type: a, name: b, address: `${a}.${b}` };
    case "data":
      if (!a || !b) return null;
      return { kind, type: a, name: b, address: `data.${a}.${b}` };
    case "module":
      if (!a) return null;
      return { kind, name: a, address: `module.${a}` };
    case "variable":
    case "output":
    case "provider":
    case "check":
      return { kind, name: a, address: a ? `${kind} "${a}"` : kind };
    default:
      return { kind, address: kind };
  }
}

/** A changed line with the top-level block it belongs to (null when the diff does not show it). */
export interface TfChangedLine {
  side: Side;
  line: number;
  text: string;
  block: TfBlock | null;
  /** Nested block path inside the top-level block, e.g. ["lifecycle"]. */
  nested: string[];
}

export interface TfHeaderChange {
  block: TfBlock;
  side: Side;
  line: number;
  /** Changed body lines seen under this header on the same side (the block's content when wholly changed). */
  body: string[];
  /** True when the block's closing brace was changed too: the whole block was removed/added. */
  whole: boolean;
  /** Index of the hunk the header is in (renames replace a header within one hunk). */
  hunkIndex: number;
}

export interface TfMovedDecl {
  from: string;
  to?: string;
  line: number;
  kind: "moved" | "removed";
  /** For `removed` blocks: lifecycle `destroy = false` (forget the object, keep it). */
  keep?: boolean;
}

export interface TfFileScan {
  file: ChangedFile;
  removedHeaders: TfHeaderChange[];
  addedHeaders: TfHeaderChange[];
  changed: TfChangedLine[];
  /** moved/removed declarations visible on the new side (added or context). */
  moves: TfMovedDecl[];
  /** Addresses whose header appears as an unchanged context line (the block still exists). */
  contextAddresses: Set<string>;
}

const HEREDOC_START = /<<-?\s*"?([A-Za-z_][\w]*)"?\s*$/;
const NESTED_OPEN = /^\s+([a-z_][\w]*)\s*(?:"[^"]*"\s*)*\{\s*$/;
const MOVED_ATTR = /^\s*(from|to)\s*=\s*([\w.\-[\]"]+)/;
const DESTROY_FALSE = /^\s*destroy\s*=\s*false\b/;

function cleanAddress(raw: string): string {
  return raw.replace(/"/g, "").replace(/\[[^\]]*\]/g, "");
}

/** Scan one side of one hunk: which top-level block each line sits in, and header changes. */
function scanSide(lines: readonly SideLine[], header: string, side: Side, out: TfFileScan): void {
  const path = out.file.path;
  // The hunk header (git's funcname line) names the block the hunk starts in, if any.
  let current: TfBlock | null = parseTfHeader(header);
  let currentHeader: TfHeaderChange | null = null;
  let heredoc: string | null = null;
  const nested: { name: string; indent: number }[] = [];
  // Immutable snapshot of the nested names, shared by every line until the nesting changes.
  let nestedNames: string[] = [];
  const syncNested = () => {
    nestedNames = nested.map((n) => n.name);
  };
  let moveDecl: TfMovedDecl | null = null;

  for (const l of lines) {
    const text = l.text;
    const trimmed = text.trim();
    if (heredoc !== null) {
      if (trimmed === heredoc) heredoc = null;
      if (l.changed) out.changed.push({ side, line: l.line, text, block: current, nested: nestedNames });
      if (currentHeader && l.changed) currentHeader.body.push(trimmed);
      continue;
    }
    if (trimmed === "" || isCommentLine(path, trimmed)) continue;

    const opened = parseTfHeader(text);
    if (opened) {
      current = opened;
      nested.length = 0;
      nestedNames = [];
      currentHeader = null;
      moveDecl = null;
      if (l.changed) {
        currentHeader = { block: opened, side, line: l.line, body: [], whole: false, hunkIndex: l.hunk };
        (side === "old" ? out.removedHeaders : out.addedHeaders).push(currentHeader);
        out.changed.push({ side, line: l.line, text, block: opened, nested: [] });
      } else {
        out.contextAddresses.add(opened.address);
      }
      if (side === "new" && (opened.kind === "moved" || opened.kind === "removed")) {
        moveDecl = { from: "", line: l.line, kind: opened.kind };
      }
      continue;
    }

    if (text[0] === "}") {
      // Column-0 closing brace: the top-level block ends here.
      if (l.changed) {
        out.changed.push({ side, line: l.line, text, block: current, nested: [] });
        if (currentHeader) currentHeader.whole = true;
      }
      if (moveDecl?.from) out.moves.push(moveDecl);
      current = null;
      currentHeader = null;
      moveDecl = null;
      nested.length = 0;
      nestedNames = [];
      continue;
    }

    const indent = indentOf(text);
    let popped = false;
    while (nested.length > 0 && indent <= nested[nested.length - 1]!.indent && !trimmed.startsWith("}")) {
      nested.pop();
      popped = true;
    }
    if (popped) syncNested();
    if (trimmed.startsWith("}") && nested.length > 0 && indent <= nested[nested.length - 1]!.indent) {
      if (l.changed) out.changed.push({ side, line: l.line, text, block: current, nested: nestedNames });
      nested.pop();
      syncNested();
      if (currentHeader && l.changed) currentHeader.body.push(trimmed);
      continue;
    }

    if (l.changed) {
      out.changed.push({ side, line: l.line, text, block: current, nested: nestedNames });
      if (currentHeader) currentHeader.body.push(trimmed);
    }
    if (text.endsWith("{")) {
      const open = NESTED_OPEN.exec(text);
      if (open) {
        nested.push({ name: open[1]!, indent });
        syncNested();
      }
    }
    if (text.includes("<<")) {
      const doc = HEREDOC_START.exec(text);
      if (doc) heredoc = doc[1]!;
    }

    if (moveDecl) {
      const attr = MOVED_ATTR.exec(text);
      if (attr) {
        if (attr[1] === "from") moveDecl.from = cleanAddress(attr[2]!);
        else moveDecl.to = cleanAddress(attr[2]!);
      } else if (DESTROY_FALSE.test(text)) {
        moveDecl.keep = true;
      }
    }
  }
  // A moved block whose closing brace lies beyond the hunk still counts.
  if (moveDecl?.from) out.moves.push(moveDecl);
}

/** Line-scan every hunk of a Terraform file. */
export function scanTerraformFile(file: ChangedFile): TfFileScan {
  const out: TfFileScan = {
    file,
    removedHeaders: [],
    addedHeaders: [],
    changed: [],
    moves: [],
    contextAddresses: new Set(),
  };
  const oldSide = sideOf(file, "old").hunks;
  const newSide = sideOf(file, "new").hunks;
  file.hunks.forEach((hunk, i) => {
    scanSide(oldSide[i]!, hunk.header, "old", out);
    scanSide(newSide[i]!, hunk.header, "new", out);
  });
  return out;
}

/** Addresses of the blocks hcl2json finds in a whole file; null when it cannot parse it. */
async function parsedAddresses(path: string, text: string): Promise<Set<string> | null> {
  let json: Record<string, unknown>;
  try {
    // Loaded on first use: hcl2json starts a Go runtime from a 6 MB WASM when its module is evaluated,
    // a fixed cost every scan paid even without a Terraform file.
    const { parse: parseHcl } = await import("@cdktf/hcl2json");
    json = await parseHcl(path.slice(path.lastIndexOf("/") + 1) || "main.tf", text);
  } catch {
    return null;
  }
  const set = new Set<string>();
  const resource = json.resource as Record<string, Record<string, unknown>> | undefined;
  const data = json.data as Record<string, Record<string, unknown>> | undefined;
  const modules = json.module as Record<string, unknown> | undefined;
  for (const [type, byName] of Object.entries(resource ?? {}))
    for (const name of Object.keys(byName ?? {})) set.add(`${type}.${name}`);
  for (const [type, byName] of Object.entries(data ?? {}))
    for (const name of Object.keys(byName ?? {})) set.add(`data.${type}.${name}`);
  for (const name of Object.keys(modules ?? {})) set.add(`module.${name}`);
  return set;
}

const ADDRESSABLE = new Set<TfBlockKind>(["resource", "data", "module"]);

/**
 * For whole added/deleted files, drop scanned headers that the real parser does not know (text inside a
 * heredoc or an odd comment). A parse failure keeps the line scan as it is (tolerant fallback).
 */
export async function confirmWithParser(scan: TfFileScan, budget: { parses: number }): Promise<void> {
  const file = scan.file;
  const side: Side | null = file.status === "deleted" ? "old" : file.status === "added" ? "new" : null;
  if (!side || budget.parses <= 0) return;
  const text = wholeSideText(file, side);
  if (text === null) return;
  // The line scan is only fooled by heredocs and block comments; parse just those files (WASM is slow).
  if (!text.includes("<<") && !text.includes("/*")) return;
  budget.parses--;
  const known = await parsedAddresses(file.path, text);
  if (!known) return;
  const keep = (h: TfHeaderChange) => !ADDRESSABLE.has(h.block.kind) || known.has(h.block.address);
  if (side === "old") scan.removedHeaders = scan.removedHeaders.filter(keep);
  else scan.addedHeaders = scan.addedHeaders.filter(keep);
}

/** Read a JSON-syntax Terraform file (`.tf.json`) from whole text: its addressable blocks. */
export function tfJsonBlocks(text: string): TfBlock[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  const out: TfBlock[] = [];
  if (!json || typeof json !== "object") return out;
  const root = json as Record<string, unknown>;
  const addTyped = (kind: "resource" | "data", section: unknown) => {
    if (!section || typeof section !== "object") return;
    for (const [type, byName] of Object.entries(section as Record<string, unknown>)) {
      if (!byName || typeof byName !== "object") continue;
      for (const name of Object.keys(byName as Record<string, unknown>))
        out.push({ kind, type, name, address: kind === "data" ? `data.${type}.${name}` : `${type}.${name}` });
    }
  };
  addTyped("resource", root.resource);
  addTyped("data", root.data);
  if (root.module && typeof root.module === "object")
    for (const name of Object.keys(root.module as Record<string, unknown>))
      out.push({ kind: "module", name, address: `module.${name}` });
  return out;
}
