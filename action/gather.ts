import { readFileSync } from "node:fs";
import { extendsNotApplied } from "../src/config/extends.js";
import { ConfigError, defaultConfig, parseConfigText } from "../src/config/load.js";
import type { Config } from "../src/config/schema.js";
import type { ChangedFile } from "../src/diff/model.js";
import { type ApiPull, prFactsFromApi } from "../src/github/facts.js";
import { MAX_PULL_FILES } from "../src/github/fetch.js";
import { changedFilesFromPullFiles } from "../src/github/files.js";
import type { GitHubPort, PullSnapshot } from "../src/github/port.js";
import type { PullContext } from "../src/github/pull-context.js";
import type { NotAnalyzedFile, PullRequestFacts } from "../src/types.js";
import { COMMENT_MARKER } from "./comment.js";
import { type ActionInputs, InputError } from "./inputs.js";
import { AGENT_PREFIX, FIXED_LABELS, isManagedLabel } from "./labels.js";

/** What the runner tells the Action through its environment. */
export interface RunEnv {
  eventName: string;
  payload: Record<string, unknown>;
  owner: string;
  repo: string;
  serverUrl: string;
  apiUrl: string;
}

export function readRunEnv(): RunEnv {
  const path = process.env.GITHUB_EVENT_PATH;
  let payload: Record<string, unknown> = {};
  if (path) payload = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  const full =
    process.env.GITHUB_REPOSITORY || ((payload.repository as { full_name?: string } | undefined)?.full_name ?? "");
  const [owner = "", repo = ""] = full.split("/");
  return {
    eventName: process.env.GITHUB_EVENT_NAME ?? "",
    payload,
    owner,
    repo,
    serverUrl: (process.env.GITHUB_SERVER_URL || "https://github.com").replace(/\/$/, ""),
    apiUrl: (process.env.GITHUB_API_URL || "https://api.github.com").replace(/\/$/, ""),
  };
}

/** The pull request fields the Action uses, as both the webhook payload and the REST API give them. */
export interface ActionPull extends ApiPull {
  number: number;
  state?: string;
  changed_files?: number;
  head: { ref: string; sha: string; repo: { full_name: string } | null };
  base: { ref: string; sha: string; repo: { full_name: string } };
}

export const PR_EVENTS = new Set(["pull_request", "pull_request_target"]);

export type Target = { pull: ActionPull; fromPayload: boolean } | { skip: string };

/** The REST/webhook shape of a pull request read through the port (for `pr-number`). */
function actionPull(p: PullSnapshot): ActionPull {
  const user = p.author ? { login: p.author.login, type: p.author.type } : null;
  return {
    number: p.number,
    state: p.state,
    title: p.title,
    body: p.body,
    user,
    labels: p.labels,
    assignees: p.assignees.map((a) => ({ login: a.login })),
    changed_files: p.changedFiles,
    head: { ...p.head, repo: p.headRepo ? { full_name: p.headRepo } : null },
    base: { ...p.base, repo: { full_name: p.baseRepo } },
  };
}

/** Which PR to analyze: the event's, or the `pr-number` input's (workflow_dispatch or any other event). */
export async function resolveTarget(
  env: RunEnv,
  inputs: ActionInputs,
  port: Pick<GitHubPort, "pull">,
): Promise<Target> {
  if (inputs.prNumber !== null) {
    const pull = await port.pull({ owner: env.owner, repo: env.repo, number: inputs.prNumber });
    return { pull: actionPull(pull), fromPayload: false };
  }
  if (PR_EVENTS.has(env.eventName) && env.payload.pull_request) {
    return { pull: env.payload.pull_request as ActionPull, fromPayload: true };
  }
  if (env.eventName === "workflow_dispatch")
    throw new InputError(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression shown to the user
      "workflow_dispatch needs the pr-number input (e.g. `pr-number: ${{ inputs.pr }}`) to know which pull request to analyze",
    );
  return {
    skip: `ai-review-gate analyzes pull requests: the "${env.eventName || "unknown"}" event is not supported. Run it on pull_request, pull_request_target, or workflow_dispatch with the pr-number input. Nothing to do.`,
  };
}

export interface Gathered {
  context: PullContext;
  config: Config;
  /** "defaults" when the base branch has no config file. */
  configSource: string;
  configError: ConfigError | null;
  facts: PullRequestFacts;
  files: ChangedFile[];
  notAnalyzed: NotAnalyzedFile[];
  warnings: string[];
}

function loadConfig(ctx: PullContext, path: string, baseSha: string) {
  if (ctx.configProblem) throw new ConfigError(path, [{ path: "", message: ctx.configProblem }]);
  if (ctx.configText === null) return { config: defaultConfig(), source: "defaults" };
  return { config: parseConfigText(ctx.configText, path), source: `${path}@${baseSha.slice(0, 7)}` };
}

/**
 * Read everything the engine needs: one GraphQL request (config at the base SHA, commits, labels,
 * comments), then the changed files 100 per page. The files are skipped when the config is invalid.
 */
export async function gather(
  env: RunEnv,
  inputs: ActionInputs,
  port: Pick<GitHubPort, "pullContext" | "pullFiles">,
  pull: ActionPull,
): Promise<Gathered> {
  const context = await port.pullContext({
    owner: env.owner,
    repo: env.repo,
    number: pull.number,
    baseSha: pull.base.sha,
    configPath: inputs.configPath,
    labelNames: FIXED_LABELS,
    labelPrefixes: [AGENT_PREFIX],
    commentMarker: COMMENT_MARKER,
  });
  // Fresh labels from the API (a re-run replays the original event's payload), minus the ones this Action
  // sets: its own output must not become evidence for the next run.
  const labels = context.labels.filter((l) => !isManagedLabel(l));
  const facts = prFactsFromApi({ ...pull, labels }, context.commits);
  let config: Config;
  let configSource: string;
  try {
    ({ config, source: configSource } = loadConfig(context, inputs.configPath, pull.base.sha));
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return {
      context,
      config: defaultConfig(),
      configSource: inputs.configPath,
      configError: e,
      facts,
      files: [],
      notAnalyzed: [],
      warnings: [],
    };
  }

  const fetched = await port.pullFiles({ owner: env.owner, repo: env.repo, number: pull.number });
  const converted = changedFilesFromPullFiles(fetched.items);
  const warnings = [...converted.warnings];
  const central = extendsNotApplied(config);
  if (central) warnings.push(central);
  if (fetched.truncated || (pull.changed_files ?? 0) > MAX_PULL_FILES)
    warnings.push(
      `this pull request changes ${pull.changed_files ?? "more than 3,000"} files; GitHub lists only the first ${MAX_PULL_FILES}, the rest were not analyzed`,
    );
  return {
    context,
    config,
    configSource,
    configError: null,
    facts,
    files: converted.files,
    notAnalyzed: converted.notAnalyzed,
    warnings,
  };
}
