// biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell variables in the samples are literal text
import { embeddedShellCommands, libraryDeletes } from "../../diff/embedded-commands.js";
import { quote } from "../../text/quote.js";
import type { Severity } from "../../types.js";
import { extensionOf } from "../../util/paths.js";
import { type Hit, linePatternRule } from "../line-pattern.js";

// `rm` as a command word (start, after a separator, sudo, xargs or an opening quote), then its arguments.
const RM_COMMAND = /(?:^|[\s;&|(`"'{])rm\s+([^;&|)`\n]{1,400})/g;
// `git rm -r`, `docker rm`, `npm rm`...: a subcommand, not coreutils rm.
const SUBCOMMAND_OWNER = /\b(?:git|npm|yarn|pnpm|bun|docker|podman|kubectl|helm|cargo|pip|conda|brew|gh|poetry|uv)\s+$/;

interface Verdict {
  severity: Severity;
  why: string;
}

const SHELL_VAR = /^\$(?:\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)$/;
const SHELL_VAR_SLASH = /^\$(?:\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)\/\*?$/;
const OTHER_VAR_SLASH = /^(?:\$\(\w+\)|\$\$\{?\w+\}?|\$\{\{[^}]{1,80}\}\})\/\*?$/;

/** Why deleting this target is dangerous, or null when it is an ordinary path. */
export function classifyRmTarget(raw: string): Verdict | null {
  const unescaped = raw.replace(/\\(["'])/g, "$1");
  const quoted = /["']/.test(unescaped);
  const t = unescaped.replace(/["']/g, "");
  if (t === "/" || t === "/*" || t === "/." || t === "//")
    return { severity: "critical", why: "deletes the root filesystem" };
  if (/^(?:~|\$HOME|\$\{HOME\})\/?\*?$/.test(t)) return { severity: "critical", why: "deletes the home directory" };
  if (SHELL_VAR_SLASH.test(t))
    return {
      severity: "critical",
      why: `becomes \`rm -rf /${t.endsWith("*") ? "*" : ""}\` when ${t.replace(/\/\*?$/, "")} is empty`,
    };
  if (OTHER_VAR_SLASH.test(t))
    return { severity: "high", why: "deletes from the filesystem root when the variable is empty" };
  if (SHELL_VAR.test(t) && !quoted)
    return { severity: "high", why: "an unquoted variable: empty, spaced or glob values delete unexpected paths" };
  if (t === "*" || t === "./*" || t === ".*")
    return { severity: "high", why: "deletes everything in the working directory" };
  return null;
}

/** Dangerous targets of an `rm` invocation with a recursive flag, or [] when none. */
export function dangerousRmTargets(args: string): { target: string; verdict: Verdict }[] {
  const tokens = args.trim().split(/\s+/).slice(0, 40);
  let recursive = false;
  let endOfOptions = false;
  const targets: string[] = [];
  for (const tok of tokens) {
    const bare = tok.replace(/["']/g, "");
    if (!endOfOptions && bare === "--") {
      endOfOptions = true;
      continue;
    }
    if (!endOfOptions && /^--?[A-Za-z]/.test(bare)) {
      if (/^-[A-Za-z]*[rR]/.test(bare) || bare === "--recursive") recursive = true;
      continue;
    }
    if (bare === "" || bare.startsWith("#") || bare.startsWith(">") || bare.startsWith("2>")) break;
    targets.push(tok.replace(/,+$/, ""));
  }
  if (!recursive) return [];
  const out: { target: string; verdict: Verdict }[] = [];
  for (const target of targets) {
    // `${VAR:?}` aborts when VAR is unset or empty: the safe spelling.
    if (target.includes(":?")) continue;
    const verdict = classifyRmTarget(target);
    if (verdict) out.push({ target, verdict });
  }
  return out;
}

/** Every dangerous target of every `rm` command on a line (at most ten commands). */
function rmHits(text: string): Hit[] {
  const hits: Hit[] = [];
  RM_COMMAND.lastIndex = 0;
  for (let m = RM_COMMAND.exec(text), n = 0; m && n < 10; m = RM_COMMAND.exec(text), n++) {
    if (SUBCOMMAND_OWNER.test(text.slice(Math.max(0, m.index - 30), m.index + 1))) continue;
    for (const { target, verdict } of dangerousRmTargets(m[1]!))
      hits.push({ label: target, detail: verdict.why, severity: verdict.severity });
  }
  return hits;
}

/** Program code that can run commands or delete trees through its file library. */
const CODE = new Set(["py", "js", "mjs", "cjs", "ts", "mts", "cts", "rb", "go", "php", "rake"]);

/** `rm` inside a command that program code runs (`subprocess`, `os.system`, `execSync`, `system`, backticks). */
function spawnedRmHits(text: string, path: string): Hit[] {
  const ext = extensionOf(path);
  if (!CODE.has(ext)) return [];
  return embeddedShellCommands(text, ext).flatMap(rmHits);
}

/**
 * Library deletes of a whole tree (`shutil.rmtree`, `FileUtils.rm_rf`, `fs.rmSync(…, {recursive})`,
 * `os.RemoveAll`), judged like `rm -rf` of a quoted path, and high when the root comes from the
 * environment (unset or empty, it deletes the working directory or another tree).
 */
function libraryDeleteHits(text: string, path: string): Hit[] {
  if (!CODE.has(extensionOf(path))) return [];
  const hits: Hit[] = [];
  for (const d of libraryDeletes(text)) {
    const verdict =
      classifyRmTarget(`"${d.target}"`) ??
      (d.fromEnvironment
        ? {
            severity: "high" as const,
            why: "takes its root from the environment: unset or empty, it deletes another tree",
          }
        : null);
    if (verdict) hits.push({ label: `${d.call}(${d.target})`, detail: verdict.why, severity: verdict.severity });
  }
  return hits;
}

export const recursiveDeleteRule = linePatternRule({
  id: "destructive-command/recursive-delete",
  category: "destructive-command",
  description:
    "`rm -rf` (or `rm -r`) on /, ~, *, or a variable that may be empty or unquoted, also run from program code (subprocess, os.system, execSync, system) or done by a file library (shutil.rmtree, FileUtils.rm_rf, fs.rmSync recursive, os.RemoveAll).",
  severity: "high",
  remediation:
    'Delete a fixed, specific path; guard variables with "\u0024{VAR:?}" and quote them; never glob the working directory.',
  docs: {
    severity: "critical / high",
    detects:
      '`rm -r`/`rm -rf` on `/`, `/*`, `~`, `$HOME` (critical); on `$VAR/` or `"$VAR"/*` where an empty variable makes it `rm -rf /` (critical; `${VAR:?}` is the safe spelling and is not reported); on an unquoted `$VAR`, `$(MAKEVAR)/`, or a bare `*` (high). Ordinary paths (`/var/lib/apt/lists/*`, `"$DIR"/sub`) and `git rm`/`docker rm` are not reported. The same judgement applies to commands run from Python, JavaScript/TypeScript, Ruby, Go and PHP (`subprocess.run(["rm", "-rf", d])` passes `d` as one quoted word, `os.system("rm -rf " + d)` unquoted; f-strings, template literals and `#{}` become variables) and to library deletes of a tree (`shutil.rmtree`, `FileUtils.rm_rf`, `fs.rmSync(…, { recursive: true })`, `rimraf`, `os.RemoveAll`), where a root taken from the environment (`os.environ.get(…)`, `process.env.X`, `ENV[…]`) is high.',
  },
  scope: "commands",
  lines: "commands",
  hint: /\brm\b|rmtree|rm_rf|rm_r\b|remove_dir|RemoveAll|rmSync|rimraf|fs\w*\.(?:rm|remove)/,
  patterns: [
    { keyword: "rm ", detect: rmHits },
    { keyword: "rm", detect: (text, at) => spawnedRmHits(text, at.path) },
    { detect: (text, at) => libraryDeleteHits(text, at.path) },
  ],
  message: (hit, file, text) =>
    `${/^[A-Za-z_][\w.]*\(/.test(hit.label) ? hit.label : `\`rm\` on ${hit.label}`} in ${file} ${hit.detail}: ${quote(text, 100)}`,
  samples: {
    path: "scripts/clean.sh",
    match: [
      "rm -rf /",
      "sudo rm -rf ~/",
      'rm -rf "$BUILD_DIR"/*',
      "rm -fr ${OUT}/",
      "rm -rf $TMP",
      "cd out && rm -r *",
    ],
    noMatch: [
      "rm -rf /var/lib/apt/lists/*",
      'rm -rf "${DIR:?}/"',
      'rm -rf "$DIR"',
      "git rm -r --cached *",
      "# rm -rf /",
      "rm ./file /",
    ],
  },
});
