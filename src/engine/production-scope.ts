import type { ChangedFile } from "../diff/model.js";
import { type SideLine, sideOf } from "../diff/side.js";
import type { ProductionSignal } from "../rules/types.js";
import { quote } from "../text/quote.js";
import { extensionOf, type PathClassifier } from "../util/paths.js";
import { isDeletedPipeline } from "../workflows/ci-paths.js";

/**
 * Which changed files reach production: by path (built-in and configured globs) or by content the diff
 * shows (a Kubernetes `namespace: production`, a Terraform workspace or environment named prod, a
 * workflow job deploying to `environment: production`, not one that only plans; never in templates and
 * examples). Findings of the other categories in these files
 * are raised one severity step by the engine; the production-config rule reports each file.
 */

const PROD = "(?:prod|production|prd)(?:[-_][\\w-]{1,30})?";
/** `namespace: production` in Kubernetes metadata, Helm values or kustomizations. */
const K8S_NAMESPACE = new RegExp(`^\\s*namespace:\\s*["']?${PROD}["']?\\s*(?:#.*)?$`);
/** `environment = "prod"`, `stage: production`, `workspace = "prd"` in IaC and deploy config. */
const ENV_ASSIGN = new RegExp(
  `^\\s*["']?(?:environment|env|stage|workspace|tier)["']?\\s*[:=]\\s*["']?${PROD}["']?\\s*,?\\s*(?:#.*)?$`,
);
// Every signal names prod or prd: the cheap per-line test (one RegExp beats two `includes`).
const NAMES_PROD = /pro?d/;
/** `terraform.workspace == "prod"`. */
const TF_WORKSPACE = /terraform\.workspace\s*==\s*"(?:prod|production|prd)"/;
/** A workflow job's `environment: production` (scalar form) or `name: production` under `environment:`. */
const WORKFLOW_ENV = new RegExp(`^\\s*environment:\\s*["']?${PROD}["']?\\s*(?:#.*)?$`);
const WORKFLOW_ENV_NAME = new RegExp(`^\\s*name:\\s*["']?${PROD}["']?\\s*(?:#.*)?$`);

const CONTENT_EXTENSIONS = new Set(["yaml", "yml", "tf", "tofu", "tfvars", "hcl"]);
const NOT_DEPLOYED_EXTENSIONS = new Set(["md", "mdx", "rst", "adoc", "png", "jpg", "jpeg", "gif", "svg", "webp"]);
const MAX_LINES_SCANNED = 5000;

function isWorkflow(path: string): boolean {
  return /(?:^|\/)\.github\/workflows\//.test(path) || path.endsWith(".gitlab-ci.yml");
}

/**
 * Files that are written out for someone else to fill in or copy (workflow templates, scaffolding,
 * examples): a line naming production there targets nothing until it is used.
 */
const TEMPLATE =
  /(?:^|\/)(?:workflow-templates|templates?|scaffold\w*|examples?|samples?)\/|\.(?:tmpl|tpl|template|example|sample)(?:\.[\w]+)?$/i;

/** What a workflow job does to an environment: deploy commands and actions (not plans, diffs or checks). */
const DEPLOYS =
  /\b(?:apply|deploy\w*|destroy|rollout|release|publish|promote|sync|migrate|invoke|update-\w+|put-\w+|set\s+image|(?:docker|git)\s+push|helm\s+(?:upgrade|install)|kubectl\s+(?:create|replace|patch|delete)|pulumi\s+(?:up|destroy))\b/i;
const PLANS = /\b(?:plan|diff|preview|validate|fmt|lint|check|what-?if)\b/i;

/**
 * True when the workflow job around line `index` only plans against production: its visible run and
 * uses lines plan, diff or validate and none deploys (a plan job uses the environment for its secrets).
 */
function planOnlyJob(lines: readonly SideLine[], index: number): boolean {
  const indentOf = (t: string) => t.length - t.trimStart().length;
  let start = index;
  while (start > 0 && !(indentOf(lines[start]!.text) <= 2 && /^\s*[\w-]+:\s*$/.test(lines[start]!.text))) start--;
  const jobIndent = indentOf(lines[start]!.text);
  let plans = false;
  for (let i = start + 1; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (t.trim() !== "" && indentOf(t) <= jobIndent) break;
    if (/^\s*(?:-\s*)?(?:name|environment|if)\s*:/.test(t)) continue;
    if (DEPLOYS.test(t)) return false;
    if (PLANS.test(t)) plans = true;
  }
  return plans;
}

function contentSignal(file: ChangedFile): ProductionSignal | null {
  const ext = extensionOf(file.path);
  if (!CONTENT_EXTENSIONS.has(ext) || TEMPLATE.test(file.path)) return null;
  const workflow = isWorkflow(file.path);
  const side = file.status === "deleted" ? "old" : "new";
  let scanned = 0;
  for (const hunk of file.hunks) {
    let previous = "";
    for (const c of hunk.changes) {
      if (++scanned > MAX_LINES_SCANNED) return null;
      if (side === "new" ? c.type === "del" : c.type === "add") continue;
      const text = c.content;
      if (text.length > 400 || !NAMES_PROD.test(text)) {
        previous = text;
        continue;
      }
      const line = (side === "new" ? c.newLine : c.oldLine) ?? undefined;
      let hit = false;
      if (workflow)
        hit = WORKFLOW_ENV.test(text) || (WORKFLOW_ENV_NAME.test(text) && /^\s*environment:\s*$/.test(previous));
      else
        hit =
          K8S_NAMESPACE.test(text) ||
          TF_WORKSPACE.test(text) ||
          ((ext === "tf" || ext === "tfvars" || ext === "hcl" || ext === "tofu" || ext === "yaml" || ext === "yml") &&
            ENV_ASSIGN.test(text));
      if (hit && workflow && line !== undefined) {
        const view = sideOf(file, side);
        const at = view.indexOf(line);
        if (at !== undefined && planOnlyJob(view.lines, at)) hit = false;
      }
      if (hit) return { via: "content", detail: quote(text, 80), line };
      previous = text;
    }
  }
  return null;
}

/** Every production-scope file with the reason it is in scope (computed once per analysis, by the engine). */
export function productionScope(files: readonly ChangedFile[], paths: PathClassifier): Map<string, ProductionSignal> {
  const signals = new Map<string, ProductionSignal>();
  for (const file of files) {
    const ext = extensionOf(file.path);
    // Tests and documentation about production are not deployed to it.
    if (NOT_DEPLOYED_EXTENSIONS.has(ext)) continue;
    if (paths.isProductionPath(file.path) || (file.oldPath && paths.isProductionPath(file.oldPath))) {
      if (!paths.isTest(file.path)) signals.set(file.path, { via: "path", detail: file.path });
      continue;
    }
    if (file.binary || !CONTENT_EXTENSIONS.has(ext)) continue;
    const signal = contentSignal(file);
    if (signal && !paths.isTest(file.path)) signals.set(file.path, signal);
  }
  return signals;
}

/** Files whose other findings production scope raises one step: all in scope but deleted pipelines. */
export function productionRaised(
  files: readonly ChangedFile[],
  production: ReadonlyMap<string, ProductionSignal>,
): Set<string> {
  const raised = new Set<string>();
  for (const file of files) if (production.has(file.path) && !isDeletedPipeline(file)) raised.add(file.path);
  return raised;
}
