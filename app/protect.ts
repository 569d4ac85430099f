import { parseArgs } from "node:util";
import type { CliIO } from "../src/cli/main.js";
import { UsageError } from "../src/cli/main.js";
import { createClient, describeApiError, type GitHubClient, statusOf } from "../src/github/index.js";
import { CHECK_NAME } from "./gate/check-run.js";

/**
 * `ai-review-gate protect --repo OWNER/REPO [--branch main] [--dry-run] [--app-id N]`: require the
 * AI Review Gate check, pinned to the App's id, on a branch. Rulesets first (they also cover merge
 * queues and cannot be bypassed by admins unless listed), the classic branch protection API when the
 * token or plan cannot use rulesets. Pinning matters: a check of the same name posted by a workflow or
 * another app then does not count.
 */

const RULESET_NAME = "AI Review Gate";

interface Check {
  context: string;
  integration_id?: number;
  app_id?: number;
}

interface Ruleset {
  id: number;
  name: string;
  target?: string;
  enforcement?: string;
  conditions?: { ref_name?: { include?: string[]; exclude?: string[] } };
  rules?: Array<{ type: string; parameters?: { required_status_checks?: Check[] } & Record<string, unknown> }>;
}

/** Loosely typed request: these bodies are checked against GitHub's OpenAPI description in the tests. */
type LooseRequest = (route: string, params: Record<string, unknown>) => Promise<{ data: unknown }>;
const loose =
  (client: GitHubClient): LooseRequest =>
  (route, params) =>
    client.request(route, params);

export interface ProtectDeps {
  client?: GitHubClient;
}

/** `~DEFAULT_BRANCH` is the ruleset condition for "whatever the default branch is". */
const DEFAULT_BRANCH_REF = "~DEFAULT_BRANCH";

function desiredRuleset(branch: string, appId: number) {
  const ref = branch === DEFAULT_BRANCH_REF ? branch : `refs/heads/${branch}`;
  return {
    name: RULESET_NAME,
    target: "branch",
    enforcement: "active",
    conditions: { ref_name: { include: [ref], exclude: [] as string[] } },
    rules: [
      {
        type: "required_status_checks",
        parameters: {
          strict_required_status_checks_policy: false,
          do_not_enforce_on_create: false,
          required_status_checks: [{ context: CHECK_NAME, integration_id: appId }],
        },
      },
    ],
  };
}

function rulesetSatisfied(r: Ruleset, branch: string, appId: number): boolean {
  const includes = r.conditions?.ref_name?.include ?? [];
  const covers =
    includes.includes(`refs/heads/${branch}`) || includes.includes("~DEFAULT_BRANCH") || includes.includes("~ALL");
  const pinned = (r.rules ?? []).some(
    (rule) =>
      rule.type === "required_status_checks" &&
      (rule.parameters?.required_status_checks ?? []).some(
        (c) => c.context === CHECK_NAME && c.integration_id === appId,
      ),
  );
  return r.enforcement === "active" && covers && pinned;
}

async function viaRulesets(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  branch: string,
  appId: number,
  dryRun: boolean,
  out: (s: string) => void,
): Promise<boolean | "unavailable"> {
  let list: Ruleset[];
  try {
    const res = await client.request("GET /repos/{owner}/{repo}/rulesets", {
      ...repo,
      per_page: 100,
      includes_parents: false,
    });
    list = res.data as Ruleset[];
  } catch (e) {
    const s = statusOf(e);
    if (s === 403 || s === 404) return "unavailable";
    throw e;
  }
  const desired = desiredRuleset(branch, appId);
  const existing = list.find((r) => r.name === RULESET_NAME);
  if (existing) {
    const full = (
      await client.request("GET /repos/{owner}/{repo}/rulesets/{ruleset_id}", { ...repo, ruleset_id: existing.id })
    ).data as Ruleset;
    if (rulesetSatisfied(full, branch, appId)) {
      out(
        `ruleset "${RULESET_NAME}" (id ${existing.id}) already requires "${CHECK_NAME}" from app ${appId} on ${branch}: nothing to do\n`,
      );
      return true;
    }
    out(
      `${dryRun ? "would update" : "updating"} ruleset "${RULESET_NAME}" (id ${existing.id}):\n${JSON.stringify(desired, null, 2)}\n`,
    );
    if (!dryRun)
      await loose(client)("PUT /repos/{owner}/{repo}/rulesets/{ruleset_id}", {
        ...repo,
        ruleset_id: existing.id,
        ...desired,
      });
    return true;
  }
  out(`${dryRun ? "would create" : "creating"} ruleset:\n${JSON.stringify(desired, null, 2)}\n`);
  if (!dryRun) {
    try {
      await loose(client)("POST /repos/{owner}/{repo}/rulesets", { ...repo, ...desired });
    } catch (e) {
      const s = statusOf(e);
      if (s === 403 || s === 404 || s === 422) return "unavailable";
      throw e;
    }
  }
  return true;
}

async function viaBranchProtection(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  branch: string,
  appId: number,
  dryRun: boolean,
  out: (s: string) => void,
): Promise<boolean> {
  const pinned: Check = { context: CHECK_NAME, app_id: appId };
  type Protection = { required_status_checks?: { strict?: boolean; checks?: Check[] } };
  let current: Protection | null = null;
  try {
    current = (await loose(client)("GET /repos/{owner}/{repo}/branches/{branch}/protection", { ...repo, branch }))
      .data as Protection;
  } catch (e) {
    if (statusOf(e) !== 404) throw e;
  }
  if (!current) {
    const body = {
      required_status_checks: { strict: false, checks: [pinned] },
      enforce_admins: true,
      required_pull_request_reviews: null,
      restrictions: null,
    };
    out(
      `${dryRun ? "would protect" : "protecting"} branch ${branch} (it has no protection yet):\n${JSON.stringify(body, null, 2)}\n`,
    );
    if (!dryRun)
      await loose(client)("PUT /repos/{owner}/{repo}/branches/{branch}/protection", { ...repo, branch, ...body });
    return true;
  }
  const checks = current.required_status_checks?.checks ?? [];
  if (checks.some((c) => c.context === CHECK_NAME && c.app_id === appId)) {
    out(`branch protection of ${branch} already requires "${CHECK_NAME}" from app ${appId}: nothing to do\n`);
    return true;
  }
  // Replace an unpinned (or wrongly pinned) check of the same name: that one any workflow could satisfy.
  const next = [...checks.filter((c) => c.context !== CHECK_NAME), pinned];
  out(`${dryRun ? "would set" : "setting"} the required checks of ${branch} to:\n${JSON.stringify(next, null, 2)}\n`);
  if (!dryRun) {
    if (current.required_status_checks) {
      await loose(client)("PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks", {
        ...repo,
        branch,
        checks: next,
      });
    } else {
      out(
        `branch ${branch} is protected but has no required status checks; add "${CHECK_NAME}" with source app ${appId} in Settings → Branches (docs/app.md)\n`,
      );
      return false;
    }
  }
  return true;
}

export async function protectCommand(argv: string[], io: CliIO, deps: ProtectDeps = {}): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      repo: { type: "string" },
      branch: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      "app-id": { type: "string" },
    },
    allowPositionals: false,
  });
  const m = /^([\w.-]+)\/([\w.-]+)$/.exec(values.repo ?? "");
  if (!m) throw new UsageError("protect needs --repo OWNER/REPO");
  const repo = { owner: m[1]!, repo: m[2]! };
  const appId = Number(values["app-id"] ?? io.env.APP_ID);
  if (!Number.isInteger(appId) || appId <= 0)
    throw new UsageError("protect needs the App's id to pin the check to (--app-id N or APP_ID)");
  const token = io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  const dryRun = values["dry-run"] ?? false;
  if (!deps.client && !token) {
    if (!dryRun) throw new UsageError("protect needs a token with administration rights in GITHUB_TOKEN or GH_TOKEN");
    // Offline preview: what a first run would create, before anyone hands out an admin token.
    const branch = values.branch ?? DEFAULT_BRANCH_REF;
    const where = values.branch
      ? ""
      : "; ~DEFAULT_BRANCH stands for the default branch, which a run with a token names";
    io.stdout(
      `no GITHUB_TOKEN: a preview, not compared with ${repo.owner}/${repo.repo}'s current rules${where}\n` +
        `would create ruleset:\n${JSON.stringify(desiredRuleset(branch, appId), null, 2)}\n`,
    );
    return 0;
  }
  const client =
    deps.client ??
    createClient({ auth: token!, baseUrl: io.env.GITHUB_API_URL, log: { warn: (s) => io.stderr(`${s}\n`) } });
  try {
    const branch =
      values.branch ??
      ((await client.request("GET /repos/{owner}/{repo}", repo)).data as { default_branch: string }).default_branch;
    const viaRules = await viaRulesets(client, repo, branch, appId, dryRun, io.stdout);
    if (viaRules === true) return 0;
    io.stdout("rulesets are not available to this token or plan; using the branch protection API\n");
    return (await viaBranchProtection(client, repo, branch, appId, dryRun, io.stdout)) ? 0 : 1;
  } catch (e) {
    io.stderr(`ai-review-gate: ${describeApiError(e, "protect")}\n`);
    return 1;
  }
}
