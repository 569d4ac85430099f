import parseDiffLib from "parse-diff";
import type { ChangedFile, DiffLine, FileStatus, Hunk, HunkChange } from "./model.js";

/** Thrown for input that is not a unified diff. The CLI maps it to exit code 2. */
export class DiffParseError extends Error {
  override name = "DiffParseError";
}

export interface ParsedDiff {
  files: ChangedFile[];
  warnings: string[];
}

/** Header facts parse-diff does not keep: renames, copies, binary markers, similarity. */
interface GitHeaderMeta {
  renameFrom?: string;
  renameTo?: string;
  binary: boolean;
  similarity?: number;
}

const GIT_HEADER = /^diff --git /;
const HUNK_HEADER = /^@@+ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@+ ?(.*)$/;
const DIFF_HEADER_ANYWHERE = /^(?:diff --git |--- |\+\+\+ |@@ -\d)/m;
const HEADER_FACT = "(?:rename from |rename to |copy from |copy to |similarity index |Binary files |GIT binary patch)";
/** Sticky: tried only where a line starts, while the section's lines are read anyway. */
const HEADER_FACT_AT = new RegExp(HEADER_FACT, "y");
/** First characters of the header facts ("r", "c", "s", "B", "G"): other lines are not tried. */
const HEADER_FACT_FIRST_CHARS = new Set([114, 99, 115, 66, 71]);

/** Decode bytes as UTF-8, replacing invalid sequences instead of failing: a diff may carry Latin-1 files. */
export function decodeDiff(input: string | Uint8Array): string {
  if (typeof input === "string") return input;
  return new TextDecoder("utf-8", { fatal: false }).decode(input);
}

const GIT_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };
/** A C-quoted path body: every backslash starts one of git's escapes (`\303`, `\n`, `\"`, `\\`). */
const GIT_QUOTED_BODY = /^(?:[^\\]|\\(?:[0-3][0-7]{2}|[abtnvfr"\\]))*$/;

/**
 * A path as git prints it, decoded: git C-quotes names with non-ASCII bytes, controls, quotes or
 * backslashes (`"db/003_donn\303\251es.sql"`), octal escapes being UTF-8 bytes. parse-diff strips the
 * quotes but keeps the escapes, so an unquoted path is decoded too when every backslash in it is a valid
 * git escape (git never prints a raw backslash in a path). Invalid UTF-8 becomes U+FFFD.
 */
function unquoteGitPath(p: string): string {
  let s = p.trim();
  const quoted = s.length >= 2 && s.startsWith('"') && s.endsWith('"');
  if (quoted) s = s.slice(1, -1);
  if (!s.includes("\\") || !GIT_QUOTED_BODY.test(s)) return s;
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== "\\") {
      bytes.push(...Buffer.from(c, "utf8"));
      continue;
    }
    const next = s[i + 1]!;
    if (next >= "0" && next <= "3") {
      bytes.push(Number.parseInt(s.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(GIT_ESCAPES[next]!);
      i++;
    }
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Uint8Array.from(bytes));
}

/**
 * Walk the raw lines once to collect what parse-diff drops, one record per `diff --git` section,
 * tracking hunk line counts so that content lines that look like headers are not misread.
 */
function scanGitHeaders(lines: string[]): GitHeaderMeta[] {
  const metas: GitHeaderMeta[] = [];
  let current: GitHeaderMeta | null = null;
  let oldLeft = 0;
  let newLeft = 0;
  for (const line of lines) {
    if (oldLeft > 0 || newLeft > 0) {
      const c = line[0];
      if (c === "+") newLeft--;
      else if (c === "-") oldLeft--;
      else if (c === "\\") continue;
      else {
        oldLeft--;
        newLeft--;
      }
      continue;
    }
    if (GIT_HEADER.test(line)) {
      current = { binary: false };
      metas.push(current);
      continue;
    }
    if (!current) continue;
    const hunk = HUNK_HEADER.exec(line);
    if (hunk) {
      oldLeft = hunkCount(hunk[2]);
      newLeft = hunkCount(hunk[4]);
      continue;
    }
    if (line.startsWith("rename from ") || line.startsWith("copy from ")) {
      current.renameFrom = unquoteGitPath(line.slice(line.indexOf("from ") + 5));
    } else if (line.startsWith("rename to ") || line.startsWith("copy to ")) {
      current.renameTo = unquoteGitPath(line.slice(line.indexOf("to ") + 3));
    } else if (line.startsWith("similarity index ")) {
      current.similarity = Number.parseInt(line.slice(17), 10);
    } else if (line.startsWith("Binary files ") || line === "GIT binary patch") {
      current.binary = true;
    }
  }
  return metas;
}

function cleanPath(p: string | undefined): string | undefined {
  if (p === undefined || p === "/dev/null") return undefined;
  return unquoteGitPath(p);
}

/** One file of a section as parse-diff would split it: its header lines (for parse-diff) and its hunks. */
interface RawFile {
  /** The lines parse-diff reads the paths, modes and new/deleted markers from (or the `@@` line that opened the file). */
  header: string[];
  /** Opened by its first hunk header (a diff without file headers): parse-diff reads paths from that line. */
  openedByHunk: boolean;
  /** The header has lines that set the old path (`---`, `new file mode`) and the new path (`+++`, `deleted file mode`). */
  setsFrom: boolean;
  setsTo: boolean;
  hunks: Hunk[];
  /** Per hunk: fewer lines than its header counts (the diff ends early or was cut). */
  truncated: boolean[];
  added: DiffLine[];
  removed: DiffLine[];
}

/**
 * parse-diff's header patterns, in its order of precedence; a line opening a file (`diff `) or, after a
 * file's first hunk, any other header line starts the next file, as parse-diff does for non-git diffs.
 */
const FILE_OPENER = /^diff\s/;
const HEADER_LINES = [
  /^new file mode (\d+)$/,
  /^deleted file mode (\d+)$/,
  /^old mode (\d+)$/,
  /^new mode (\d+)$/,
  /^index\s[\da-zA-Z]+\.\.[\da-zA-Z]+(\s(\d+))?$/,
  /^---\s/,
  /^\+\+\+\s/,
];
const [NEW_FILE_MODE, DELETED_FILE_MODE, OLD_PATH, NEW_PATH] = [0, 1, 5, 6];
const CHUNK_HEADER = /^@@\s+-(\d+),?(\d+)?\s+\+(\d+),?(\d+)?\s@@/;
/** First characters of every header pattern: any other line outside a hunk is ignored, as parse-diff does. */
const HEADER_FIRST_CHARS = "dnoi-+@";

/** A hunk header's line count: absent means 1 (`@@ -3 +3 @@`). */
function hunkCount(n: string | undefined): number {
  return n === undefined || n === "" ? 1 : Number(n);
}

function newRawFile(header: string[], openedByHunk = false): RawFile {
  return { header, openedByHunk, setsFrom: false, setsTo: false, hunks: [], truncated: [], added: [], removed: [] };
}

/** A hunk is truncated when its body has fewer lines than its header counts. */
function isTruncated(hunk: Hunk, seenOld: number, seenNew: number): boolean {
  return seenOld < hunk.oldLines || seenNew < hunk.newLines;
}

/**
 * Split a section into files and read their hunk bodies, with parse-diff's semantics: outside a hunk only
 * header lines count; inside one, a line is removed ("-"), added ("+") or context (anything else, its
 * first character dropped) until both of the header's counts are used up exactly. Hunk bodies are most
 * of a diff: reading them here makes one object per line, shared by the hunk and its side, instead of
 * parse-diff's copies.
 * "\\ No newline at end of file" markers (and their translations) carry nothing the model keeps: skipped.
 */
function readSection(section: string): { raw: RawFile[]; headerFacts: boolean } {
  const raw: RawFile[] = [];
  // Does any line start with a header fact parse-diff drops (renames, copies, binaries)?
  let headerFacts = false;
  let file: RawFile | null = null;
  let hunk: Hunk | null = null;
  // The current hunk's lists (locals, not closures' variables: this loop runs once per diff line).
  let changes: HunkChange[] = [];
  let added: DiffLine[] = [];
  let removed: DiffLine[] = [];
  let inBody = false;
  let oldLeft = 0;
  let newLeft = 0;
  let oldLine = 0;
  let newLine = 0;
  let seenOld = 0;
  let seenNew = 0;
  const len = section.length;
  for (let pos = 0; pos <= len; ) {
    let eol = section.indexOf("\n", pos);
    if (eol < 0) eol = len;
    const start = pos;
    pos = eol + 1;
    const first = start < eol ? section.charCodeAt(start) : -1;
    if (!headerFacts && HEADER_FACT_FIRST_CHARS.has(first)) {
      HEADER_FACT_AT.lastIndex = start;
      headerFacts = HEADER_FACT_AT.test(section);
    }
    if (first === 92 /* \\ */) continue;
    if (inBody) {
      const content = section.slice(start + 1, eol);
      if (first === 45 /* - */) {
        // One object per changed line, in both views: the hunk's change and the side's DiffLine (`line`).
        const change = { type: "del" as const, content, oldLine, line: oldLine };
        changes.push(change);
        removed.push(change);
        oldLine++;
        oldLeft--;
        seenOld++;
      } else if (first === 43 /* + */) {
        const change = { type: "add" as const, content, newLine, line: newLine };
        changes.push(change);
        added.push(change);
        newLine++;
        newLeft--;
        seenNew++;
      } else {
        changes.push({ type: "context", content, oldLine, newLine });
        oldLine++;
        newLine++;
        oldLeft--;
        newLeft--;
        seenOld++;
        seenNew++;
      }
      if (oldLeft === 0 && newLeft === 0) inBody = false;
      continue;
    }
    if (first < 0 || !HEADER_FIRST_CHARS.includes(String.fromCharCode(first))) continue;
    const line = section.slice(start, eol);
    const opener = FILE_OPENER.test(line);
    const kind = opener ? -1 : HEADER_LINES.findIndex((re) => re.test(line));
    const hunkHeader = opener || kind >= 0 ? null : CHUNK_HEADER.exec(line);
    if (!opener && kind < 0 && !hunkHeader) continue;
    // Any header line ends the hunk before it; a header line after a file's hunks opens the next file.
    if (file && hunk) file.truncated.push(isTruncated(hunk, seenOld, seenNew));
    hunk = null;
    if (opener || (kind >= 0 && (!file || file.hunks.length > 0)) || (hunkHeader && !file)) {
      file = newRawFile(opener || kind >= 0 ? [] : [line], !!hunkHeader);
      raw.push(file);
      added = file.added;
      removed = file.removed;
    }
    if (!hunkHeader) {
      file!.header.push(line);
      if (kind === NEW_FILE_MODE || kind === OLD_PATH) file!.setsFrom = true;
      if (kind === DELETED_FILE_MODE || kind === NEW_PATH) file!.setsTo = true;
      continue;
    }
    oldLine = Number(hunkHeader[1]);
    newLine = Number(hunkHeader[3]);
    oldLeft = hunkCount(hunkHeader[2]);
    newLeft = hunkCount(hunkHeader[4]);
    seenOld = 0;
    seenNew = 0;
    changes = [];
    hunk = {
      oldStart: oldLine,
      oldLines: oldLeft,
      newStart: newLine,
      newLines: newLeft,
      header: HUNK_HEADER.exec(line)?.[5] ?? "",
      changes,
    };
    file!.hunks.push(hunk);
    inBody = true;
  }
  if (file && hunk) file.truncated.push(isTruncated(hunk, seenOld, seenNew));
  return { raw, headerFacts };
}

type HeaderFacts = ReturnType<typeof parseDiffLib>[number];

function parseDiffText(text: string): HeaderFacts[] {
  try {
    return parseDiffLib(text);
  } catch (e) {
    throw new DiffParseError(`malformed diff: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * A line that opens a file for parse-diff (`^diff\s`) without paths it can read: the same fresh file as
 * the header line it stands before would open. It lets every file's header go through one call.
 */
const FILE_SEPARATOR = "diff -";

/**
 * parse-diff reads every file's header lines (its paths: quoted, prefixed, time-stamped; modes; new or
 * deleted), in one call for the whole diff. A `diff` line's paths are read only when no `---`/`+++`
 * (or new/deleted file mode) line overwrites them. A file opened by its hunk header is read alone:
 * parse-diff takes its paths from that line and then reads hunk lines.
 */
function readHeaders(raw: readonly RawFile[]): (HeaderFacts | undefined)[] {
  const out: (HeaderFacts | undefined)[] = new Array(raw.length);
  const lines: string[] = [];
  const batched: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i]!;
    if (r.openedByHunk) {
      out[i] = parseDiffText(r.header.join("\n"))[0];
      continue;
    }
    const opener = FILE_OPENER.test(r.header[0]!);
    lines.push(opener && !(r.setsFrom && r.setsTo) ? r.header[0]! : FILE_SEPARATOR);
    for (let k = opener ? 1 : 0; k < r.header.length; k++) lines.push(r.header[k]!);
    batched.push(i);
  }
  if (batched.length === 0) return out;
  const parsed = parseDiffText(lines.join("\n"));
  // Every header opens exactly one file; were that ever not so, reading each header alone is always right.
  const together = parsed.length === batched.length;
  for (let k = 0; k < batched.length; k++) {
    const i = batched[k]!;
    out[i] = together ? parsed[k] : parseDiffText(raw[i]!.header.join("\n"))[0];
  }
  return out;
}

/** One `diff --git` section (or a whole diff without git headers), read. */
interface Section {
  metas: GitHeaderMeta[];
  raw: RawFile[];
  /** Index of the section's first file among all sections' files. */
  first: number;
}

function readSectionFacts(section: string, first: number): Section {
  const { raw, headerFacts } = readSection(section);
  // Scanning every line again costs as much as the parse itself: do it only when the diff carries
  // header facts parse-diff drops (renames, copies, binaries).
  const metas = headerFacts ? scanGitHeaders(section.split("\n")) : [];
  return { metas, raw, first };
}

/** Turn one read section into `files`, given every file's header facts from parse-diff. */
function convertSection(
  { metas, raw, first }: Section,
  headers: readonly (HeaderFacts | undefined)[],
  files: ChangedFile[],
  warnings: string[],
): void {
  // parse-diff opens one file per `diff --git` line; when the counts agree, the header facts line up.
  const aligned = metas.length === raw.length;
  if (metas.length > 0 && !aligned)
    warnings.push("diff headers and file sections do not line up; rename and binary markers ignored");

  for (let i = 0; i < raw.length; i++) {
    const r = raw[i]!;
    const f: Partial<HeaderFacts> = headers[first + i] ?? {};
    const meta = aligned ? metas[i] : undefined;
    const from = cleanPath(meta?.renameFrom ?? f.from);
    const to = cleanPath(meta?.renameTo ?? f.to);
    let status: FileStatus;
    if (f.new || (f.from === "/dev/null" && to)) status = "added";
    else if (f.deleted || (f.to === "/dev/null" && from)) status = "deleted";
    else if (from && to && from !== to) status = "renamed";
    else status = "modified";
    const path = status === "deleted" ? (from ?? to) : (to ?? from);
    if (!path) {
      warnings.push(`file section ${files.length + i + 1} has no path; skipped`);
      continue;
    }

    const file: ChangedFile = {
      path,
      status,
      binary: meta?.binary ?? false,
      added: r.added,
      removed: r.removed,
      hunks: r.hunks,
    };
    if (status === "renamed") file.oldPath = from;
    if (meta?.similarity !== undefined) file.similarity = meta.similarity;
    if (f.oldMode) file.oldMode = f.oldMode;
    if (f.newMode) file.newMode = f.newMode;
    r.hunks.forEach((hunk, h) => {
      if (r.truncated[h])
        warnings.push(`${path}: hunk at line ${hunk.newStart} is truncated (the diff ends early or was cut)`);
    });

    if (file.binary) file.patchMissing = "binary file";
    else if (file.hunks.length === 0 && status !== "renamed" && !f.oldMode && !f.newMode) {
      // An added or deleted empty file has no hunk either; that is not a missing patch.
      if (status === "modified") file.patchMissing = "no patch in the diff";
    }
    files.push(file);
  }
}

/**
 * The diff's `diff --git` sections, one file each (a preamble such as `git show`'s commit header holds
 * no file). A diff without git headers is one section. Content lines start with " ", "+", "-" or "\\",
 * so a line starting with "diff --git " always opens a section.
 */
function* gitSections(text: string): Generator<string> {
  const first = text.startsWith("diff --git ") ? 0 : text.indexOf("\ndiff --git ");
  if (first < 0) {
    yield text;
    return;
  }
  let start = first === 0 ? 0 : first + 1;
  while (start < text.length) {
    const next = text.indexOf("\ndiff --git ", start);
    const end = next < 0 ? text.length : next + 1;
    yield text.slice(start, end);
    start = end;
  }
}

/**
 * Parse a unified diff (as `git diff`, `git show` or GitHub's diff media type print it) into changed files.
 * Accepts CRLF, `\ No newline at end of file`, mode-only changes, renames, binary markers and invalid UTF-8.
 * Empty input is an empty diff; any other input without a diff header is a DiffParseError.
 */
export function parseUnifiedDiff(input: string | Uint8Array): ParsedDiff {
  const text = decodeDiff(input);
  if (text.trim() === "") return { files: [], warnings: [] };
  const normalized = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  if (!DIFF_HEADER_ANYWHERE.test(normalized)) {
    const first = (normalized.split("\n", 50).find((l) => l.trim() !== "") ?? "").slice(0, 60);
    throw new DiffParseError(
      `input is not a unified diff: no "diff --git", "---/+++" or "@@" header found (first line: ${JSON.stringify(first)})`,
    );
  }

  const files: ChangedFile[] = [];
  const warnings: string[] = [];
  const sections: Section[] = [];
  const raw: RawFile[] = [];
  for (const text of gitSections(normalized)) {
    const section = readSectionFacts(text, raw.length);
    sections.push(section);
    for (const r of section.raw) raw.push(r);
  }
  const headers = readHeaders(raw);
  for (const section of sections) convertSection(section, headers, files, warnings);
  if (files.length === 0) {
    throw new DiffParseError("input has diff-like lines but no file section could be parsed");
  }
  return { files, warnings };
}
