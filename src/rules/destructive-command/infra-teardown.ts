import type { Severity } from "../../types.js";
import { shorten } from "../../workflows/diff-lines.js";
import type { Rule, RuleFinding } from "../types.js";
import { commandLines, isCommandBearing, mentionsProduction } from "./scan.js";

interface Teardown {
  what: string;
  severity: Severity;
}

const TF_TOOL = /\b(terraform|tofu|terragrunt)\b/;
const KUBECTL_DELETE = /\b(?:kubectl|oc)\b[^\n]{0,200}?\sdelete\s([^\n;&|]{0,300})/;
const KUBE_WIDE =
  /(?:^|\s)(?:namespaces?|ns|pv|pvc|persistentvolumes?|persistentvolumeclaims?|crds?|customresourcedefinitions?)(?:[\s/]|$)|\s--all(?:-namespaces)?\b|\s-A\b|\s-[fk]\s/;
const HELM_REMOVE = /\bhelm\s+(?:[^\n;&|]{0,80}\s)?(?:uninstall|delete|del)\s+([^\s;&|]+)/;
const DOCKER_PRUNE = /\bdocker\s+(?:system\s+prune\b[^\n;&|]{0,100}--volumes|volume\s+prune\b)/;

/** What an added command line tears down, or null. */
export function teardownOf(text: string, productionFile: boolean): Teardown | null {
  const prod = productionFile || mentionsProduction(text);
  if (text.includes("destroy")) {
    const tool = TF_TOOL.exec(text);
    if (tool && /\sdestroy(?=\s|$|["'])|\sapply\s[^\n]{0,200}?-destroy(?=\s|$|["'])/.test(text))
      return { what: `${tool[1]} destroy${prod ? " against production" : ""}`, severity: prod ? "critical" : "high" };
  }
  if (text.includes("auto-approve") && text.includes("apply") && prod) {
    const tool = TF_TOOL.exec(text);
    if (tool) return { what: `${tool[1]} apply -auto-approve against production (no plan review)`, severity: "high" };
  }
  if (text.includes("delete")) {
    const k = KUBECTL_DELETE.exec(text);
    if (k && KUBE_WIDE.test(` ${k[1]!} `))
      return {
        what: `kubectl delete ${shorten(k[1]!, 60)}${prod ? " in production" : ""}`,
        severity: prod ? "critical" : "high",
      };
  }
  if (text.includes("helm")) {
    const h = HELM_REMOVE.exec(text);
    if (h)
      return {
        what: `helm uninstall of release ${h[1]}${prod ? " in production" : ""}`,
        severity: prod ? "critical" : "high",
      };
  }
  if (text.includes("prune") && DOCKER_PRUNE.test(text) && /\s(?:-[a-z]*f|--force)\b/.test(text))
    return { what: "docker prune of volumes (container data is deleted)", severity: "high" };
  return null;
}

export const infraTeardownRule: Rule = {
  id: "destructive-command/infra-teardown",
  category: "destructive-command",
  description:
    "A command that tears infrastructure down: terraform destroy, terraform apply -auto-approve on production, kubectl delete of namespaces/--all, helm uninstall, docker volume prune.",
  severity: "high",
  remediation:
    "Keep teardown out of automation or behind a manual, environment-protected approval; target one named non-production resource.",
  run(ctx) {
    const out: RuleFinding[] = [];
    for (const file of ctx.files) {
      if (!isCommandBearing(file, ctx, /destroy|auto-approve|delete|helm|prune/)) continue;
      const production = ctx.isProduction(file.path);
      for (const l of commandLines(file)) {
        const c = l.content;
        if (
          !c.includes("destroy") &&
          !c.includes("auto-approve") &&
          !c.includes("delete") &&
          !c.includes("helm") &&
          !c.includes("prune")
        )
          continue;
        const t = teardownOf(c, production);
        if (!t) continue;
        out.push({
          file: file.path,
          line: l.line,
          severity: t.severity,
          message: `${t.what} in ${file.path}: ${shorten(c, 100)}`,
        });
      }
    }
    return out;
  },
};
