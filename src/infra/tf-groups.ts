import type { TfBlock, TfChangedLine, TfFileScan, TfMovedDecl } from "./hcl.js";
import { type TfAnalysis, tfKey } from "./terraform.js";

/** The changed lines of one top-level block of one file. */
export interface TfBlockChanges {
  block: TfBlock | null;
  added: TfChangedLine[];
  removed: TfChangedLine[];
  /** The block is declared by this diff (header added, not a moved-to target, not present before). */
  isNew: boolean;
  /** The block was deleted (the deletion rule reports it). */
  isDeleted: boolean;
  /** The block is the target of a `moved` block (a rename that keeps state). */
  movedFrom?: string;
  /** The block's old name, renamed away with a `moved` block (reported on the new name). */
  renamedAway: boolean;
}

const groupCache = new WeakMap<TfFileScan, TfBlockChanges[]>();

/** Group a file's changed lines by top-level block, in order of first appearance (memoised per scan). */
export function groupByBlock(scan: TfFileScan, analysis: TfAnalysis): TfBlockChanges[] {
  let cached = groupCache.get(scan);
  if (!cached) {
    cached = computeGroups(scan, analysis);
    groupCache.set(scan, cached);
  }
  return cached;
}

/** The `moved` blocks of every file, by target (the first one) and by source: a lookup per block, not a search of all. */
interface MoveIndex {
  to: Map<string, TfMovedDecl>;
  from: Set<string>;
}

const moveIndexes = new WeakMap<TfAnalysis, MoveIndex>();

function moveIndex(analysis: TfAnalysis): MoveIndex {
  let index = moveIndexes.get(analysis);
  if (!index) {
    index = { to: new Map(), from: new Set() };
    for (const m of analysis.moves) {
      if (m.kind !== "moved") continue;
      if (m.to !== undefined && !index.to.has(m.to)) index.to.set(m.to, m);
      index.from.add(m.from);
    }
    moveIndexes.set(analysis, index);
  }
  return index;
}

function computeGroups(scan: TfFileScan, analysis: TfAnalysis): TfBlockChanges[] {
  const groups = new Map<string, TfBlockChanges>();
  const path = scan.file.path;
  const moves = moveIndex(analysis);
  // Sets, not a search of the headers per block: a file rewriting thousands of blocks stays linear.
  const addedHere = new Set(scan.addedHeaders.map((h) => h.block.address));
  const removedHere = new Set(scan.removedHeaders.map((h) => h.block.address));
  // Consecutive changed lines mostly share a block: look its group up only when the block changes.
  let lastBlock: TfBlock | null | undefined;
  let g: TfBlockChanges | undefined;
  for (const c of scan.changed) {
    if (c.block === lastBlock && g) {
      (c.side === "new" ? g.added : g.removed).push(c);
      continue;
    }
    lastBlock = c.block;
    const key = c.block ? c.block.address : "\u0000unknown";
    g = groups.get(key);
    if (!g) {
      const address = c.block?.address;
      const k = address ? tfKey(path, address) : "";
      const declaredHere = !!address && addedHere.has(address);
      const move = address ? moves.to.get(address) : undefined;
      g = {
        block: c.block,
        added: [],
        removed: [],
        isNew: declaredHere && !analysis.oldKeys.has(k) && !move,
        isDeleted: !!address && analysis.deletedKeys.has(k),
        movedFrom: move?.from,
        renamedAway: !!address && moves.from.has(address) && removedHere.has(address),
      };
      groups.set(key, g);
    }
    (c.side === "new" ? g.added : g.removed).push(c);
  }
  return [...groups.values()];
}

/** How a block is named in a message. */
export function blockLabel(block: TfBlock | null, file: string): string {
  return block ? block.address : `a block of ${file} (its header is not shown in the diff)`;
}
