#!/usr/bin/env node
import { protectCommand } from "../../app/protect.js";
import { registerCommand, runCli } from "./main.js";

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

registerCommand("protect", protectCommand, { help: PROTECT_HELP, flags: ["repo", "branch", "dry-run", "app-id"] });

// A reader that goes away (`| head`) is not an error: stop quietly instead of printing a stack trace.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });

const code = await runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: () => process.stdin,
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
});
process.exitCode = code;
