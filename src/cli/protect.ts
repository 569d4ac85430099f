import { parseArgs } from "node:util";
import { createClient } from "../github/client.js";
import { describeApiError } from "../github/errors.js";
import { createGitHubPort } from "../github/octokit-port.js";
import type { GitHubPort } from "../github/port.js";
import { DEFAULT_BRANCH_REF, desiredRuleset, type ProtectionPort, protectBranch } from "../github/protect.js";
import { type CliIO, registerCommand, UsageError } from "./main.js";

/**
 * `ai-review-gate protect --repo OWNER/REPO [--branch main] [--dry-run] [--app-id N]`: require the
 * AI Review Gate check, pinned to the App's id, on a branch (src/github/protect.ts).
 */

export interface ProtectDeps {
  /** The GitHub port to use instead of one built from GITHUB_TOKEN (tests). */
  port?: ProtectionPort & Pick<GitHubPort, "defaultBranch">;
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
  if (!deps.port && !token) {
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
  const port =
    deps.port ??
    createGitHubPort(
      createClient({ auth: token!, baseUrl: io.env.GITHUB_API_URL, log: { warn: (s) => io.stderr(`${s}\n`) } }),
    );
  try {
    const branch = values.branch ?? (await port.defaultBranch(repo));
    return (await protectBranch(port, { repo, branch, appId, dryRun, out: io.stdout })) ? 0 : 1;
  } catch (e) {
    io.stderr(`ai-review-gate: ${describeApiError(e, "protect")}\n`);
    return 1;
  }
}

const PROTECT_HELP = `Usage: ai-review-gate protect --repo OWNER/REPO [--branch BRANCH] [--dry-run] [--app-id N]

Require the AI Review Gate check, pinned to the App's id, on a branch (a ruleset, or classic branch
protection when rulesets are not available). Needs a token with administration rights in GITHUB_TOKEN
or GH_TOKEN.

Options:
  --repo OWNER/REPO  the repository
  --branch BRANCH    the branch to protect (default: the repository's default branch)
  --app-id N         the App's id to pin the check to (default: APP_ID)
  --dry-run          print what would change, change nothing
  -h, --help         show this help
`;

/** Registered by the entry point (index.ts), so `scan` and main.ts's importers load no GitHub client. */
export function registerProtect(): void {
  registerCommand("protect", protectCommand, { help: PROTECT_HELP, flags: ["repo", "branch", "dry-run", "app-id"] });
}
