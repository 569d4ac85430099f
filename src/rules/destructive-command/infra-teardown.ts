import { mentionsProduction } from "../../diff/command-lines.js";
import { quote } from "../../text/quote.js";
import type { Severity } from "../../types.js";
import { commandFinding, linePatternRule } from "../line-pattern.js";

interface Teardown {
  what: string;
  severity: Severity;
}

const TF_TOOL = /\b(terraform|tofu|terragrunt)\b/;
const KUBECTL_DELETE = /\b(?:kubectl|oc)\b[^\n]{0,200}?\sdelete\s([^\n;&|]{0,300})/;
const KUBE_WIDE =
  /(?:^|\s)(?:namespaces?|ns|pv|pvc|persistentvolumes?|persistentvolumeclaims?|crds?|customresourcedefinitions?)(?:[\s/]|$)|\s--all(?:-namespaces)?\b|\s-A\b|\s-[fk]\s/;
const HELM_REMOVE = /\bhelm\s+(?:[^\n;&|]{0,80}\s)?(?:uninstall|delete|del)\s+([^\s;&|]+)/;
/** Account-wide wipers: aws-nuke, cloud-nuke, gcp-nuke, azure-nuke. */
const NUKE = /\b(aws-nuke|cloud-nuke|gcp-nuke|azure-nuke)\b/;
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
        what: `kubectl delete ${quote(k[1]!, 60)}${prod ? " in production" : ""}`,
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
  if (text.includes("nuke")) {
    const n = NUKE.exec(text);
    // cloud-nuke deletes unless told --dry-run; the other nukes only with --no-dry-run.
    const armed =
      n !== null &&
      (n[1] === "cloud-nuke"
        ? /cloud-nuke\s+(?:aws|gcp)\b/.test(text) && !/--dry-run\b/.test(text)
        : /--no-dry-run\b/.test(text));
    if (n && armed)
      return {
        what: `${n[1]} wipes the cloud account's resources${prod ? " in production" : ""}`,
        severity: prod ? "critical" : "high",
      };
  }
  if (text.includes("prune") && DOCKER_PRUNE.test(text) && /\s(?:-[a-z]*f|--force)\b/.test(text))
    return { what: "docker prune of volumes (container data is deleted)", severity: "high" };
  return null;
}

export const infraTeardownRule = linePatternRule({
  id: "destructive-command/infra-teardown",
  category: "destructive-command",
  description:
    "A command that tears infrastructure down: terraform destroy, terraform apply -auto-approve on production, kubectl delete of namespaces/--all, helm uninstall, docker volume prune.",
  severity: "high",
  remediation:
    "Keep teardown out of automation or behind a manual, environment-protected approval; target one named non-production resource.",
  docs: {
    severity: "high / critical",
    detects:
      "`terraform`/`tofu`/`terragrunt destroy` and `apply -destroy`; `terraform apply -auto-approve` against production; `kubectl delete` of namespaces, PVs/PVCs, CRDs, `--all`/`-A`, or whole manifests (`-f`/`-k`); `helm uninstall`/`delete`; `docker system prune --volumes` / `docker volume prune` with force; account wipers (`aws-nuke … --no-dry-run`, `cloud-nuke aws`, gcp/azure nukes).",
  },
  scope: "commands",
  lines: "commands",
  hint: /destroy|auto-approve|delete|helm|prune|nuke/,
  patterns: [
    {
      detect(text, at) {
        if (
          !text.includes("destroy") &&
          !text.includes("auto-approve") &&
          !text.includes("delete") &&
          !text.includes("helm") &&
          !text.includes("prune") &&
          !text.includes("nuke")
        )
          return [];
        const t = teardownOf(text, at.production);
        return t ? [{ label: t.what, severity: t.severity }] : [];
      },
    },
  ],
  message: commandFinding,
  samples: {
    path: "Makefile",
    match: [
      "\tterraform -chdir=infra destroy -auto-approve",
      "\tkubectl delete namespace billing --wait=false",
      "\thelm uninstall billing-api -n billing",
      "\tterraform apply -auto-approve -var-file=env/production.tfvars",
      "\tdocker system prune -af --volumes",
      "\taws-nuke run -c awsNuke.cfg --quiet --no-dry-run --force",
    ],
    noMatch: [
      "\tdocker system prune -f",
      "\tkubectl delete pod web-0",
      "\tterraform plan -destroy-target=x",
      "\thelm upgrade --install web ./chart",
      "\tterraform apply -auto-approve",
      "\taws-nuke run -c awsNuke.cfg",
    ],
  },
});
