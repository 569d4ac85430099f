import { createHash } from "node:crypto";
import type { RenderedLink } from "./chromium.js";

/**
 * Where a rendered link points, read back from its href the way GitHub would resolve it:
 * - blob:    `<server>/<owner>/<repo>/blob/<sha>/<path>#L<n>` (a file at a commit; the new side, or the
 *            old side when the sha is the base)
 * - pr-diff: `<server>/<owner>/<repo>/pull/<n>/files#diff-<sha256(path)>R<n>` (new side) or `L<n>`
 *            (old side): the PR's "Files changed" view at that line.
 * The diff anchor names the file only by its hash, so the path is recovered from the paths expected.
 */

export interface LineTarget {
  path: string;
  /** null: the whole file. */
  line: number | null;
  side: "new" | "old";
}

export type LinkTarget =
  | ({ kind: "blob"; repo: string; sha: string } & LineTarget)
  | { kind: "pr-diff"; repo: string; pr: number; path: string | null; line: number | null; side: "new" | "old" }
  | { kind: "other" };

export function diffAnchor(path: string): string {
  return `diff-${createHash("sha256").update(path).digest("hex")}`;
}

function lineOf(fragment: string, prefix: string): number | null | undefined {
  if (fragment === "") return null;
  const m = new RegExp(`^${prefix}(\\d+)(?:-${prefix}?\\d+)?$`).exec(fragment);
  return m ? Number(m[1]) : undefined;
}

export function parseLink(href: string, knownPaths: readonly string[]): LinkTarget {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { kind: "other" };
  }
  const parts = url.pathname.split("/").slice(1);
  const repo = `${parts[0]}/${parts[1]}`;
  const fragment = url.hash.replace(/^#/, "");
  if (parts[2] === "blob" && parts.length >= 5) {
    const line = lineOf(fragment, "L");
    if (line === undefined) return { kind: "other" };
    const path = parts.slice(4).map(decodeURIComponent).join("/");
    return { kind: "blob", repo, sha: parts[3]!, path, line, side: "new" };
  }
  if (parts[2] === "pull" && parts[4] === "files" && parts.length === 5) {
    const m = /^(diff-[0-9a-f]{64})(?:([RL])(\d+))?$/.exec(fragment);
    if (!m) return { kind: "other" };
    const path = knownPaths.find((p) => diffAnchor(p) === m[1]) ?? null;
    const side = m[2] === "L" ? "old" : "new";
    return { kind: "pr-diff", repo, pr: Number(parts[3]), path, line: m[3] ? Number(m[3]) : null, side };
  }
  return { kind: "other" };
}

export interface LinkContext {
  /** `owner/name` */
  repo: string;
  headSha: string;
  baseSha?: string;
  pr?: number;
  /** The findings the report has (their file, line and side). */
  expected: readonly LineTarget[];
}

export interface LinkProblem {
  href: string;
  text: string;
  why: string;
}

export interface LinkCheck {
  /** Links to a file or a diff line (blob or pr-diff). */
  findingLinks: number;
  kinds: { blob: number; "pr-diff": number; other: number };
  problems: LinkProblem[];
  /** Expected findings with a line that no link points at. */
  unlinked: LineTarget[];
}

const key = (t: LineTarget) => `${t.side}:${t.path}:${t.line ?? ""}`;

/** `path:12` or `path` as a link's visible label, when it reads like one. */
function labelTarget(text: string): { path: string; line: number | null } | null {
  const m = /^`?([^\s`:]+?)(?::(\d+))?`?$/.exec(text.trim());
  return m?.[1]?.includes("/") || m?.[1]?.includes(".") ? { path: m[1], line: m[2] ? Number(m[2]) : null } : null;
}

/** Does every finding link point at a finding's exact path, line and side, in this repository and PR? */
export function checkLinks(links: readonly RenderedLink[], ctx: LinkContext): LinkCheck {
  const paths = [...new Set(ctx.expected.map((t) => t.path))];
  const wanted = new Set(ctx.expected.map(key));
  const reached = new Set<string>();
  const problems: LinkProblem[] = [];
  const kinds = { blob: 0, "pr-diff": 0, other: 0 };
  for (const link of links) {
    const target = parseLink(link.href, paths);
    kinds[target.kind]++;
    if (target.kind === "other") continue;
    const problem = (why: string) => problems.push({ href: link.href, text: link.text, why });
    if (target.repo !== ctx.repo) problem(`repository ${target.repo}, expected ${ctx.repo}`);
    if (target.kind === "blob") {
      const side = target.sha === ctx.headSha ? "new" : target.sha === ctx.baseSha ? "old" : null;
      if (!side) {
        problem(`commit ${target.sha} is neither the head nor the base`);
        continue;
      }
      target.side = side;
    } else {
      if (ctx.pr !== undefined && target.pr !== ctx.pr) problem(`PR #${target.pr}, expected #${ctx.pr}`);
      if (!target.path) {
        problem("diff anchor matches no file of the report");
        continue;
      }
    }
    const t: LineTarget = { path: target.path!, line: target.line, side: target.side };
    if (!wanted.has(key(t))) problem(`${t.side} side ${t.path}:${t.line ?? "(file)"} is not a finding's location`);
    reached.add(key(t));
    const label = labelTarget(link.text);
    if (label && (label.path !== t.path || (label.line !== null && label.line !== t.line)))
      problem(`label says ${label.path}:${label.line ?? ""}, link goes to ${t.path}:${t.line ?? ""}`);
  }
  const unlinked = new Map(ctx.expected.filter((t) => t.line !== null && !reached.has(key(t))).map((t) => [key(t), t]));
  return { findingLinks: kinds.blob + kinds["pr-diff"], kinds, problems, unlinked: [...unlinked.values()] };
}
