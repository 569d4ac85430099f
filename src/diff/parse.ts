import parseDiffLib from "parse-diff";
import type { ChangedFile, FileStatus, Hunk, HunkChange } from "./model.js";

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
const HEADER_FACT_FIRST_LINE = new RegExp(`^${HEADER_FACT}`);
// Not a multiline ^: that one is tried at every position of the section; a newline is searched for fast.
const HEADER_FACT_LATER_LINE = new RegExp(`\n${HEADER_FACT}`);

/** Does any line of the section start with a header fact parse-diff drops? */
function hasHeaderFacts(section: string): boolean {
  return HEADER_FACT_FIRST_LINE.test(section) || HEADER_FACT_LATER_LINE.test(section);
}

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
      oldLeft = hunk[2] === undefined ? 1 : Number(hunk[2]);
      newLeft = hunk[4] === undefined ? 1 : Number(hunk[4]);
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

/** Parse one `diff --git` section (or a whole diff without git headers) into `files`. */
function parseSection(section: string, files: ChangedFile[], warnings: string[]): void {
  // Splitting and scanning every line costs as much as parse-diff itself: do it only when the diff
  // carries header facts parse-diff drops (renames, copies, binaries) or markers it mishandles.
  const headerFacts = hasHeaderFacts(section);
  const hasMarkers = section.includes("\n\\");
  const lines = headerFacts || hasMarkers ? section.split("\n") : null;
  const metas = lines && headerFacts ? scanGitHeaders(lines) : [];
  // "\ No newline at end of file" (and its translations) carry nothing the model keeps, and parse-diff
  // crashes on one placed right after a hunk header: drop them before parsing.
  const withoutMarkers = lines && hasMarkers ? lines.filter((l) => l[0] !== "\\").join("\n") : section;
  let raw: ReturnType<typeof parseDiffLib>;
  try {
    raw = parseDiffLib(withoutMarkers);
  } catch (e) {
    throw new DiffParseError(`malformed diff: ${e instanceof Error ? e.message : String(e)}`);
  }
  // parse-diff opens one file per `diff --git` line; when the counts agree, the header facts line up.
  const aligned = metas.length === raw.length;
  if (metas.length > 0 && !aligned)
    warnings.push("diff headers and file sections do not line up; rename and binary markers ignored");

  for (let i = 0; i < raw.length; i++) {
    const f = raw[i]!;
    // Let parse-diff's copy of this file be collected as soon as it is converted (peak RSS on huge diffs).
    (raw as unknown[])[i] = undefined;
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
      added: [],
      removed: [],
      hunks: [],
    };
    if (status === "renamed") file.oldPath = from;
    if (meta?.similarity !== undefined) file.similarity = meta.similarity;
    if (f.oldMode) file.oldMode = f.oldMode;
    if (f.newMode) file.newMode = f.newMode;

    for (const chunk of f.chunks) {
      const header = HUNK_HEADER.exec(chunk.content)?.[5] ?? "";
      const hunk: Hunk = {
        oldStart: chunk.oldStart,
        oldLines: chunk.oldLines,
        newStart: chunk.newStart,
        newLines: chunk.newLines,
        header,
        changes: [],
      };
      let seenOld = 0;
      let seenNew = 0;
      for (const c of chunk.changes) {
        const content = c.content.slice(1);
        let change: HunkChange;
        if (c.type === "add") {
          change = { type: "add", content, newLine: c.ln };
          file.added.push({ line: c.ln, content });
          seenNew++;
        } else if (c.type === "del") {
          change = { type: "del", content, oldLine: c.ln };
          file.removed.push({ line: c.ln, content });
          seenOld++;
        } else {
          change = { type: "context", content, oldLine: c.ln1, newLine: c.ln2 };
          seenOld++;
          seenNew++;
        }
        hunk.changes.push(change);
      }
      if (seenOld < chunk.oldLines || seenNew < chunk.newLines) {
        warnings.push(`${path}: hunk at line ${chunk.newStart} is truncated (the diff ends early or was cut)`);
      }
      file.hunks.push(hunk);
    }

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
  // parse-diff builds its whole tree before returning: one file section at a time keeps only one
  // file's intermediate objects alive (peak memory on huge diffs), at the same linear cost.
  for (const section of gitSections(normalized)) parseSection(section, files, warnings);
  if (files.length === 0) {
    throw new DiffParseError("input has diff-like lines but no file section could be parsed");
  }
  return { files, warnings };
}
