import cmark from "cmark-gfm";
import type { Element, ElementContent, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { defaultSchema, sanitize } from "hast-util-sanitize";
import { toHtml } from "hast-util-to-html";
import { SKIP, visit } from "unist-util-visit";

/**
 * Markdown to the HTML GitHub shows for a comment or a check run's output, in GitHub's order:
 * cmark-gfm (GitHub's own fork of cmark, with its GFM extensions and raw HTML kept), then GitHub's
 * HTML sanitization (hast-util-sanitize's default schema is GitHub's allow-list: scripts, styles,
 * event handlers and unknown tags go; <details>/<summary>/<sub> stay; ids get `user-content-`),
 * then the two GitHub filters that change what a reader sees in our output: task lists and alerts.
 * Comments and check-run output treat a single newline as a line break (unlike READMEs).
 * Not reproduced: @mention and #issue autolinks, emoji shortcodes, heading anchors, image proxying.
 */

const OPTIONS = {
  unsafe: true,
  hardbreaks: true,
  footnotes: true,
  githubPreLang: true,
  extensions: { table: true, strikethrough: true, tagfilter: true, autolink: true, tasklist: true },
} as const;

const ALERT = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*$/i;

function hasClass(node: Element, name: string): boolean {
  const c = node.properties.className;
  return Array.isArray(c) && c.includes(name);
}

function addClass(node: Element, name: string): void {
  const c = node.properties.className;
  node.properties.className = [...(Array.isArray(c) ? c.map(String) : []), name];
}

/** GitHub's task-list filter: checkbox items lose their bullet and get GitHub's classes. */
function taskLists(tree: Root): void {
  visit(tree, "element", (node, _i, parent) => {
    if (node.tagName !== "input" || node.properties.type !== "checkbox") return;
    const li = parent?.type === "element" && parent.tagName === "li" ? parent : null;
    if (!li) return;
    addClass(node, "task-list-item-checkbox");
    if (!hasClass(li, "task-list-item")) addClass(li, "task-list-item");
  });
  visit(tree, "element", (node) => {
    if ((node.tagName === "ul" || node.tagName === "ol") && !hasClass(node, "contains-task-list")) {
      const items = node.children.filter((c): c is Element => c.type === "element" && c.tagName === "li");
      if (items.some((li) => hasClass(li, "task-list-item"))) addClass(node, "contains-task-list");
    }
  });
}

/** GitHub's alerts: a blockquote opening with `[!WARNING]` (alone on its line) becomes a titled callout. */
function alerts(tree: Root): void {
  visit(tree, "element", (node) => {
    if (node.tagName !== "blockquote") return;
    const first = node.children.find((c): c is Element => c.type === "element");
    const text = first?.tagName === "p" ? first.children[0] : undefined;
    const m = text?.type === "text" ? ALERT.exec(text.value.trim()) : null;
    if (!first || !m) return;
    const rest = first.children.slice(1);
    // Drop the line break (and its newline) that follows the marker.
    while (rest[0] && ((rest[0].type === "element" && rest[0].tagName === "br") || isBlank(rest[0]))) rest.shift();
    first.children = rest;
    const kind = m[1]!.toLowerCase();
    const title: Element = {
      type: "element",
      tagName: "p",
      properties: { className: ["markdown-alert-title"] },
      children: [{ type: "text", value: kind[0]!.toUpperCase() + kind.slice(1) }],
    };
    node.tagName = "div";
    node.properties = { className: ["markdown-alert", `markdown-alert-${kind}`] };
    node.children = [title, ...node.children.filter((c) => c !== first || rest.length > 0)];
    return SKIP;
  });
}

function isBlank(node: ElementContent): boolean {
  return node.type === "text" && node.value.trim() === "";
}

export function markdownToHtml(markdown: string): string {
  const raw = cmark.renderHtmlSync(markdown, OPTIONS);
  const tree = sanitize(fromHtml(raw, { fragment: true }), defaultSchema) as Root;
  taskLists(tree);
  alerts(tree);
  return toHtml(tree);
}
