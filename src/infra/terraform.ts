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

function movedAccounts(moves: readonly TfMovedDecl[], address: string): TfMovedDecl | undefined {
  return moves.find((m) => m.from === address || m.from.endsWith(`.${address}`));
}

function sameBody(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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
    moves.push(...scan.moves);
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
  for (const scan of scans) {
    const path = scan.file.path;
    for (const h of scan.removedHeaders) {
      if (!ADDRESSABLE.has(h.block.kind)) continue;
      const key = tfKey(path, h.block.address);
      if (newKeys.has(key)) continue; // re-declared (same module directory): moved between files or edited
      const move = movedAccounts(moves, h.block.address);
      if (move && (move.kind === "moved" || move.keep)) continue; // state kept: the change rule reports it
      let renamedTo: string | undefined;
      const candidates = scan.addedHeaders.filter(
        (a) =>
          a.block.kind === h.block.kind &&
          a.block.type === h.block.type &&
          !oldKeys.has(tfKey(path, a.block.address)) &&
          (a.hunkIndex === h.hunkIndex || sameBody(a.body, h.body)),
      );
      if (candidates.length > 0) renamedTo = candidates[0]!.block.address;
      else if (h.block.kind === "resource") renamedTo = intoModule(h, scan.addedHeaders, oldKeys, path);
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
    if (newKeys.has(key) || movedAccounts(moves, block.address)) continue;
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
