import type { ChangedFile, Hunk } from "../diff/model.js";
import { basenameOf, extensionOf } from "../util/paths.js";

/** Whole-file text above this size is never handed to a parser; the line scanners take over. */
export const MAX_PARSE_CHARS = 512 * 1024;
/** Lines longer than this are skipped by the line scanners (minified or generated content). */
export const MAX_LINE_CHARS = 4000;

export type Side = "old" | "new";

/** One line of a hunk as seen from one side, with its line number on that side. */
export interface SideLine {
  text: string;
  line: number;
  /** True when the line is a change (a removal on the old side, an addition on the new side). */
  changed: boolean;
}

/** The lines of a hunk that exist on one side, in order (context plus that side's changes). */
export function sideLines(hunk: Hunk, side: Side): SideLine[] {
  const out: SideLine[] = [];
  for (const c of hunk.changes) {
    if (side === "old" && c.type === "add") continue;
    if (side === "new" && c.type === "del") continue;
    const line = side === "old" ? c.oldLine : c.newLine;
    const text = c.content.length > MAX_LINE_CHARS ? "" : c.content;
    out.push({ text, line: line ?? 0, changed: c.type !== "context" });
  }
  return out;
}

const YAML_TOP_KEY = /^([A-Za-z_][\w]*):/;

export interface SectionLine extends SideLine {
  side: Side;
  /** The top-level YAML key the line sits under, as far as the hunk shows it (null before any). */
  section: string | null;
}

/** Every non-key line of each hunk, old side then new, with the top-level YAML key it sits under. */
export function* yamlSectionLines(file: ChangedFile): Generator<SectionLine> {
  for (const hunk of file.hunks) {
    for (const side of ["old", "new"] as const) {
      let section: string | null = null;
      for (const l of sideLines(hunk, side)) {
        const top = YAML_TOP_KEY.exec(l.text);
        if (top) section = top[1]!;
        else yield { ...l, side, section };
      }
    }
  }
}

/** Everything the diff shows of a file, both sides, capped: the cheap input of content prefilters. */
export function visibleText(file: ChangedFile, maxChars = MAX_PARSE_CHARS): string {
  const parts: string[] = [];
  let size = 0;
  for (const hunk of file.hunks) {
    for (const c of hunk.changes) {
      if (c.content.length > MAX_LINE_CHARS) continue;
      size += c.content.length + 1;
      if (size > maxChars) return parts.join("\n");
      parts.push(c.content);
    }
  }
  return parts.join("\n");
}

/** The whole text of one side when the diff holds all of it (added or deleted files), capped; else null. */
export function wholeSideText(file: ChangedFile, side: Side): string | null {
  if (file.patchMissing || file.binary) return null;
  if (side === "new" && file.status !== "added") return null;
  if (side === "old" && file.status !== "deleted") return null;
  const lines = side === "new" ? file.added : file.removed;
  let size = 0;
  for (const l of lines) size += l.content.length + 1;
  if (size > MAX_PARSE_CHARS) return null;
  return lines.map((l) => l.content).join("\n");
}

export function dirOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i);
}

export function isYamlPath(path: string): boolean {
  const ext = extensionOf(path);
  return ext === "yaml" || ext === "yml";
}

export function isTerraformPath(path: string): boolean {
  const ext = extensionOf(path);
  return ext === "tf" || ext === "tofu";
}

export function isTerraformJsonPath(path: string): boolean {
  return path.endsWith(".tf.json") || path.endsWith(".tofu.json");
}

/** GitHub workflow and action files: YAML that is CI configuration, never infrastructure. */
export function isCiYaml(path: string): boolean {
  return path.startsWith(".github/") || path.includes("/.github/") || basenameOf(path) === ".gitlab-ci.yml";
}

const SOURCE_LANGS = new Set(["ts", "tsx", "js", "mjs", "cjs", "mts", "cts", "py", "java", "cs", "go", "kt", "fs"]);

/** Languages CDK and Pulumi programs are written in. */
export function isIacSourcePath(path: string): boolean {
  return SOURCE_LANGS.has(extensionOf(path));
}

/** A trimmed value without surrounding quotes, for display. */
export function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) return v.slice(1, -1);
  return v;
}

/** Keep messages to one readable line. */
export function shorten(text: string, max = 80): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** Memoise one analysis per rule context's file list, so several rules share one pass over the diff. */
export function memoByFiles<T>(compute: (files: readonly ChangedFile[]) => T): (files: readonly ChangedFile[]) => T {
  const cache = new WeakMap<readonly ChangedFile[], T>();
  return (files) => {
    let value = cache.get(files);
    if (value === undefined) {
      value = compute(files);
      cache.set(files, value);
    }
    return value;
  };
}

/** Files the infra rules never look at: documentation and tests (a README's HCL sample destroys nothing). */
export function isNonInfraPath(path: string, isDoc: (p: string) => boolean, isTest: (p: string) => boolean): boolean {
  return isDoc(path) || isTest(path);
}
