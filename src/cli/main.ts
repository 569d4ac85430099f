import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { gitLogArgs, pullRequestFactsFromGit } from "../ai/git-facts.js";
import { extendsNotApplied } from "../config/extends.js";
import { ConfigError, DEFAULT_CONFIG_PATH, defaultConfig, MAX_CONFIG_BYTES, parseConfigText } from "../config/load.js";
import type { Config } from "../config/schema.js";
import { DiffParseError } from "../diff/parse.js";
import { analyze } from "../engine/analyze.js";
import { formatJson, formatMarkdown, formatSarif, formatText } from "../format/index.js";
import { activeRules } from "../rules/index.js";
import type { SecretGuard } from "../secrets/guard.js";
import { redactSecrets } from "../secrets/redact.js";
import { runSecretGuard } from "../secrets/run-secrets.js";
import { escapeControls } from "../text/controls.js";
import { LEVELS, type Level, levelRank, type PullRequestFacts, type Report } from "../types.js";
import { didYouMean } from "../util/did-you-mean.js";
import { FileError, type InputCap, readFileBounded, readStreamBounded, writeFileAtomic } from "./files.js";
import { branchDiff, GitError, git, isGitRepository } from "./git.js";

export const VERSION = "0.1.0";

/** Exit codes: 0 ok, 1 --fail-on level reached, 2 anything else (usage, input, output or internal error). */
export const EXIT_OK = 0;
export const EXIT_FAIL_ON = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {
  override name = "UsageError";
}

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Standard input: the process's stream, or a buffer in tests. Read only through a bounded reader. */
  readStdin: () => Buffer | AsyncIterable<Uint8Array>;
  cwd: string;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

const USAGE = `Usage:
  ai-review-gate scan [options]        analyse a diff and print the report
  ai-review-gate protect --repo OWNER/REPO [--branch main] [--dry-run] [--app-id N]
                                       require the AI Review Gate check on a branch
  ai-review-gate help [COMMAND] | COMMAND --help | --version
`;

const HELP = `ai-review-gate ${VERSION}: risk report for a diff, as the GitHub Action and App compute it.

${USAGE}
Exit codes: 0 done, 1 --fail-on reached, 2 usage, input, output or internal error.
`;

/** Input caps (README, "The CLI"): a diff or PR facts past them are refused, never read whole. */
export const DEFAULT_MAX_DIFF_MB = 100;
export const MAX_PR_FACTS_BYTES = 16 * 1024 * 1024;

const SCAN_HELP = `Usage: ai-review-gate scan [options]

Analyse a diff and print the risk report.

Options:
  --diff FILE        unified diff to scan ("-" reads stdin). Without it, inside a git
                     repository: the current branch against its merge base with the
                     default branch, with branch name and commits as PR facts
  --base REF         base for the git mode (default: origin/HEAD, main or master)
  --pr FILE          PR facts as JSON (author_login, author_type, head_ref, title, body,
                     commits [{message, author_name, author_email}], labels; "-" reads stdin)
  --config FILE      config file (default: .github/ai-review-gate.yml when present)
  --format F         text (default), json, markdown or sarif
  --output FILE      write the report to FILE (atomically) instead of stdout
  --fail-on LVL      exit 1 when the risk level is LVL or above (low|medium|high|critical)
  --max-diff-mb N    refuse a diff larger than N MiB (default ${DEFAULT_MAX_DIFF_MB})
  --no-color         never color the text output (FORCE_COLOR forces it, NO_COLOR turns
                     it off; default: color on a terminal only)
  -h, --help         show this help

Caps: the diff ${DEFAULT_MAX_DIFF_MB} MiB (--max-diff-mb), PR facts ${MAX_PR_FACTS_BYTES / 1024 / 1024} MiB, the config ${MAX_CONFIG_BYTES / 1024 / 1024} MiB.
Exit codes: 0 report written, 1 --fail-on reached, 2 usage, input, output or internal error.
`;

const SCAN_OPTIONS = {
  diff: { type: "string" },
  base: { type: "string" },
  pr: { type: "string" },
  config: { type: "string" },
  format: { type: "string", default: "text" },
  output: { type: "string", short: "o" },
  "fail-on": { type: "string" },
  "max-diff-mb": { type: "string" },
  "no-color": { type: "boolean", default: false },
} as const;

const FORMATS = ["text", "json", "markdown", "sarif"] as const;

async function readInput(path: string, io: CliIO, cap: InputCap, label: string): Promise<Buffer> {
  if (path === "-") return readStreamBounded(io.readStdin(), cap, label);
  return readFileBounded(resolve(io.cwd, path), cap, label);
}

const CONFIG_CAP: InputCap = { bytes: MAX_CONFIG_BYTES, what: "a config file" };
const PR_FACTS_CAP: InputCap = { bytes: MAX_PR_FACTS_BYTES, what: "PR facts" };

/** The config: the given file, else the default path when it exists, else the defaults. */
async function loadConfig(path: string | undefined, io: CliIO): Promise<{ config: Config; file: string | null }> {
  const file = path ?? resolve(io.cwd, DEFAULT_CONFIG_PATH);
  if (!path && !existsSync(file)) return { config: defaultConfig(), file: null };
  const bytes = await readInput(file, io, CONFIG_CAP, "config");
  const config = parseConfigText(bytes.toString("utf8"), path ?? DEFAULT_CONFIG_PATH);
  const central = extendsNotApplied(config);
  if (central) io.stderr(`ai-review-gate: warning: ${central}\n`);
  return { config, file };
}

/**
 * Color for the text format: --no-color always wins; then FORCE_COLOR (any value but 0/false forces it,
 * as Node does); then NO_COLOR; else only on a terminal, never into a file.
 */
export function useColor(env: NodeJS.ProcessEnv, isTTY: boolean, noColorFlag: boolean, toFile: boolean): boolean {
  if (noColorFlag) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !/^(?:0|false)$/i.test(force.trim());
  if (env.NO_COLOR) return false;
  return isTTY && !toFile;
}

function parsePrFacts(buf: Buffer, source: string): PullRequestFacts {
  let value: unknown;
  try {
    value = JSON.parse(buf.toString("utf8"));
  } catch (e) {
    // V8 quotes the text around the error ("…"abc"… is not valid JSON"): a cut secret nothing could mask.
    const reason = (e as Error).message.replace(/,\s*(?:\.\.\.)?".*$/s, "");
    throw new UsageError(`--pr ${source} is not valid JSON: ${reason}`);
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

/** The guard of the first 64 KiB of an input, for error messages that quote it cut. */
function inputGuard(input: Buffer | string): SecretGuard {
  const head = typeof input === "string" ? input.slice(0, 65_536) : input.subarray(0, 65_536).toString("utf8");
  return runSecretGuard({ files: [], others: [head] });
}

function parseMegabytes(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number of MiB (got "${value}")`);
  return Math.floor(n * 1024 * 1024);
}

async function scan(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args: argv, options: SCAN_OPTIONS, strict: true, allowPositionals: false });
  const format = values.format;
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(
      `--format must be text, json, markdown or sarif (got "${format}")${didYouMean(format, FORMATS)}`,
    );
  const failOn = parseLevel(values["fail-on"], "--fail-on");
  const diffCap: InputCap = {
    bytes: parseMegabytes(values["max-diff-mb"], "--max-diff-mb", DEFAULT_MAX_DIFF_MB * 1024 * 1024),
    what: "a diff",
    raise: "--max-diff-mb N",
  };
  if (values.diff === "-" && values.pr === "-") throw new UsageError("--diff and --pr cannot both read stdin");
  const { config, file: configFile } = await loadConfig(values.config, io);

  let diff: Buffer | string;
  let pr: PullRequestFacts | null = values.pr
    ? parsePrFacts(await readInput(values.pr, io, PR_FACTS_CAP, "PR facts"), values.pr)
    : null;
  if (values.diff) {
    diff = await readInput(values.diff, io, diffCap, "diff");
  } else {
    if (!isGitRepository(io.cwd))
      throw new UsageError("no --diff given and not inside a git repository (see scan --help)");
    const branch = branchDiff(io.cwd, values.base, diffCap.bytes);
    diff = branch.diff;
    if (!pr) {
      const log = git(gitLogArgs(branch.mergeBase), io.cwd, MAX_PR_FACTS_BYTES);
      pr = pullRequestFactsFromGit({ branch: branch.branch, log, base: branch.base });
    }
    if (diff.trim() === "") io.stderr(`nothing to scan: HEAD has no changes against ${escapeControls(branch.base)}\n`);
  }

  let report: Report;
  try {
    report = await analyze({ diff, pr, config });
  } catch (e) {
    // The parser's message quotes the input's first line, cut: mask what the start of the input holds.
    if (e instanceof DiffParseError) e.message = inputGuard(diff).mask(e.message).text;
    throw e;
  }
  let output: string;
  if (format === "json") output = formatJson(report);
  else if (format === "markdown") output = formatMarkdown(report, { routes: config.gate.routes });
  else if (format === "sarif") output = formatSarif(report, { rules: activeRules(config), toolVersion: VERSION });
  else output = formatText(report, { color: useColor(io.env, io.isTTY, values["no-color"], !!values.output) });

  if (values.output) {
    const inputs: [string, string][] = [];
    for (const [flag, path] of [
      ["--diff", values.diff],
      ["--pr", values.pr],
      ["--config", configFile],
    ] as const)
      if (path) inputs.push([flag, resolve(io.cwd, path)]);
    writeFileAtomic(resolve(io.cwd, values.output), output, inputs, values.output);
  } else io.stdout(output);

  if (failOn && levelRank(report.risk.level) >= levelRank(failOn)) {
    io.stderr(`risk level ${report.risk.level} (score ${report.risk.score}) reaches --fail-on ${failOn}\n`);
    return EXIT_FAIL_ON;
  }
  return EXIT_OK;
}

export type CommandHandler = (argv: string[], io: CliIO) => Promise<number>;

interface Command {
  run: CommandHandler;
  /** Printed for `COMMAND --help` and `help COMMAND`. */
  help: string;
  /** Long flags the command accepts, for "did you mean" on a mistyped one. */
  flags: readonly string[];
}

const commands = new Map<string, Command>([
  ["scan", { run: scan, help: SCAN_HELP, flags: [...Object.keys(SCAN_OPTIONS), "help"] }],
]);

/**
 * Lets the entry point (index.ts) plug in subcommands that need the network (`protect`): `scan` and
 * this module's importers then load no GitHub client.
 */
export function registerCommand(
  name: string,
  run: CommandHandler,
  about: { help: string; flags: readonly string[] } = { help: USAGE, flags: [] },
): void {
  commands.set(name, { run, ...about, flags: [...about.flags, "help"] });
}

function wantsHelp(argv: readonly string[]): boolean {
  for (const arg of argv) {
    if (arg === "--") return false;
    if (arg === "--help" || arg === "-h") return true;
  }
  return false;
}

/**
 * One line (or, for a config, one line per problem), with secrets masked and every control character
 * escaped: messages quote input (JSON.parse quotes the text near the error, git its stderr).
 */
function errorLine(message: string): string {
  return `ai-review-gate: ${redactSecrets(message).split("\n").map(escapeControls).join("\n")}\n`;
}

function parseArgsMessage(e: Error, command: string): string {
  const unknown = /^Unknown option '(-{1,2}[^']*)'/.exec(e.message);
  const known = commands.get(command)?.flags ?? [];
  if (unknown) {
    const flag = unknown[1]!;
    const hint = flag.startsWith("--") ? didYouMean(flag.slice(2), known, (f) => `--${f}`) : "";
    return `unknown option ${flag} for ${command}${hint} (see ${command} --help)`;
  }
  return `${e.message.split(". ")[0]} (see ${command} --help)`;
}

/**
 * Help asked for goes to stdout with exit 0; usage errors go to stderr with exit 2, with a suggestion for
 * a mistyped command or flag. Every error is one line: no stack trace (AI_REVIEW_GATE_DEBUG=1 adds it for
 * internal errors).
 */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === "--help" || command === "-h") {
      io.stdout(HELP);
      return EXIT_OK;
    }
    if (command === "help") {
      const topic = rest[0];
      if (topic === undefined) io.stdout(HELP);
      else {
        const cmd = commands.get(topic);
        if (!cmd) throw new UsageError(`no help for unknown command "${topic}"${didYouMean(topic, commands.keys())}`);
        io.stdout(cmd.help);
      }
      return EXIT_OK;
    }
    if (command === "--version" || command === "-v") {
      io.stdout(`${VERSION}\n`);
      return EXIT_OK;
    }
    if (!command) {
      io.stderr(HELP);
      return EXIT_USAGE;
    }
    const cmd = commands.get(command);
    if (!cmd) {
      const hint = command.startsWith("-") ? "" : didYouMean(command, commands.keys());
      throw new UsageError(`unknown command "${command}"${hint} (see --help)`);
    }
    if (wantsHelp(rest)) {
      io.stdout(cmd.help);
      return EXIT_OK;
    }
    return await cmd.run(rest, io);
  } catch (e) {
    if (
      e instanceof UsageError ||
      e instanceof DiffParseError ||
      e instanceof ConfigError ||
      e instanceof GitError ||
      e instanceof FileError
    ) {
      io.stderr(errorLine(e.message));
      return EXIT_USAGE;
    }
    const code = (e as { code?: string }).code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
      io.stderr(errorLine(parseArgsMessage(e as Error, command ?? "")));
      return EXIT_USAGE;
    }
    io.stderr(errorLine(`internal error: ${e instanceof Error ? e.message : String(e)} (please report it)`));
    if (io.env.AI_REVIEW_GATE_DEBUG && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return EXIT_USAGE;
  }
}
