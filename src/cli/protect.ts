import { protectCommand } from "../../app/protect.js";
import { registerCommand } from "./main.js";

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

/** `protect` lives with the App (app/protect.ts); the CLI only knows its help and flags. */
export function registerProtect(): void {
  registerCommand("protect", protectCommand, { help: PROTECT_HELP, flags: ["repo", "branch", "dry-run", "app-id"] });
}
