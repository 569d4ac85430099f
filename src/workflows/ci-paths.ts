import type { ChangedFile } from "../diff/model.js";
import { basenameOf } from "../util/paths.js";

/** Which paths configure CI: GitHub Actions workflows and composite actions, and the other CI services. */

const WORKFLOW_PATH = /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/;
const COMPOSITE_ACTION_PATH = /(?:^|\/)\.github\/actions\/(?:.+\/)?action\.ya?ml$/;

// Every rule asks about every path, and almost none is a workflow: first the last character (`.yml` and
// `.yaml` end in "l"; one compare, cheaper than `endsWith`), then the `includes`, as almost no YAML is under .github.
export function isGithubWorkflow(path: string): boolean {
  return path[path.length - 1] === "l" && path.includes(".github/workflows/") && WORKFLOW_PATH.test(path);
}

export function isCompositeAction(path: string): boolean {
  return (
    (path.includes(".github/actions/") && COMPOSITE_ACTION_PATH.test(path)) ||
    path === "action.yml" ||
    path === "action.yaml"
  );
}

/** Workflow YAML or composite action: files whose `run:` steps execute in GitHub Actions. */
export function isGithubActionsYaml(path: string): boolean {
  return isGithubWorkflow(path) || isCompositeAction(path);
}

/** The CI system a path configures, or null. Covers GitHub Actions and the other common CI services. */
export function ciSystemOf(path: string): string | null {
  if (path.includes(".github/workflows/")) return "GitHub Actions";
  if (isCompositeAction(path)) return "GitHub Actions";
  const base = basenameOf(path);
  if (base === ".gitlab-ci.yml" || base === ".gitlab-ci.yaml" || path.startsWith(".gitlab/ci/")) return "GitLab CI";
  if (path === ".circleci/config.yml" || path.startsWith(".circleci/")) return "CircleCI";
  if (base === "azure-pipelines.yml" || base === "azure-pipelines.yaml" || path.startsWith(".azure-pipelines/"))
    return "Azure Pipelines";
  if (base === "Jenkinsfile" || base.endsWith(".jenkinsfile")) return "Jenkins";
  if (path.startsWith(".buildkite/")) return "Buildkite";
  if (base === ".travis.yml") return "Travis CI";
  if (base === "bitbucket-pipelines.yml") return "Bitbucket Pipelines";
  if (base === ".drone.yml") return "Drone";
  if (base === ".woodpecker.yml" || path.startsWith(".woodpecker/")) return "Woodpecker";
  if (base === "appveyor.yml" || base === ".appveyor.yml") return "AppVeyor";
  if (base === "cloudbuild.yaml" || base === "cloudbuild.yml") return "Cloud Build";
  if (path.startsWith(".tekton/")) return "Tekton";
  return null;
}

/** True for any CI configuration file (workflow, composite action, other CI services). */
export function isCiFile(path: string): boolean {
  return ciSystemOf(path) !== null;
}

/** A deleted CI pipeline changes no production state (deploys stop); the CI rules rate what goes with it. */
export function isDeletedPipeline(file: ChangedFile): boolean {
  return file.status === "deleted" && isCiFile(file.path);
}
