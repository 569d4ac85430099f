import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { markdownToHtml } from "./gfm.js";

/**
 * The HTML documents the browser renders: GitHub's Markdown stylesheet (github-markdown-css, light
 * theme) around the rendered Markdown, in a frame that resembles where GitHub shows it. Everything is
 * inline and a Content-Security-Policy forbids every fetch, so the page never reaches the network.
 * The measured element is `#body`: the comment body, COMMENT_WIDTH px wide including GitHub's 16 px
 * comment padding.
 */

export const COMMENT_WIDTH = 950;

const githubCss = readFileSync(
  createRequire(import.meta.url).resolve("github-markdown-css/github-markdown-light.css"),
  "utf8",
);

const FRAME_CSS = `
html, body { margin: 0; background: #ffffff; }
body { padding: 16px; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji"; font-size: 14px; color: #1f2328; }
.frame { width: ${COMMENT_WIDTH}px; border: 1px solid #d0d7de; border-radius: 6px; overflow: hidden; }
.frame-header { background: #f6f8fa; border-bottom: 1px solid #d0d7de; padding: 8px 16px; color: #59636e; line-height: 20px; }
.frame-header strong { color: #1f2328; }
.markdown-body { box-sizing: border-box; width: ${COMMENT_WIDTH}px; padding: 16px; }
.check-title { margin: 0; padding: 16px 16px 0; font-size: 20px; font-weight: 600; line-height: 1.25; overflow-wrap: anywhere; }
.conclusion { display: inline-block; margin-left: 8px; padding: 0 7px; border-radius: 2em; font-size: 12px; font-weight: 500; line-height: 18px; border: 1px solid transparent; }
.conclusion-success { color: #1a7f37; border-color: #1a7f37; }
.conclusion-action_required { color: #9a6700; border-color: #9a6700; }
.conclusion-failure { color: #d1242f; border-color: #d1242f; }
`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function document(frame: string): string {
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<style>${githubCss}</style><style>${FRAME_CSS}</style>`,
    `</head><body>${frame}</body></html>`,
  ].join("\n");
}

/** A PR timeline comment: author header, then the Markdown body. */
export function commentPage(markdown: string, author = "github-actions[bot]"): string {
  return document(
    `<div class="frame" id="frame"><div class="frame-header"><strong>${escapeHtml(author)}</strong> commented</div>` +
      `<article class="markdown-body" id="body">${markdownToHtml(markdown)}</article></div>`,
  );
}

export interface CheckRunView {
  name: string;
  conclusion: "success" | "action_required" | "failure";
  title: string;
  summary: string;
  text?: string;
}

const CONCLUSION_LABEL: Record<CheckRunView["conclusion"], string> = {
  success: "Success",
  action_required: "Action required",
  failure: "Failure",
};

/** A check run's page: name and conclusion, the output title (plain text), then summary and text. */
export function checkRunPage(run: CheckRunView): string {
  const body = markdownToHtml(run.summary) + (run.text ? markdownToHtml(run.text) : "");
  return document(
    `<div class="frame" id="frame"><div class="frame-header"><strong>${escapeHtml(run.name)}</strong>` +
      `<span class="conclusion conclusion-${run.conclusion}">${CONCLUSION_LABEL[run.conclusion]}</span></div>` +
      `<h2 class="check-title">${escapeHtml(run.title)}</h2>` +
      `<article class="markdown-body" id="body">${body}</article></div>`,
  );
}
