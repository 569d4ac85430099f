import { GATE_CHECK_NAME } from "../engine/gate-decision.js";
import type { RepoRef } from "./client.js";
import type { BranchProtectionBody, GitHubPort, RequiredCheck, Ruleset, RulesetBody } from "./port.js";

/**
 * Require the AI Review Gate check, pinned to the App's id, on a branch. Rulesets first (they also cover
 * merge queues and cannot be bypassed by admins unless listed), the classic branch protection API when
 * the token or plan cannot use rulesets. Pinning matters: a check of the same name posted by a workflow
 * or another app then does not count.
 */

export const RULESET_NAME = "AI Review Gate";

/** `~DEFAULT_BRANCH` is the ruleset condition for "whatever the default branch is". */
export const DEFAULT_BRANCH_REF = "~DEFAULT_BRANCH";

export type ProtectionPort = Pick<
  GitHubPort,
  | "rulesets"
  | "ruleset"
  | "createRuleset"
  | "updateRuleset"
  | "branchProtection"
  | "protectBranch"
  | "setRequiredChecks"
>;

export interface ProtectRequest {
  repo: RepoRef;
  branch: string;
  appId: number;
  /** Say what would change, change nothing. */
  dryRun: boolean;
  /** Progress lines for the person running it. */
  out: (line: string) => void;
}

export function desiredRuleset(branch: string, appId: number): RulesetBody {
  const ref = branch === DEFAULT_BRANCH_REF ? branch : `refs/heads/${branch}`;
  return {
    name: RULESET_NAME,
    target: "branch",
    enforcement: "active",
    conditions: { ref_name: { include: [ref], exclude: [] } },
    rules: [
      {
        type: "required_status_checks",
        parameters: {
          strict_required_status_checks_policy: false,
          do_not_enforce_on_create: false,
          required_status_checks: [{ context: GATE_CHECK_NAME, integration_id: appId }],
        },
      },
    ],
  };
}

function rulesetSatisfied(r: Ruleset, branch: string, appId: number): boolean {
  const includes = r.conditions?.ref_name?.include ?? [];
  const covers =
    includes.includes(`refs/heads/${branch}`) || includes.includes(DEFAULT_BRANCH_REF) || includes.includes("~ALL");
  const pinned = (r.rules ?? []).some(
    (rule) =>
      rule.type === "required_status_checks" &&
      (rule.parameters?.required_status_checks ?? []).some(
        (c) => c.context === GATE_CHECK_NAME && c.integration_id === appId,
      ),
  );
  return r.enforcement === "active" && covers && pinned;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** True when the ruleset is (or would be) in place; "unavailable" when rulesets cannot be used. */
async function viaRulesets(port: ProtectionPort, req: ProtectRequest): Promise<boolean | "unavailable"> {
  const { repo, branch, appId, dryRun, out } = req;
  const list = await port.rulesets(repo);
  if (list === null) return "unavailable";
  const desired = desiredRuleset(branch, appId);
  const existing = list.find((r) => r.name === RULESET_NAME);
  if (existing) {
    if (rulesetSatisfied(await port.ruleset(repo, existing.id), branch, appId)) {
      out(
        `ruleset "${RULESET_NAME}" (id ${existing.id}) already requires "${GATE_CHECK_NAME}" from app ${appId} on ${branch}: nothing to do\n`,
      );
      return true;
    }
    out(`${dryRun ? "would update" : "updating"} ruleset "${RULESET_NAME}" (id ${existing.id}):\n${json(desired)}\n`);
    if (!dryRun) await port.updateRuleset(repo, existing.id, desired);
    return true;
  }
  out(`${dryRun ? "would create" : "creating"} ruleset:\n${json(desired)}\n`);
  if (!dryRun && !(await port.createRuleset(repo, desired))) return "unavailable";
  return true;
}

/** False when the branch needs a change this API cannot make (the person is told what to do). */
async function viaBranchProtection(port: ProtectionPort, req: ProtectRequest): Promise<boolean> {
  const { repo, branch, appId, dryRun, out } = req;
  const pinned: RequiredCheck = { context: GATE_CHECK_NAME, app_id: appId };
  const current = await port.branchProtection(repo, branch);
  if (!current) {
    const body: BranchProtectionBody = {
      required_status_checks: { strict: false, checks: [pinned] },
      enforce_admins: true,
      required_pull_request_reviews: null,
      restrictions: null,
    };
    out(`${dryRun ? "would protect" : "protecting"} branch ${branch} (it has no protection yet):\n${json(body)}\n`);
    if (!dryRun) await port.protectBranch(repo, branch, body);
    return true;
  }
  const checks = current.required_status_checks?.checks ?? [];
  if (checks.some((c) => c.context === GATE_CHECK_NAME && c.app_id === appId)) {
    out(`branch protection of ${branch} already requires "${GATE_CHECK_NAME}" from app ${appId}: nothing to do\n`);
    return true;
  }
  // Replace an unpinned (or wrongly pinned) check of the same name: that one any workflow could satisfy.
  const next = [...checks.filter((c) => c.context !== GATE_CHECK_NAME), pinned];
  out(`${dryRun ? "would set" : "setting"} the required checks of ${branch} to:\n${json(next)}\n`);
  if (dryRun) return true;
  if (!current.required_status_checks) {
    out(
      `branch ${branch} is protected but has no required status checks; add "${GATE_CHECK_NAME}" with source app ${appId} in Settings → Branches (docs/app.md)\n`,
    );
    return false;
  }
  await port.setRequiredChecks(repo, branch, next);
  return true;
}

/** Rulesets when available, else branch protection. False when a step is left to the person. */
export async function protectBranch(port: ProtectionPort, req: ProtectRequest): Promise<boolean> {
  if ((await viaRulesets(port, req)) === true) return true;
  req.out("rulesets are not available to this token or plan; using the branch protection API\n");
  return viaBranchProtection(port, req);
}
