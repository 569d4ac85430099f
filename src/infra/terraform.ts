import type { ChangedFile } from "../diff/model.js";
import { wholeSideText } from "../diff/side.js";
import type { RuleContext } from "../rules/types.js";
import type { Severity } from "../types.js";
import { dirnameOf } from "../util/paths.js";
import {
  confirmWithParser,
  scanTerraformFile,
  type TfBlock,
  type TfFileScan,
  type TfHeaderChange,
  type TfMovedDecl,
  tfJsonBlocks,
} from "./hcl.js";
import { isTerraformJsonPath, isTerraformPath } from "./paths.js";
import { isStatefulModule, isStatefulTerraformType } from "./stateful.js";

/** Whole files handed to the HCL parser per analysis; beyond this the line scan alone decides. */
const MAX_PARSED_FILES = 25;

export interface TfDeletion {
  file: string;
  /** Old-side line of the block header; null when unknown (JSON files). */
  line: number | null;
  block: TfBlock;
  severity: Severity;
  /**
   * Set when the change re-declares the object elsewhere without a `moved` block: the same hunk adds a
   * block of the same type under another name, or the file adds a module whose name or source names
   * the resource's type (`aws_s3_bucket` into an `s3-bucket` module).
   */
  renamedTo?: string;
  /** Set when a `removed` block declares the destroy explicitly. */
  explicitRemoved?: boolean;
  hadPreventDestroy: boolean;
  wholeFileDeleted: boolean;
  /** The file was a reusable module's source: nothing is destroyed until a configuration stops calling it. */
  moduleSourceDeleted?: boolean;
}

export interface TfAnalysis {
  scans: TfFileScan[];
  deletions: TfDeletion[];
  /** `${dir}\0${address}` of deleted blocks: change rules leave them to the deletion rule. */
  deletedKeys: Set<string>;
  /** `${dir}\0${address}` of blocks present before the change (header removed or context). */
  oldKeys: Set<string>;
  /** Moves (`moved` and `removed` blocks) by the new address or the forgotten address. */
  moves: TfMovedDecl[];
  /** `.tf.json` files the line scanner does not read. */
  jsonFiles: ChangedFile[];
}

export function tfKey(file: string, address: string): string {
  return `${dirnameOf(file)}\u0000${address}`;
}

const ADDRESSABLE = new Set(["resource", "data", "module"]);
/** A reusable module's own folder (`modules/<name>/`, `shared-modules/<name>/`), not a root configuration. */
const MODULE_SOURCE_DIR = /(?:^|\/)[\w-]*modules\/[^/]+\//;

function moduleSource(header: TfHeaderChange): string {
  for (const line of header.body) {
    const m = /^source\s*=\s*"([^"]*)"/.exec(line);
    if (m) return m[1]!;
  }
  return "";
}

function deletionSeverity(header: TfHeaderChange): Severity {
  const b = header.block;
  if (b.kind === "data") return "low";
  if (b.kind === "resource") return isStatefulTerraformType(b.type ?? "") ? "critical" : "high";
  // Modules: judge by name and source (an RDS or bucket module holds data).
  return isStatefulModule(b.name ?? "") || isStatefulModule(moduleSource(header)) ? "critical" : "high";
}

/** The text after the `n`-th dot from the end (the whole text when it has fewer). */
function lastSegments(text: string, n: 1 | 2): string {
  let dot = text.lastIndexOf(".");
  if (n === 2 && dot >= 0) dot = dot > 0 ? text.lastIndexOf(".", dot - 1) : -1;
  return dot < 0 ? text : text.slice(dot + 1);
}

/**
 * The first `moved`/`removed` declaration (in order) whose `from` is `address` or ends with `.address`,
 * for every address asked. Declarations are bucketed by their last one and two dot segments, which any
 * such `from` shares with the address, so a lookup reads one small bucket, not every declaration
 * (removed blocks × moves grew quadratically on a large refactor).
 */
function movedAccounts(moves: readonly TfMovedDecl[]): (address: string) => TfMovedDecl | undefined {
  const byLast = new Map<string, TfMovedDecl[]>();
  const byLastTwo = new Map<string, TfMovedDecl[]>();
  const put = (map: Map<string, TfMovedDecl[]>, key: string, m: TfMovedDecl) => {
    const bucket = map.get(key);
    if (bucket) bucket.push(m);
    else map.set(key, [m]);
  };
  for (const m of moves) {
    put(byLast, lastSegments(m.from, 1), m);
    put(byLastTwo, lastSegments(m.from, 2), m);
  }
  const answers = new Map<string, TfMovedDecl | undefined>();
  return (address) => {
    if (answers.has(address)) return answers.get(address);
    // An address with a dot shares its last two segments with `from`; one without, its last one.
    const bucket = address.includes(".") ? byLastTwo.get(lastSegments(address, 2)) : byLast.get(address);
    const found = bucket?.find((m) => m.from === address || m.from.endsWith(`.${address}`));
    answers.set(address, found);
    return found;
  };
}

/**
 * The block a removed header was renamed to: the first added header (in order) of the same kind and type,
 * not present before, in the same hunk or with the same body. Indexed once per file, so a file that
 * rewrites thousands of blocks stays linear.
 */
function renameTargets(
  added: readonly TfHeaderChange[],
  oldKeys: ReadonlySet<string>,
  path: string,
): (removed: TfHeaderChange) => TfHeaderChange | undefined {
  // Keys hold kind and type exactly (JSON tells a missing type from an empty one); the hunk index leads,
  // as a number it cannot run into them.
  const kindAndType = (h: TfHeaderChange) => JSON.stringify([h.block.kind, h.block.type]);
  const byHunk = new Map<string, number>();
  const byBody = new Map<string, Map<string, number>>();
  added.forEach((a, i) => {
    if (oldKeys.has(tfKey(path, a.block.address))) return;
    const sort = kindAndType(a);
    const hunkKey = `${a.hunkIndex}\u0000${sort}`;
    if (!byHunk.has(hunkKey)) byHunk.set(hunkKey, i);
    // Equal non-empty bodies: lines hold no newline, so the joined text is a faithful key.
    if (a.body.length === 0) return;
    let bodies = byBody.get(sort);
    if (!bodies) {
      bodies = new Map();
      byBody.set(sort, bodies);
    }
    const body = a.body.join("\n");
    if (!bodies.has(body)) bodies.set(body, i);
  });
  const NONE = Number.POSITIVE_INFINITY;
  return (h) => {
    const sort = kindAndType(h);
    const inHunk = byHunk.get(`${h.hunkIndex}\u0000${sort}`) ?? NONE;
    const sameBody = h.body.length > 0 ? (byBody.get(sort)?.get(h.body.join("\n")) ?? NONE) : NONE;
    const first = Math.min(inHunk, sameBody);
    return first === NONE ? undefined : added[first];
  };
}

/**
 * A module added in the same file whose name or source holds every word of the removed resource's type
 * (`aws_s3_bucket` → `terraform-aws-modules/s3-bucket/aws`): the resource moved into it, and without a
 * `moved` block Terraform destroys the old object and creates the module's.
 */
function intoModule(
  removed: TfHeaderChange,
  added: readonly TfHeaderChange[],
  oldKeys: ReadonlySet<string>,
  path: string,
): string | undefined {
  const words = (removed.block.type ?? "").toLowerCase().split("_").slice(1).filter(Boolean);
  if (words.length === 0) return undefined;
  for (const a of added) {
    if (a.block.kind !== "module" || oldKeys.has(tfKey(path, a.block.address))) continue;
    const names = `${a.block.name ?? ""} ${moduleSource(a)}`.toLowerCase();
    if (words.every((w) => names.includes(w))) return a.block.address;
  }
  return undefined;
}

async function analyzeTerraform(ctx: RuleContext): Promise<TfAnalysis> {
  const scans: TfFileScan[] = [];
  const jsonFiles: ChangedFile[] = [];
  const budget = { parses: MAX_PARSED_FILES };
  for (const file of ctx.files) {
    const json = isTerraformJsonPath(file.path);
    if (!json && !isTerraformPath(file.path)) continue;
    if (file.binary || ctx.paths.isDoc(file.path) || ctx.paths.isTest(file.path)) continue;
    if (json) {
      jsonFiles.push(file);
      continue;
    }
    const scan = scanTerraformFile(file);
    await confirmWithParser(scan, budget);
    scans.push(scan);
  }

  const newKeys = new Set<string>();
  const oldKeys = new Set<string>();
  const moves: TfMovedDecl[] = [];
  for (const scan of scans) {
    const path = scan.file.path;
    for (const h of scan.addedHeaders) newKeys.add(tfKey(path, h.block.address));
    for (const h of scan.removedHeaders) oldKeys.add(tfKey(path, h.block.address));
    for (const a of scan.contextAddresses) {
      newKeys.add(tfKey(path, a));
      oldKeys.add(tfKey(path, a));
    }
    for (const m of scan.moves) moves.push(m);
  }
  // Whole .tf.json files take part in cross-file matching (a block converted to JSON is not deleted).
  const jsonDeleted: { file: ChangedFile; block: TfBlock }[] = [];
  for (const file of jsonFiles) {
    if (file.status === "added") {
      const text = wholeSideText(file, "new");
      for (const b of text ? tfJsonBlocks(text) : []) newKeys.add(tfKey(file.path, b.address));
    } else if (file.status === "deleted") {
      const text = wholeSideText(file, "old");
      for (const b of text ? tfJsonBlocks(text) : []) {
        oldKeys.add(tfKey(file.path, b.address));
        jsonDeleted.push({ file, block: b });
      }
    }
  }

  const deletions: TfDeletion[] = [];
  const deletedKeys = new Set<string>();
  const moveFor = movedAccounts(moves);
  for (const scan of scans) {
    const path = scan.file.path;
    const renameTarget = renameTargets(scan.addedHeaders, oldKeys, path);
    for (const h of scan.removedHeaders) {
      if (!ADDRESSABLE.has(h.block.kind)) continue;
      const key = tfKey(path, h.block.address);
      if (newKeys.has(key)) continue; // re-declared (same module directory): moved between files or edited
      const move = moveFor(h.block.address);
      if (move && (move.kind === "moved" || move.keep)) continue; // state kept: the change rule reports it
      let renamedTo = renameTarget(h)?.block.address;
      if (renamedTo === undefined && h.block.kind === "resource")
        renamedTo = intoModule(h, scan.addedHeaders, oldKeys, path);
      // A deleted module source only breaks callers that still use it (init fails); it destroys nothing.
      const moduleSourceDeleted =
        scan.file.status === "deleted" && h.block.kind !== "data" && MODULE_SOURCE_DIR.test(path);
      deletions.push({
        file: path,
        line: h.line,
        block: h.block,
        severity: moduleSourceDeleted ? "medium" : deletionSeverity(h),
        moduleSourceDeleted,
        renamedTo,
        explicitRemoved: move?.kind === "removed",
        hadPreventDestroy: h.body.some((l) => /^prevent_destroy\s*=\s*true\b/.test(l)),
        wholeFileDeleted: scan.file.status === "deleted",
      });
      deletedKeys.add(key);
    }
  }
  for (const { file, block } of jsonDeleted) {
    const key = tfKey(file.path, block.address);
    if (newKeys.has(key) || moveFor(block.address)) continue;
    const severity: Severity =
      block.kind === "data"
        ? "low"
        : block.kind === "resource"
          ? isStatefulTerraformType(block.type ?? "")
            ? "critical"
            : "high"
          : isStatefulModule(block.name ?? "")
            ? "critical"
            : "high";
    deletions.push({ file: file.path, line: null, block, severity, hadPreventDestroy: false, wholeFileDeleted: true });
    deletedKeys.add(key);
  }
  return { scans, deletions, deletedKeys, oldKeys, moves, jsonFiles };
}

const cache = new WeakMap<readonly ChangedFile[], Promise<TfAnalysis>>();

/** The Terraform analysis of this diff, computed once and shared by the Terraform rules. */
export function terraformAnalysis(ctx: RuleContext): Promise<TfAnalysis> {
  let p = cache.get(ctx.files);
  if (!p) {
    p = analyzeTerraform(ctx);
    cache.set(ctx.files, p);
  }
  return p;
}
