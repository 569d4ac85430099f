/**
 * Shell commands and recursive deletes written in program code: `subprocess.run(["rm", "-rf", d])`,
 * `os.system(f"rm -rf {d}")`, `execSync("rm -rf " + d)`, `system("rm -rf #{d}")`,
 * `exec.Command("rm", "-rf", d)`, and the libraries' own recursive deletes (`shutil.rmtree`,
 * `FileUtils.rm_rf`, `fs.rmSync(…, { recursive: true })`, `os.RemoveAll`). Each is turned into the shell
 * text it amounts to, so one classifier judges the target: a value computed at run time becomes `$V`,
 * quoted when the call passes it as one argument (no word splitting), unquoted inside a shell string.
 * One line at a time, bounded: a call whose arguments span lines is not read.
 */

/** A run-time value in the shell text; `$HOME` when the code names the home directory. */
const VALUE = "$V";
const HOME = "$HOME";

/** Calls that run a shell string (first argument) or an argv list / argument list. */
const SPAWN =
  /\b(?:subprocess\.(?:run|call|check_call|check_output|Popen)|os\.(?:system|popen)|(?:child_process\.)?(?:execSync|execFileSync|spawnSync|execFile|spawn|exec)|execa(?:Sync|Command|CommandSync)?|Kernel\.system|system|exec\.Command(?:Context)?|Open3\.\w+)\s*\(/g;
/** Ruby backtick commands and `%x(…)`; in JavaScript only zx's tagged `` $`…` ``. */
const RUBY_BACKTICK = /(?:^|[\s=(;])`([^`\n]{1,400})`|%x\(([^)\n]{1,400})\)/g;
const ZX_BACKTICK = /\$`([^`\n]{1,400})`()/g;
/** Library recursive deletes and the argument that names the tree. */
const LIBRARY_DELETE =
  /\b(shutil\.rmtree|FileUtils\.(?:rm_rf|rm_r|remove_dir|remove_entry)|(?:fs(?:\.promises)?|fse|fsPromises)\.(?:rmSync|rm|rmdirSync|rmdir|remove|removeSync|emptyDirSync)|rimraf(?:\.sync)?|os\.RemoveAll)\s*\(/g;
const ENV_VALUE =
  /^(?:os\.environ(?:\.get)?[[(]|os\.getenv\(|process\.env\b|ENV\[|ENV\.fetch\(|os\.Getenv\(|Deno\.env\.get\()/;
const HOME_VALUE =
  /^(?:Path\.home\(\)|os\.path\.expanduser\(\s*["']~["']\s*\)|os\.homedir\(\)|Dir\.home\b|os\.UserHomeDir\(\))/;

/**
 * Walk `text` from `start`, skipping quoted strings, with the bracket depth after each character;
 * stops when `visit` returns true. Bounded to 2000 characters.
 */
function walkTopLevel(text: string, start: number, visit: (i: number, c: string, depth: number) => boolean): void {
  let depth = 0;
  let quote: string | null = null;
  for (let i = start; i < text.length && i < start + 2000; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    if (visit(i, c, depth)) return;
  }
}

/** The text of a call's argument list starting after `open` (the index of its `(`), or null when it does not close on the line. */
function argumentText(line: string, open: number): string | null {
  let out: string | null = null;
  walkTopLevel(line, open, (i, c, depth) => {
    if (depth === 0 && (c === ")" || c === "]" || c === "}")) out = line.slice(open + 1, i);
    return depth === 0;
  });
  return out;
}

/** Split at top-level occurrences of `sep` (quotes and brackets respected). */
function splitTop(text: string, sep: string): string[] {
  const out: string[] = [];
  let start = 0;
  walkTopLevel(text, 0, (i, c, depth) => {
    if (c === sep && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
    return false;
  });
  out.push(text.slice(start));
  return out.map((p) => p.trim()).filter((p) => p !== "");
}

const INTERPOLATION = /\$\{[^}]{0,200}\}|#\{[^}]{0,200}\}/g;
const PY_INTERPOLATION = /\{[^{}]{0,200}\}/g;

/**
 * The shell text of an expression: literals as written (interpolations become `$V`), other values
 * `$V` (`$HOME` for the home directory), joined across `+`.
 */
export function shellTextOf(expression: string): string {
  return splitTop(expression, "+")
    .map((piece) => {
      const lit = /^([fFrRbBuU]{0,2})(["'`])([\s\S]*)\2$/.exec(piece);
      if (!lit) return HOME_VALUE.test(piece) ? HOME : VALUE;
      const [, prefix, , body] = lit as unknown as [string, string, string, string];
      const interpolated = body.replace(INTERPOLATION, VALUE);
      // Python f-strings interpolate `{expr}`.
      return /f/i.test(prefix) ? interpolated.replace(PY_INTERPOLATION, VALUE) : interpolated;
    })
    .join("");
}

/** An argv list (`["rm", "-rf", d]` or `"rm", "-rf", d`) as shell text: computed values stay one word. */
function argvText(items: readonly string[]): string {
  return items
    .map((item) => {
      const t = shellTextOf(item);
      return t.includes("$") ? `"${t}"` : t;
    })
    .join(" ");
}

/** Shell commands that calls on this line of program code (in `language`: its file extension) run, as shell text (at most five). */
export function embeddedShellCommands(line: string, language: string): string[] {
  const out: string[] = [];
  SPAWN.lastIndex = 0;
  for (let m = SPAWN.exec(line); m && out.length < 5; m = SPAWN.exec(line)) {
    const args = argumentText(line, m.index + m[0].length - 1);
    if (args === null) continue;
    const parts = splitTop(args, ",").filter((p) => !/^\w+\s*[=:]/.test(p) || /^["'`]/.test(p));
    const first = parts[0];
    if (!first) continue;
    if (first.startsWith("[")) out.push(argvText(splitTop(first.slice(1, -1), ",")));
    else if (parts.length > 1 && /^["'`]/.test(parts[1]!)) out.push(argvText(parts));
    else if (parts.length > 1 && parts[1]!.startsWith("["))
      out.push(argvText([first, ...splitTop(parts[1]!.slice(1, -1), ",")]));
    else out.push(shellTextOf(first));
  }
  const backtick = language === "rb" ? RUBY_BACKTICK : ZX_BACKTICK;
  backtick.lastIndex = 0;
  for (let m = backtick.exec(line); m && out.length < 5; m = backtick.exec(line))
    out.push((m[1] || m[2]!).replace(INTERPOLATION, VALUE));
  return out;
}

/** Recursive deletes through a language's file library: the call and the tree it deletes, as shell text. */
export function libraryDeletes(line: string): { call: string; target: string; fromEnvironment: boolean }[] {
  const out: { call: string; target: string; fromEnvironment: boolean }[] = [];
  LIBRARY_DELETE.lastIndex = 0;
  for (let m = LIBRARY_DELETE.exec(line); m && out.length < 5; m = LIBRARY_DELETE.exec(line)) {
    const args = argumentText(line, m.index + m[0].length - 1);
    if (args === null) continue;
    const parts = splitTop(args, ",");
    const first = parts[0];
    if (!first) continue;
    // Node's fs.rm/rmSync only delete a tree with `recursive: true`.
    if (
      /^(?:fs|fse|fsPromises)/.test(m[1]!) &&
      /\.rm(?:Sync)?$|rmdir/.test(m[1]!) &&
      !/recursive\s*:\s*true/.test(args)
    )
      continue;
    const root = splitTop(first, "+")[0] ?? first;
    out.push({ call: m[1]!, target: shellTextOf(first), fromEnvironment: ENV_VALUE.test(root) });
  }
  return out;
}
