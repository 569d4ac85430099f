import type { ChangedFile } from "../diff/model.js";
import { wholeSideText } from "../diff/side.js";
import type { RuleContext } from "../rules/types.js";
import { memoByFiles } from "../util/memo.js";
import { basenameOf, dirnameOf } from "../util/paths.js";
import { docKey, type K8sDoc, type ManifestFlavor, manifestFlavor, sideDocs } from "./k8s.js";

export interface K8sFile {
  file: ChangedFile;
  flavor: ManifestFlavor;
}

export interface RemovedChart {
  file: ChangedFile;
  dir: string;
  name: string;
}

export interface K8sAnalysis {
  files: K8sFile[];
  /** Object keys (`kind/name`) present on the new side anywhere in the diff. */
  newKeys: Set<string>;
  /** Charts whose Chart.yaml is deleted: their templates are reported as one chart removal. */
  removedCharts: RemovedChart[];
  deletedPaths: Set<string>;
  /** Documents of each file's old side (whole when deleted), by path. */
  oldDocs: Map<string, K8sDoc[]>;
}

function chartName(file: ChangedFile): string {
  const text = wholeSideText(file, "old") ?? "";
  const m = /^name:\s*["']?([\w.-]+)/m.exec(text);
  return m ? m[1]! : basenameOf(dirnameOf(file.path)) || file.path;
}

const compute = (ctx: RuleContext) =>
  memoByFiles((files): K8sAnalysis => {
    const out: K8sAnalysis = {
      files: [],
      newKeys: new Set(),
      removedCharts: [],
      deletedPaths: new Set(),
      oldDocs: new Map(),
    };
    for (const file of files) {
      if (file.status === "deleted") out.deletedPaths.add(file.path);
      if (file.binary) continue;
      const flavor = manifestFlavor(file);
      if (!flavor || ctx.paths.isDoc(file.path) || ctx.paths.isTest(file.path)) continue;
      out.files.push({ file, flavor });
      if (flavor === "helm-chart" && basenameOf(file.path) === "Chart.yaml" && file.status === "deleted")
        out.removedCharts.push({ file, dir: dirnameOf(file.path), name: chartName(file) });
      if (file.status !== "deleted") for (const d of sideDocs(file, "new")) out.newKeys.add(docKey(d));
      if (file.status !== "added") out.oldDocs.set(file.path, sideDocs(file, "old"));
    }
    return out;
  });

let memo: ((files: readonly ChangedFile[]) => K8sAnalysis) | null = null;
let memoCtxPaths: RuleContext["paths"] | null = null;

/** The Kubernetes/Helm view of this diff, computed once per file list and shared by the k8s rules. */
export function k8sAnalysis(ctx: RuleContext): K8sAnalysis {
  if (!memo || memoCtxPaths !== ctx.paths) {
    memo = compute(ctx);
    memoCtxPaths = ctx.paths;
  }
  return memo(ctx.files);
}

/** The removed chart a path belongs to, if any. */
export function chartOf(path: string, charts: readonly RemovedChart[]): RemovedChart | undefined {
  return charts.find((c) => path.startsWith(`${c.dir}/`));
}
