import type { TfBlock, TfChangedLine, TfFileScan } from "./hcl.js";
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

function computeGroups(scan: TfFileScan, analysis: TfAnalysis): TfBlockChanges[] {
  const groups = new Map<string, TfBlockChanges>();
  const path = scan.file.path;
  for (const c of scan.changed) {
    const key = c.block ? c.block.address : "\u0000unknown";
    let g = groups.get(key);
    if (!g) {
      const address = c.block?.address;
      const k = address ? tfKey(path, address) : "";
      const declaredHere = !!address && scan.addedHeaders.some((h) => h.block.address === address);
      const move = address ? analysis.moves.find((m) => m.kind === "moved" && m.to === address) : undefined;
      g = {
        block: c.block,
        added: [],
        removed: [],
        isNew: declaredHere && !analysis.oldKeys.has(k) && !move,
        isDeleted: !!address && analysis.deletedKeys.has(k),
        movedFrom: move?.from,
        renamedAway:
          !!address &&
          scan.removedHeaders.some((h) => h.block.address === address) &&
          analysis.moves.some((m) => m.kind === "moved" && m.from === address),
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
