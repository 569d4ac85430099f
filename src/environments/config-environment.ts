import { isAgentConfigPath } from "../agents/agent-paths.js";
import { agentJobs } from "../agents/workflow-agents.js";
import type { ChangedFile } from "../diff/model.js";
import { basenameOf, compileGlobs } from "../util/paths.js";
import { isGithubWorkflow } from "../workflows/ci-paths.js";

/**
 * Which non-production environment a configuration file belongs to: development, test, staging, CI,
 * or a coding agent's own configuration. A production reference in one of these is a broken isolation.
 */

export type ConfigEnvironment = "development" | "test" | "staging" | "CI" | "agent";

const DEV = compileGlobs([
  "**/.env",
  "**/.env.local",
  "**/.env.dev",
  "**/.env.development",
  "**/.env.development.local",
  "**/.env.example",
  "**/.env.sample",
  "**/.env.template",
  "**/config/environments/development.rb",
  "**/config/development.*",
  "**/config/dev.*",
  "**/config/local.*",
  "**/settings/dev*.py",
  "**/settings/local*.py",
  "**/application-dev*.{yml,yaml,properties}",
  "**/application-local*.{yml,yaml,properties}",
  "**/appsettings.Development.json",
  "**/appsettings.Local.json",
  "**/docker-compose.yml",
  "**/docker-compose.yaml",
  "**/docker-compose.override.{yml,yaml}",
  "**/docker-compose.dev*.{yml,yaml}",
  "**/docker-compose.local*.{yml,yaml}",
  "**/compose.yml",
  "**/compose.yaml",
  "**/.devcontainer/**",
  "**/.vscode/launch.json",
]);
const TEST = compileGlobs([
  "**/.env.test",
  "**/.env.test.local",
  "**/.env.testing",
  "**/.env.ci",
  "**/config/environments/test.rb",
  "**/config/test.*",
  "**/settings/test*.py",
  "**/application-test*.{yml,yaml,properties}",
  "**/appsettings.Test*.json",
  "**/{jest,vitest,playwright,cypress,karma,wdio}.config.*",
  "**/cypress.json",
  "**/pytest.ini",
  "**/phpunit.xml*",
  "**/.mocharc*",
]);
const STAGING = compileGlobs([
  "**/.env.staging",
  "**/.env.stage",
  "**/config/environments/staging.rb",
  "**/staging/**",
]);

/** Jobs whose name says they test or check (CI), not deploy. */
const TEST_JOB = /test|lint|check|build|(?:^|[-_])ci(?:$|[-_])|e2e|unit|integration|verify|spec/i;
const DEPLOY_JOB = /deploy|release|publish|prod|rollout|promote|ship/i;

/** The environment of a whole file, or null (production, source code, or not configuration). */
export function fileEnvironment(file: ChangedFile): ConfigEnvironment | null {
  const p = file.path;
  if (isAgentConfigPath(p)) return "agent";
  if (TEST(p)) return "test";
  if (STAGING(p)) return "staging";
  if (DEV(p) || /^\.env\.(?:dev|local|example|sample)/.test(basenameOf(p))) return "development";
  return null;
}

/** The environment of a workflow job: an agent's job, or a test/check job; null for deploys and others. */
export function workflowJobEnvironment(file: ChangedFile, job: string | null): ConfigEnvironment | null {
  if (!isGithubWorkflow(file.path)) return null;
  const agents = agentJobs(file);
  if (agents.has(job) || (job !== null && agents.has(null))) return "agent";
  if (job && TEST_JOB.test(job) && !DEPLOY_JOB.test(job)) return "CI";
  return null;
}
