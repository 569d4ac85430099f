import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ActionComment, actionComment } from "./action-output.js";
import { CHROMIUM_PATH, CHROMIUM_REQUIRED, chromiumInstalled, type Rendered, Renderer } from "./chromium.js";
import {
  type AppOutputs,
  appOutputs,
  cliScan,
  EXAMPLE_DIFF,
  EXAMPLE_PR,
  examplePull,
  findingTargets,
  manyFindingsPull,
  type PullFixture,
  parseReport,
} from "./fixtures.js";
import { checkLinks, type LinkCheck, type LinkContext } from "./links.js";
import { checkRunPage, commentPage } from "./page.js";
import { textDefects } from "./text-checks.js";

/**
 * Issue 18's targets, checked on what GitHub would show (cmark-gfm + GitHub's sanitization +
 * github-markdown-css in headless Chromium at 950 px) for the outputs of the current code: the CLI's
 * comment for the bundled example, the Action's comment on the example PR and on a 300-finding PR, and
 * the App's checklist comment and check run, against the targets of the comment redesign (issue 18).
 */

const FOLD_TARGET = 1_200;
const COMMENT_LIMIT = 65_536;

const run = chromiumInstalled() || CHROMIUM_REQUIRED;
if (!run)
  console.warn(
    `[render] SKIPPED: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium). .ci/run installs it and requires it.`,
  );

it.runIf(CHROMIUM_REQUIRED)("Chromium is installed where the render tests are required (.ci/run)", () => {
  expect(chromiumInstalled(), `no Chromium at ${CHROMIUM_PATH}`).toBe(true);
});

interface ActionView {
  comment: ActionComment;
  shown: Rendered;
  links: LinkCheck;
}

const defectsOf = (r: Rendered, kind: string) => textDefects(r.text).filter((d) => d.kind === kind);

describe.skipIf(!run)("comments rendered as GitHub shows them", () => {
  let renderer: Renderer;
  beforeAll(async () => {
    renderer = await Renderer.launch();
  }, 60_000);
  afterAll(async () => {
    await renderer?.close();
  });

  describe("the harness", () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `- line ${i}`).join("\n");

    it("measures the fold at the first section closed on load, and the closed and open heights", async () => {
      const r = await renderer.render(
        commentPage(
          `## Top\n\n<details open><summary>open</summary>\n\n${lines(10)}\n\n</details>\n\n` +
            `<details><summary>closed</summary>\n\n${lines(30)}\n\n</details>\n\nAfter.\n`,
        ),
      );
      const { shown, aboveFold, collapsed, expanded } = r.heights;
      expect(aboveFold).toBeGreaterThan(200);
      expect(aboveFold).toBeLessThan(shown - 40);
      expect(collapsed).toBeLessThan(shown);
      expect(expanded).toBeGreaterThan(shown + 400);
      // Text and links are read with every section open.
      expect(r.text.some((t) => t.text === "line 29")).toBe(true);
    });

    it("counts the whole comment as above the fold when nothing is collapsed", async () => {
      const r = await renderer.render(commentPage(`${lines(5)}\n`));
      expect(r.heights.aboveFold).toBe(r.heights.shown);
    });

    it("never lets the page reach the network", async () => {
      const r = await renderer.render(
        commentPage('![x](https://example.test/x.png)\n\n<img src="http://127.0.0.1:9/y.png">\n'),
      );
      expect(r.requests).toEqual([]);
      expect(r.links).toEqual([]);
    });
  });

  describe("the bundled example, as the README's scan command prints it", () => {
    let markdown: string;
    let shown: Rendered;
    beforeAll(async () => {
      markdown = await cliScan(EXAMPLE_DIFF, EXAMPLE_PR, "markdown");
      shown = await renderer.render(commentPage(markdown));
    });

    it("renders without fetching anything and without markup shown as text", () => {
      expect(shown.requests).toEqual([]);
      expect(shown.heights.shown).toBeGreaterThan(0);
      expect([...defectsOf(shown, "html-tag"), ...defectsOf(shown, "html-comment")]).toEqual([]);
    });

    // Was `@&lt;sha&gt; # v4.2.0` in a remediation's code span (issue 12: prose escapes with backslashes).
    it("shows no literal character references", () => {
      expect(defectsOf(shown, "entity")).toEqual([]);
    });

    // All 19 findings were once open in 8 sections (about 3,400 px).
    it(`fits above the first fold in ${FOLD_TARGET} px`, () => {
      expect(shown.heights.aboveFold).toBeLessThanOrEqual(FOLD_TARGET);
    });
  });

  /** The Action's comment for a PR, rendered, with its links checked against the Action's own report. */
  async function renderedActionComment(pull: PullFixture): Promise<ActionView> {
    const comment = await actionComment(pull);
    const shown = await renderer.render(commentPage(comment.body));
    const links = checkLinks(shown.links, {
      repo: comment.repo,
      headSha: comment.headSha,
      baseSha: comment.baseSha,
      pr: pull.number,
      expected: findingTargets(comment.report.findings),
    });
    return { comment, shown, links };
  }

  describe("the Action's comment on the example PR", () => {
    let shown: Rendered;
    let links: LinkCheck;
    beforeAll(async () => {
      ({ shown, links } = await renderedActionComment(examplePull()));
    }, 60_000);

    it("renders without fetching anything and without markup shown as text", () => {
      expect(shown.requests).toEqual([]);
      expect([...defectsOf(shown, "html-tag"), ...defectsOf(shown, "html-comment")]).toEqual([]);
    });

    it("links each finding to its exact path and line", () => {
      expect(links.findingLinks).toBeGreaterThan(0);
      expect(links.problems).toEqual([]);
    });

    // A finding in removed code (the old side) links to the diff's left side.
    it("links every finding that has a line, old side included", () => {
      expect(links.unlinked).toEqual([]);
    });

    // Not blob lines at the head: the PR's "Files changed" view, where reviewers comment.
    it("links into the PR's Files changed view", () => {
      expect(links.kinds.blob).toBe(0);
      expect(links.kinds["pr-diff"]).toBeGreaterThan(0);
    });

    // Same cause as the CLI comment's, fixed the same way.
    it("shows no literal character references", () => {
      expect(defectsOf(shown, "entity")).toEqual([]);
    });

    it(`fits above the first fold in ${FOLD_TARGET} px`, () => {
      expect(shown.heights.aboveFold).toBeLessThanOrEqual(FOLD_TARGET);
    });
  });

  describe("the Action's comment on a 300-finding PR", () => {
    let comment: ActionComment;
    let shown: Rendered;
    let links: LinkCheck;
    beforeAll(async () => {
      ({ comment, shown, links } = await renderedActionComment(manyFindingsPull(23)));
    }, 60_000);

    it("is a comment GitHub accepts, about 300 findings, with no markup shown as text", () => {
      expect(comment.report.findings.length).toBeGreaterThanOrEqual(280);
      expect(comment.body.length).toBeLessThan(COMMENT_LIMIT);
      expect(shown.requests).toEqual([]);
      expect([...defectsOf(shown, "html-tag"), ...defectsOf(shown, "html-comment")]).toEqual([]);
    });

    it("every finding link resolves to its exact path and line", () => {
      expect(links.findingLinks).toBeGreaterThan(0);
      expect(links.problems).toEqual([]);
    });

    it("links into the PR's Files changed view", () => {
      expect(links.kinds.blob).toBe(0);
      expect(links.kinds["pr-diff"]).toBeGreaterThan(0);
    });

    it("shows no literal character references", () => {
      expect(defectsOf(shown, "entity")).toEqual([]);
    });

    // The top of the comment does not grow with the PR: the fold target holds here too.
    it(`fits above the first fold in ${FOLD_TARGET} px`, () => {
      expect(shown.heights.aboveFold).toBeLessThanOrEqual(FOLD_TARGET);
    });
  });

  describe("the App's checklist comment and check run on the example PR", () => {
    const pull = examplePull();
    let app: AppOutputs;
    let context: LinkContext;
    let coveredItems: number;
    let checklist: Rendered;
    let checkRun: Rendered;
    beforeAll(async () => {
      app = await appOutputs(pull);
      const report = parseReport(await cliScan(EXAMPLE_DIFF, EXAMPLE_PR, "json"));
      context = {
        repo: app.repo,
        headSha: app.headSha,
        baseSha: app.baseSha,
        pr: pull.number,
        expected: findingTargets(report.findings),
      };
      coveredItems = report.gate.checklist.filter((c) => c.category).length;
      checklist = await renderer.render(commentPage(app.comment, "ai-review-gate[bot]"));
      checkRun = await renderer.render(checkRunPage(app.check));
    }, 60_000);

    for (const [name, view] of [
      ["checklist comment", () => checklist],
      ["check run", () => checkRun],
    ] as const) {
      it(`${name}: no literal character references, no markup shown as text, nothing fetched`, () => {
        expect(textDefects(view().text)).toEqual([]);
        expect(view().requests).toEqual([]);
      });

      it(`${name}: any finding link resolves to its exact path and line`, () => {
        expect(checkLinks(view().links, context).problems).toEqual([]);
      });

      // Items once named their top finding as text, with no link to it.
      it(`${name}: items link to the findings they cover`, () => {
        expect(checkLinks(view().links, context).findingLinks).toBeGreaterThanOrEqual(coveredItems);
      });
    }
  });
});
