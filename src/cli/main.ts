import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  activeRules,
  analyze,
  type Config,
  ConfigError,
  DEFAULT_CONFIG_PATH,
  DiffParseError,
  defaultConfig,
  formatJson,
  formatMarkdown,
  formatSarif,
  formatText,
  gitLogArgs,
  LEVELS,
  type Level,
  levelRank,
  type PullRequestFacts,
  parseConfigText,
  pullRequestFactsFromGit,
} from "../index.js";
import { branchDiff, GitError, git, isGitRepository } from "./git.js";

export const VERSION = "0.1.0";

/** Exit codes: 0 ok, 1 --fail-on level reached, 2 usage or input error. */
export const EXIT_OK = 0;
export const EXIT_FAIL_ON = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {
  override name = "UsageError";
}

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Buffer;
  cwd: string;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

const HELP = `ai-review-gate ${VERSION}: risk report for a diff, as the GitHub Action and App compute it.

Usage:
  ai-review-gate scan [options]        analyse a diff and print the report
  ai-review-gate protect --repo OWNER/REPO [--branch main] [--dry-run]
                                       require the AI Review Gate check on a branch
  ai-review-gate --version | --help

scan options:
  --diff FILE     unified diff to scan ("-" reads stdin). Without it, inside a git
                  repository: the current branch against its merge base with the
                  default branch, with branch name and commits as PR facts
  --base REF      base for the git mode (default: origin/HEAD, main or master)
  --pr FILE       PR facts as JSON (author_login, author_type, head_ref, title, body,
                  commits [{message, author_name, author_email}], labels)
  --config FILE   config file (default: .github/ai-review-gate.yml when present)
  --format F      text (default), json, markdown or sarif
  --output FILE   write the report to FILE instead of stdout
  --fail-on LVL   exit 1 when the risk level is LVL or above (low|medium|high|critical)
  --no-color      never color the text output (default: color on a terminal only)

Exit codes: 0 report written, 1 --fail-on reached, 2 usage or input error.
`;

function readInput(path: string, io: CliIO, what: string): Buffer {
  if (path === "-") return io.readStdin();
  try {
    return readFileSync(path);
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function loadConfig(path: string | undefined, io: CliIO): Config {
  const file = path ?? `${io.cwd}/${DEFAULT_CONFIG_PATH}`;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    if (!path && (e as NodeJS.ErrnoException).code === "ENOENT") return defaultConfig();
    throw new UsageError(`cannot read config ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseConfigText(text, path ?? DEFAULT_CONFIG_PATH);
}

function parsePrFacts(buf: Buffer, source: string): PullRequestFacts {
  let value: unknown;
  try {
    value = JSON.parse(buf.toString("utf8"));
  } catch (e) {
    throw new UsageError(`--pr ${source} is not valid JSON: ${(e as Error).message}`);
  }
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw new UsageError(`--pr ${source} must be a JSON object`);
  const v = value as Record<string, unknown>;
  const str = (k: string) => (typeof v[k] === "string" ? (v[k] as string) : null);
  const commits = Array.isArray(v.commits)
    ? v.commits
        .filter((c): c is Record<string, unknown> => !!c && typeof c === "object")
        .map((c) => ({
          sha: typeof c.sha === "string" ? c.sha : undefined,
          message: typeof c.message === "string" ? c.message : "",
          author_name: typeof c.author_name === "string" ? c.author_name : null,
          author_email: typeof c.author_email === "string" ? c.author_email : null,
          author_login: typeof c.author_login === "string" ? c.author_login : null,
          committer_name: typeof c.committer_name === "string" ? c.committer_name : null,
          committer_email: typeof c.committer_email === "string" ? c.committer_email : null,
          committer_login: typeof c.committer_login === "string" ? c.committer_login : null,
        }))
    : [];
  const labels = Array.isArray(v.labels)
    ? v.labels.map((l) => (typeof l === "string" ? l : (l as { name?: string })?.name)).filter((l): l is string => !!l)
    : [];
  return {
    number: typeof v.number === "number" ? v.number : undefined,
    author_login: str("author_login"),
    author_type: str("author_type"),
    head_ref: str("head_ref"),
    base_ref: str("base_ref"),
    title: str("title"),
    body: str("body"),
    commits,
    labels,
    assignees: Array.isArray(v.assignees) ? v.assignees.filter((a): a is string => typeof a === "string") : [],
  };
}

function parseLevel(value: string | undefined, flag: string): Level | undefined {
  if (value === undefined || value === "none") return undefined;
  if (!(LEVELS as readonly string[]).includes(value))
    throw new UsageError(`${flag} must be one of low, medium, high, critical (got "${value}")`);
  return value as Level;
}

async function scan(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      diff: { type: "string" },
      base: { type: "string" },
      pr: { type: "string" },
      config: { type: "string" },
      format: { type: "string", default: "text" },
      output: { type: "string", short: "o" },
      "fail-on": { type: "string" },
      "no-color": { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const format = values.format!;
  if (!["text", "json", "markdown", "sarif"].includes(format)) {
    throw new UsageError(`--format must be text, json, markdown or sarif (got "${format}")`);
  }
  const failOn = parseLevel(values["fail-on"], "--fail-on");
  const config = loadConfig(values.config, io);

  let diff: Buffer | string;
  let pr: PullRequestFacts | null = values.pr ? parsePrFacts(readInput(values.pr, io, "PR facts"), values.pr) : null;
  if (values.diff) {
    diff = readInput(values.diff, io, "diff");
  } else {
    if (!isGitRepository(io.cwd)) throw new UsageError("no --diff given and not inside a git repository (see --help)");
    const branch = branchDiff(io.cwd, values.base);
    diff = branch.diff;
    if (!pr) {
      const log = git(gitLogArgs(branch.mergeBase), io.cwd);
      pr = pullRequestFactsFromGit({ branch: branch.branch, log, base: branch.base });
    }
    if (diff.trim() === "") io.stderr(`nothing to scan: HEAD has no changes against ${branch.base}\n`);
  }

  const report = await analyze({ diff, pr, config });
  let output: string;
  if (format === "json") output = formatJson(report);
  else if (format === "markdown") output = formatMarkdown(report);
  else if (format === "sarif") output = formatSarif(report, { rules: activeRules(config), toolVersion: VERSION });
  else output = formatText(report, { color: !values.output && io.isTTY && !values["no-color"] && !io.env.NO_COLOR });

  if (values.output) writeFileSync(values.output, output);
  else io.stdout(output);

  if (failOn && levelRank(report.risk.level) >= levelRank(failOn)) {
    io.stderr(`risk level ${report.risk.level} (score ${report.risk.score}) reaches --fail-on ${failOn}\n`);
    return EXIT_FAIL_ON;
  }
  return EXIT_OK;
}

export type CommandHandler = (argv: string[], io: CliIO) => Promise<number>;
const extraCommands = new Map<string, CommandHandler>();

/**
 * Lets the entry point (index.ts) plug in subcommands that need the network (`protect`): `scan` and
 * this module's importers then load no GitHub client.
 */
export function registerCommand(name: string, handler: CommandHandler): void {
  extraCommands.set(name, handler);
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === "--help" || command === "-h" || command === "help") {
      io.stdout(HELP);
      return command ? EXIT_OK : EXIT_USAGE;
    }
    if (command === "--version" || command === "-v") {
      io.stdout(`${VERSION}\n`);
      return EXIT_OK;
    }
    if (command === "scan") return await scan(rest, io);
    const extra = extraCommands.get(command);
    if (extra) return await extra(rest, io);
    throw new UsageError(`unknown command "${command}" (try --help)`);
  } catch (e) {
    if (e instanceof UsageError || e instanceof DiffParseError || e instanceof ConfigError || e instanceof GitError) {
      io.stderr(`ai-review-gate: ${e.message}\n`);
      return EXIT_USAGE;
    }
    const code = (e as { code?: string }).code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`ai-review-gate: ${(e as Error).message} (try --help)\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}
