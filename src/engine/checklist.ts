import type { Config } from "../config/schema.js";
import type { Category, ChecklistItem, Finding, Level } from "../types.js";
import { CATEGORIES, levelRank } from "../types.js";

/**
 * One item per category with findings: a concrete statement a reviewer can honestly tick after
 * looking, not "I reviewed this". Ids are stable (`category:<name>`), so ticks survive re-renders.
 */
export const CATEGORY_CHECKLIST: Record<Category, string> = {
  "migration-destructive":
    "The destructive migration is intended: the data it drops or rewrites is backed up, a restore was tested, and running code no longer reads it.",
  migration:
    "The migration is safe to run on the production data size (locks, index builds, backfills) and has a working rollback.",
  "infra-deletion":
    "Every infrastructure resource this PR deletes or replaces is meant to go, and nothing stateful (databases, buckets, volumes) loses data.",
  "infra-change":
    "The infrastructure changes were checked against a plan/diff of the target environment, and destroy protections stay where they are needed.",
  "production-config":
    "The production-scope changes were reviewed as production changes: values, rollout and rollback are confirmed with the owners.",
  "ci-workflow":
    "The CI/CD changes keep untrusted code away from secrets and write tokens (no PR-head checkout in privileged triggers, minimal permissions, pinned actions).",
  "agent-autonomy":
    "Every widening of a coding agent's autonomy (allowed tools, approval or sandbox modes, MCP servers, agent workflows and who can drive them, instruction files) is intended, scoped to what the agent needs, and keeps production credentials and unrestricted shell out of its reach.",
  secrets:
    "The exposed secret was revoked and rotated at its provider and purged from the git history, not only deleted from the file.",
  "destructive-command":
    "Each destructive command (deletes, force pushes, drops) targets only what it should and cannot run against production by accident.",
  "safety-bypass":
    "Every disabled test, lint/type suppression, TLS or auth check removal is justified, and the protection still holds where it matters.",
  dependency:
    "The new or changed dependencies are legitimate packages from trusted registries, and their install scripts and sources were inspected.",
  "missing-tests":
    "The changed source is covered by tests (existing or added), or the reviewer accepts the risk of shipping it untested.",
  custom: "The findings of this repository's custom rules were checked and are acceptable.",
};

export function deriveChecklist(findings: readonly Finding[], level: Level, config: Config): ChecklistItem[] {
  const present = new Set<Category>(findings.map((f) => f.category));
  const items: ChecklistItem[] = [];
  for (const category of CATEGORIES) {
    if (present.has(category)) items.push({ id: `category:${category}`, text: CATEGORY_CHECKLIST[category], category });
  }
  for (const extra of config.checklist.extra) {
    if (extra.categories && !extra.categories.some((c) => present.has(c))) continue;
    if (extra.min_level && levelRank(level) < levelRank(extra.min_level)) continue;
    items.push({ id: `extra:${extra.id}`, text: extra.text, category: null });
  }
  return items;
}
