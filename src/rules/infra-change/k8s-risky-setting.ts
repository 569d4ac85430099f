import { addedText, removedText, type SideLine, sideOf } from "../../diff/side.js";
import { type K8sDoc, k8sLabel, lineScanDocs } from "../../infra/k8s.js";
import { isCiYaml, isYamlPath } from "../../infra/paths.js";
import type { Severity } from "../../types.js";
import { basenameOf } from "../../util/paths.js";
import { enclosingKeys } from "../../workflows/yaml-keys.js";
import type { Rule, RuleFinding } from "../types.js";

interface Setting {
  pattern: RegExp;
  severity: Severity;
  describe: (key: string) => string;
}

const ADDED_SETTINGS: readonly Setting[] = [
  {
    pattern: /^\s*(replicas|replicaCount):\s*["']?0["']?\s*(?:#.*)?$/,
    severity: "high",
    describe: (key) => `scaled to zero (${key}: 0): it stops serving`,
  },
  {
    pattern: /^\s*(persistentVolumeReclaimPolicy|reclaimPolicy):\s*["']?Delete["']?\s*(?:#.*)?$/,
    severity: "high",
    describe: (key) => `${key}: Delete (the volume's data is deleted with its claim)`,
  },
  {
    pattern: /^\s*(whenDeleted|whenScaled):\s*["']?Delete["']?\s*(?:#.*)?$/,
    severity: "high",
    describe: (key) => `persistentVolumeClaimRetentionPolicy ${key}: Delete (claims and their data are deleted)`,
  },
  {
    pattern: /^\s*(prune):\s*["']?true["']?\s*(?:#.*)?$/,
    severity: "medium",
    describe: () => "automated prune enabled (objects removed from git are deleted from the cluster)",
  },
];

/** `enabled: false` under a chart's persistence key (`persistence`, `persistentVolume`, `primary.persistence`…). */
const PERSISTENCE_OFF =
  /^\s*(?:["']?[\w.]*(?:persistence|persistentVolume)\.)?enabled["']?\s*:\s*["']?false["']?\s*(?:#.*)?$/i;
const PERSISTENCE_KEY = /^(?:\w*persistence|persistentVolume\w*)$/i;

/** True when an added line turns a chart's persistence off (its volume becomes scratch space). */
function persistenceOff(lines: readonly SideLine[], i: number): boolean {
  const text = lines[i]!.text;
  if (!PERSISTENCE_OFF.test(text)) return false;
  if (/persist/i.test(text)) return true;
  const parent = enclosingKeys(lines, i)[0];
  return parent !== undefined && PERSISTENCE_KEY.test(parent.key.split(".").pop() ?? "");
}

// Words every added setting above contains, to skip most files with one search of the added text.
const ADDED_HINT = /eplica|Delete|prune|enabled/;
const KEEP_POLICY = /^\s*["']?helm\.sh\/resource-policy["']?:\s*["']?keep/;

function nameFor(doc: K8sDoc | null, file: string): string {
  if (doc && (doc.kind || doc.name)) return `Kubernetes ${k8sLabel(doc, file)}`;
  return /^values/.test(basenameOf(file)) ? `Helm values ${file}` : file;
}

/**
 * Settings that take a workload down or let data go: `replicas: 0`, reclaim policy Delete, StatefulSet
 * claim retention Delete, prune turned on, Helm's `resource-policy: keep` removed.
 */
export const k8sRiskySettingRule: Rule = {
  id: "infra-change/k8s-risky-setting",
  category: "infra-change",
  description:
    "Kubernetes/Helm setting that stops a workload or deletes data: replicas 0, reclaim policy Delete, keep policy removed, persistence turned off.",
  severity: "high",
  remediation:
    "Confirm the workload should stop or the data may go; prefer Retain reclaim policies for stateful volumes and scale down in a separate, announced change.",
  docs: {
    severity:
      "high (medium for prune and for persistence turned off, which the production raise makes high in production values)",
    detects:
      "`replicas: 0` / Helm `replicaCount: 0`; `persistentVolumeReclaimPolicy: Delete` or StorageClass `reclaimPolicy: Delete`; StatefulSet claim retention `whenDeleted/whenScaled: Delete`; Helm `helm.sh/resource-policy: keep` removed; GitOps `prune: true` added; Helm values turning a chart's persistence off (`persistence: { enabled: false }`, `primary.persistence.enabled: false`, `persistentVolume.enabled: false`).",
  },
  run(ctx) {
    const findings: RuleFinding[] = [];
    for (const file of ctx.files) {
      if (file.binary || file.status === "deleted" || !isYamlPath(file.path) || isCiYaml(file.path)) continue;
      if (ctx.paths.isTest(file.path) || ctx.paths.isDoc(file.path)) continue;
      const added = addedText(file);
      const anyAdded = ADDED_HINT.test(added);
      const anyKeepRemoved = file.removed.length > 0 && removedText(file).includes("resource-policy");
      if (!anyAdded && !anyKeepRemoved) continue;
      const keepReAdded = file.added.some((l) => KEEP_POLICY.test(l.content));
      for (let h = 0; h < file.hunks.length; h++) {
        if (anyAdded) {
          const lines = sideOf(file, "new").hunks[h]!;
          const { docAt } = lineScanDocs(lines);
          lines.forEach((l, i) => {
            if (!l.changed) return;
            if (persistenceOff(lines, i)) {
              findings.push({
                file: file.path,
                line: l.line,
                side: "new",
                message: `${nameFor(docAt[i] ?? null, file.path)}: persistence turned off (the data lives in the pod and is lost when it restarts; the volume claim may go)`,
                severity: "medium",
              });
              return;
            }
            for (const s of ADDED_SETTINGS) {
              const m = s.pattern.exec(l.text);
              if (!m) continue;
              findings.push({
                file: file.path,
                line: l.line,
                side: "new",
                message: `${nameFor(docAt[i] ?? null, file.path)}: ${s.describe(m[1]!)}`,
                severity: s.severity,
              });
              break;
            }
          });
        }
        if (anyKeepRemoved && !keepReAdded) {
          const lines = sideOf(file, "old").hunks[h]!;
          const { docAt } = lineScanDocs(lines);
          lines.forEach((l, i) => {
            if (!l.changed || !KEEP_POLICY.test(l.text)) return;
            findings.push({
              file: file.path,
              line: l.line,
              side: "old",
              message: `${nameFor(docAt[i] ?? null, file.path)}: helm.sh/resource-policy keep removed (Helm now deletes it on uninstall or when it leaves the chart)`,
              severity: "high",
            });
          });
        }
      }
    }
    return findings;
  },
};
