import type { ChangedFile } from "../../diff/model.js";
import { cutLine } from "../../diff/side.js";
import type { Severity } from "../../types.js";
import { basenameOf } from "../../util/paths.js";
import { isDeletedPipeline } from "../../workflows/ci-paths.js";
import type { Rule, RuleFinding } from "../types.js";

const SECRET_KEY =
  /(?:secret|passw(?:or)?d|passwd|token|api[_-]?key|private[_-]?key|credential|access[_-]?key|client[_-]?secret|auth|DATABASE_URL|DSN)/i;
const REPLICAS =
  /^\s*["']?(?:replicas|replicaCount|minReplicas|maxReplicas|desired_count|desired_capacity|min_size|max_size|instance_count|node_count)["']?\s*[:=]/;
const PROTECTION =
  /(?:prevent_destroy|deletion_protection|termination_protection|force_destroy|skip_final_snapshot|backup_retention|DeletionPolicy|UpdateReplacePolicy|RemovalPolicy|reclaimPolicy|protect\s*[:=]|lifecycle\s*\{)/;
const DELETES = /^(?:resource|module)\s+"|^kind:\s|^\s{2}[A-Za-z][A-Za-z0-9]*:\s*$/;

function isEnvFile(path: string): boolean {
  return /^\.env(?:\.|$)/.test(basenameOf(path));
}

interface Assessment {
  severity: Severity;
  reasons: string[];
}

function assess(file: ChangedFile): Assessment {
  // Its removed lines only reference secrets, they hold none.
  if (isDeletedPipeline(file)) return { severity: "low", reasons: ["pipeline deleted"] };
  const reasons: string[] = [];
  if (file.status === "deleted") reasons.push("file deleted");
  const changed = [...file.added, ...file.removed].map((l) => cutLine(l.content)).filter((t) => t.trim() !== "");
  const env = isEnvFile(file.path);
  if (changed.some((t) => (env && /^\s*[\w.]+\s*=/.test(t)) || (SECRET_KEY.test(t) && /[:=]/.test(t))))
    reasons.push("secrets or credentials");
  if (changed.some((t) => REPLICAS.test(t))) reasons.push("replica counts");
  if (changed.some((t) => PROTECTION.test(t))) reasons.push("deletion protections");
  if (file.status !== "deleted" && file.removed.some((l) => DELETES.test(cutLine(l.content))))
    reasons.push("removed blocks or objects");
  return { severity: reasons.length > 0 ? "high" : "medium", reasons };
}

/**
 * Every changed file that reaches production is a finding of its own (the environment-isolation
 * safeguard): medium, high when it deletes things or touches secrets, replica counts or protections.
 */
export const productionFileChangedRule: Rule = {
  id: "production-config/production-file-changed",
  category: "production-config",
  description:
    "File that targets production changed (production paths, namespace: production, prod workspaces or tfvars, deploy jobs to the production environment).",
  severity: "medium",
  remediation:
    "Have someone who owns production review it; roll the same change through staging first and make sure it can be rolled back.",
  docs: {
    severity:
      "medium (low for a deleted CI pipeline: the ci-workflow rules rate its removal); **high** when the file is deleted or the change touches secrets or credentials (any value in a `.env*` file), replica counts, deletion protections (`prevent_destroy`, `deletion_protection`, `force_destroy`, `skip_final_snapshot`, backup retention, `DeletionPolicy`, `RemovalPolicy`, reclaim policies, `protect`) or removes Terraform blocks / Kubernetes objects / CloudFormation resources",
    detects:
      "One finding per production-scope file, at its first changed line, saying why it is in scope and what it touches.",
  },
  run(ctx) {
    const findings: RuleFinding[] = [];
    for (const file of ctx.files) {
      const signal = ctx.production.get(file.path);
      if (!signal) continue;
      const { severity, reasons } = assess(file);
      const firstAdded = file.added[0];
      const firstRemoved = file.removed[0];
      const why = signal.via === "path" ? "production path" : `production target: ${signal.detail}`;
      const what = file.status === "added" ? "added" : file.status === "deleted" ? "deleted" : "changed";
      findings.push({
        file: file.path,
        line: file.status === "deleted" ? null : (firstAdded?.line ?? firstRemoved?.line ?? null),
        side: !firstAdded && firstRemoved ? "old" : "new",
        message: `Production config ${what}: ${file.path} (${why})${reasons.length ? `; touches ${reasons.join(", ")}` : ""}`,
        severity,
      });
    }
    return findings;
  },
};
