/**
 * Pictures for the README and docs, from the real output of the current code, rendered as GitHub shows
 * it (see docs/testing.md, "Rendering"): the bundled example's PR comment and the App's check-run page
 * for the same PR. Also prints each output's size and rendered heights, the figures issue 18 tracks.
 *
 *   npm run render:docs                 # writes docs/images/*.png
 *   npm run render:docs -- --out DIR    # somewhere else
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { type Rendered, Renderer } from "../test/render/chromium.js";
import {
  appOutputs,
  cliScan,
  EXAMPLE_DIFF,
  EXAMPLE_PR,
  examplePull,
  manyFindingsPull,
  ROOT,
} from "../test/render/fixtures.js";
import { checkRunPage, commentPage } from "../test/render/page.js";
import { textDefects } from "../test/render/text-checks.js";

const { values } = parseArgs({ options: { out: { type: "string", default: join(ROOT, "docs/images") } } });
const out = values.out!;

async function manyFindingsMarkdown(): Promise<string> {
  const p = manyFindingsPull(23);
  const dir = mkdtempSync(join(tmpdir(), "render-docs-"));
  try {
    writeFileSync(join(dir, "pr.diff"), p.diff);
    writeFileSync(join(dir, "pr.json"), JSON.stringify(p.facts));
    return await cliScan(join(dir, "pr.diff"), join(dir, "pr.json"), "markdown");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Characters as a reader counts them (code points, so an emoji is one). */
const chars = (text: string) => [...text].length;

function row(name: string, markdown: string, r: Rendered): string {
  const h = r.heights;
  const defects = textDefects(r.text);
  const count = (k: string) => defects.filter((d) => d.kind === k).length;
  return [
    name,
    chars(markdown),
    h.shown,
    h.aboveFold,
    h.collapsed,
    h.expanded,
    count("entity"),
    count("html-tag") + count("html-comment"),
    r.links.length,
  ]
    .map((v) => (typeof v === "number" ? String(Math.round(v)) : v))
    .join(" | ");
}

const renderer = await Renderer.launch();
try {
  const example = await cliScan(EXAMPLE_DIFF, EXAMPLE_PR, "markdown");
  const app = await appOutputs(examplePull());
  const many = await manyFindingsMarkdown();
  const images = {
    example: join(out, "example-comment.png"),
    checkRun: join(out, "app-check-run.png"),
  };
  const rows = [
    row("example comment (CLI)", example, await renderer.render(commentPage(example), { screenshot: images.example })),
    row("300-finding comment (CLI)", many, await renderer.render(commentPage(many))),
    row("App checklist comment", app.comment, await renderer.render(commentPage(app.comment, "ai-review-gate[bot]"))),
    row(
      "App check run (summary + text)",
      `${app.check.summary}${app.check.text ?? ""}`,
      await renderer.render(checkRunPage(app.check), { screenshot: images.checkRun }),
    ),
  ];
  console.log(
    "output | chars | shown px | above fold px | all closed px | all open px | entities | markup as text | links",
  );
  console.log("---|---|---|---|---|---|---|---|---");
  for (const r of rows) console.log(r);
  for (const path of Object.values(images)) console.log(`wrote ${relative(ROOT, path)}`);
} finally {
  await renderer.close();
}
