import { z } from "zod";
import { CATEGORIES, LEVELS, SEVERITIES } from "../types.js";

/**
 * `.github/ai-review-gate.yml`. Every key is optional; defaults are documented in the README and
 * shown in `schema/config.schema.json` (generated from this file by `npm run schema`).
 * Unknown keys are errors, so a typo never silently weakens the gate.
 */

const severity = z.enum(SEVERITIES);
const gateLevel = z.enum(LEVELS.filter((l) => l !== "none") as ["low", "medium", "high", "critical"]);
const category = z.enum(CATEGORIES);
const glob = z.string().min(1).describe("A glob (picomatch syntax, matched against the repository path)");

const ruleOverride = z.union([
  z.literal("off").describe("Disable the rule"),
  severity.describe("Force this severity"),
  z
    .strictObject({
      enabled: z.boolean().optional().describe("false disables the rule"),
      severity: severity.optional().describe("Force this severity"),
    })
    .describe("Rule override"),
]);

const checklistExtra = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,40}$/, "ids are lower-case letters, digits and dashes (max 41 characters)")
      .describe("Stable id; ticks are tracked by it"),
    text: z.string().min(1).max(300).describe("What the reviewer confirms"),
    categories: z.array(category).optional().describe("Only when one of these categories has findings"),
    min_level: gateLevel.optional().describe("Only from this risk level up"),
  })
  .describe("A checklist item added by the maintainers");

const customRule = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,60}$/, "ids are lower-case letters, digits and dashes")
      .describe("Rule id; findings show it as custom/<id>"),
    pattern: z
      .string()
      .min(1)
      .max(1000)
      .describe("RE2 regular expression matched against each added line (no lookaround or backreferences)"),
    paths: z.array(glob).optional().describe("Only files matching one of these globs (default: all)"),
    severity: severity.default("medium"),
    message: z.string().min(1).max(300),
    remediation: z.string().max(500).optional(),
    category: category.default("custom").describe("Category the findings count under"),
    case_sensitive: z.boolean().default(true),
  })
  .describe("A pattern on added lines");

const route = z
  .strictObject({
    team: z
      .string()
      .regex(/^@?[\w.-]+\/[\w.-]+$/, "a team is written org/team-slug")
      .optional()
      .describe("Only members of this team can tick the item"),
    codeowners: z.boolean().optional().describe("Only code owners of the files with findings can tick the item"),
  })
  .describe("Who may tick the items of a category");

/** The settings a file can hold (everything but `extends` and `locked`, which say how files combine). */
const settings = {
  version: z.literal(1).optional().describe("Config format version"),
  gate: z
    .strictObject({
      policy: z.enum(["ai-authored", "all"]).default("ai-authored").describe("Which pull requests the gate applies to"),
      threshold: gateLevel.default("medium").describe("The gate applies from this risk level up"),
      safe_paths: z
        .array(glob)
        .default(["docs/**", "**/*.md", "**/*.mdx", "**/*.rst", "**/*.txt", "LICENSE*", ".github/ISSUE_TEMPLATE/**"])
        .describe("A PR that changes only these paths is auto-approved, unless it adds a secret"),
      approvals: z
        .strictObject({
          low: z.number().int().min(1).max(10).default(1),
          medium: z.number().int().min(1).max(10).default(1),
          high: z.number().int().min(1).max(10).default(1),
          critical: z.number().int().min(1).max(10).default(2),
        })
        .prefault({})
        .describe("Distinct approvers each level needs"),
      stale: z
        .enum(["reset", "touched-files"])
        .default("reset")
        .describe("On a new push: reset every tick, or only when the push touches files with findings"),
      routes: z
        .partialRecord(category, route)
        .default({})
        .describe("Route a category's checklist item to a team or to CODEOWNERS"),
      machine_accounts: z
        .array(
          z.union([
            z.number().int().positive(),
            z.string().regex(/^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, "a GitHub login or a numeric account id"),
          ]),
        )
        .default([])
        .describe(
          "Accounts used by automation (type User) that may never approve; numeric account ids survive renames",
        ),
      rollback: z
        .strictObject({
          required_from: z
            .enum(["high", "critical", "off"])
            .default("critical")
            .describe("Gated PRs from this risk level up must have a rollback section in their description"),
          heading: z
            .string()
            .min(1)
            .max(80)
            .default("Rollback")
            .describe("The section's heading (matched case-insensitively: 'Rollback plan' counts)"),
        })
        .prefault({})
        .describe("Rollback readiness: a section in the PR description that says how to undo the change"),
    })
    .prefault({}),
  ai: z
    .strictObject({
      raise_level: z
        .number()
        .int()
        .min(0)
        .max(2)
        .default(1)
        .describe("Levels added to the risk level of an AI-authored PR that has findings"),
      bots: z.array(z.string().min(1)).default([]).describe("Extra bot logins or emails counted as coding agents"),
      trailers: z.array(z.string().min(1)).default([]).describe("Extra commit trailer keys that mark AI authorship"),
      labels: z.array(z.string().min(1)).default([]).describe("Extra labels that declare AI authorship"),
      branches: z.array(z.string().min(1)).default([]).describe("Extra branch prefixes of agents"),
    })
    .prefault({}),
  paths: z
    .strictObject({
      ignore: z
        .array(glob)
        .default([])
        .describe("Files no rule looks at, except the secret scan (secrets.allowlist.paths exempts files from it)"),
      tests: z.array(glob).default([]).describe("Extra test-file globs (added to the built-in ones)"),
      production: z.array(glob).default([]).describe("Extra production-scope globs (added to the built-in ones)"),
      source: z.array(glob).default([]).describe("Extra source-file globs for the missing-tests rule"),
    })
    .prefault({}),
  rules: z
    .record(z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)?$/, "keys are rule ids or category names"), ruleOverride)
    .default({})
    .describe("Per-rule (or per-category) overrides: off, a severity, or {enabled, severity}"),
  checklist: z
    .strictObject({
      extra: z.array(checklistExtra).default([]),
    })
    .prefault({}),
  custom_rules: z.array(customRule).default([]).describe("Patterns on added lines"),
  secrets: z
    .strictObject({
      allowlist: z
        .strictObject({
          paths: z.array(glob).default([]).describe("Secrets in these files are not reported"),
          values_sha256: z
            .array(z.string().regex(/^[a-f0-9]{64}$/, "a lower-case hex SHA-256"))
            .default([])
            .describe("SHA-256 of values known to be fake"),
          patterns: z.array(z.string().min(1).max(500)).default([]).describe("RE2 patterns of allowed values"),
        })
        .prefault({}),
    })
    .prefault({}),
};

/**
 * `owner/repo`, `owner/repo:path`, or a repository of the same owner (`.github`, `policies:gate/strict.yml`).
 * Owner and repository as GitHub spells them; the path is relative, without `..`.
 */
export const EXTENDS_PATTERN =
  /^(?:([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/)?([A-Za-z0-9._-]{1,100})(?::([\w./-]{1,255}))?$/;

/** No `.` or `..` as the repository or as a path segment (they would step out of it in the API's URL), no `//`. */
export function extendsValueOk(value: string): boolean {
  const m = EXTENDS_PATTERN.exec(value);
  if (!m) return true; // the pattern reports it
  const dots = (seg: string) => seg === "" || seg === "." || seg === "..";
  return !dots(m[2]!) && !(m[3] ?? "a").split("/").some(dots);
}

/** Dotted key paths of every setting (records and lists are single keys): what `locked` can name. */
function keyPaths(shape: Record<string, z.ZodType>, prefix = ""): string[] {
  const out: string[] = [];
  for (const [key, raw] of Object.entries(shape)) {
    let schema: z.ZodType = raw;
    while (schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault || schema instanceof z.ZodOptional)
      schema = schema._zod.def.innerType as z.ZodType;
    const path = `${prefix}${key}`;
    out.push(path);
    if (schema instanceof z.ZodObject) out.push(...keyPaths(schema.shape as Record<string, z.ZodType>, `${path}.`));
  }
  return out;
}

export const LOCKABLE_KEYS = keyPaths(settings).filter((k) => k !== "version") as [string, ...string[]];

export const configSchema = z
  .strictObject({
    extends: z
      .string()
      .regex(
        EXTENDS_PATTERN,
        "write owner/repo, owner/repo:path/to/file.yml, or a repository of the same owner such as .github",
      )
      .refine(
        extendsValueOk,
        "the repository cannot be '.' or '..', and the path after ':' is relative, without '..', '.' or '//'",
      )
      .optional()
      .describe(
        "A central config this file builds on, read from that repository's default branch: owner/repo[:path] (path default .github/ai-review-gate.yml); a name without owner is a repository of the same owner (.github)",
      ),
    locked: z
      .array(z.enum(LOCKABLE_KEYS))
      .default([])
      .describe(
        "Settings a file that extends this one may only keep or make stricter (a section locks every key in it)",
      ),
    ...settings,
  })
  .describe("ai-review-gate configuration (.github/ai-review-gate.yml)");

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export type CustomRuleConfig = Config["custom_rules"][number];
