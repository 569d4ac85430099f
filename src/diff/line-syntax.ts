import { basenameOf, extensionOf } from "../util/paths.js";

/**
 * What a single line of a diff is, without parsing its file: a comment in the file's language, its
 * indentation, a value without its quotes. Best effort by extension; every reader uses these.
 */

/** Languages whose line comments start with `#`; "" is an extension-less script (Makefile, hooks). */
const HASH_COMMENT_EXT = new Set([
  "sh",
  "bash",
  "zsh",
  "ksh",
  "fish",
  "py",
  "rb",
  "ex",
  "exs",
  "php",
  "pl",
  "r",
  "jl",
  "ps1",
  "yml",
  "yaml",
  "toml",
  "tpl",
  "tf",
  "tofu",
  "tfvars",
  "hcl",
  "mk",
  "cfg",
  "conf",
  "ini",
  "env",
  "dockerfile",
  "",
]);
/** Languages whose line comments start with `--`. */
const DASH_COMMENT_EXT = new Set(["sql", "lua", "hs", "ada"]);

/** True when the line is only a comment in the language of `path` (best effort, by extension). */
export function isCommentLine(path: string, content: string): boolean {
  const t = content.trimStart();
  if (t.length === 0) return false;
  if (t.startsWith("//") || t.startsWith("/*") || t.startsWith("<!--")) return true;
  // Continuation or end of a block comment: ` * text`, ` *`, ` */`.
  if (t.startsWith("*")) return t.length === 1 || t[1] === " " || t[1] === "\t" || t[1] === "/";
  if (t.startsWith("#")) {
    // `#!` shebangs and `#[attr]` (Rust), `#include` / `#define` (C) are code, not comments.
    if (t.startsWith("#!") || t.startsWith("#[") || t.startsWith("#include") || t.startsWith("#define")) return false;
    const base = basenameOf(path).toLowerCase();
    return (
      HASH_COMMENT_EXT.has(extensionOf(path)) ||
      base === "makefile" ||
      base.startsWith("dockerfile") ||
      base === "jenkinsfile"
    );
  }
  if (t.startsWith("--")) return DASH_COMMENT_EXT.has(extensionOf(path));
  if (/^rem\s/i.test(t)) {
    const ext = extensionOf(path);
    return ext === "bat" || ext === "cmd";
  }
  return false;
}

/** Leading spaces and tabs of a line. */
export function indentOf(text: string): number {
  let i = 0;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i;
}

/** A trimmed value without the quotes around it (`"x"`, `'x'`). */
export function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) return v.slice(1, -1);
  return v;
}
