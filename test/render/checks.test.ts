import { describe, expect, it } from "vitest";
import { markdownToHtml } from "./gfm.js";
import { checkLinks, diffAnchor, type LinkContext, parseLink } from "./links.js";
import { textDefects } from "./text-checks.js";

/** The harness's own pieces that need no browser: the GFM pipeline, the text checks, the link checks. */

describe("markdownToHtml (cmark-gfm + GitHub's sanitization)", () => {
  it("keeps what GitHub keeps: details/summary (open), sub, tables, task lists", () => {
    const html = markdownToHtml(
      "<details open><summary><b>S</b></summary>\n\n| a |\n|---|\n| 1 |\n\n- [x] done\n- [ ] todo <sub>`r`</sub>\n\n</details>\n",
    );
    expect(html).toContain("<details open><summary><b>S</b></summary>");
    expect(html).toContain("<table>");
    expect(html).toContain('<ul class="contains-task-list">');
    expect(html).toContain(
      '<li class="task-list-item"><input type="checkbox" checked disabled class="task-list-item-checkbox"> done',
    );
    expect(html).toContain("<sub><code>r</code></sub>");
  });

  it("drops what GitHub drops: scripts, event handlers, styles, javascript: links, HTML comments", () => {
    const html = markdownToHtml(
      '<div onclick="x()" style="color:red">a</div>\n\n<img src="https://e.test/x.png" onerror="x()">\n\n[l](javascript:alert(1)) <!-- hidden -->\n\n<script>alert(1)</script>\n',
    );
    expect(html).not.toMatch(/onclick|onerror|style=|javascript:|<!--|<script/i);
  });

  it("treats a newline in a comment as a line break, as GitHub does for comments", () => {
    expect(markdownToHtml("one\ntwo\n")).toBe("<p>one<br>\ntwo</p>\n");
  });

  it("renders a GitHub alert as a titled callout", () => {
    const html = markdownToHtml("> [!WARNING]\n> Ticks were reset.\n");
    expect(html).toContain(
      '<div class="markdown-alert markdown-alert-warning"><p class="markdown-alert-title">Warning</p>',
    );
    expect(html).not.toContain("[!WARNING]");
    expect(markdownToHtml("> [!NOPE]\n> x\n")).toContain("<blockquote>");
  });

  it("shows a character reference inside a code span literally (the defect class the text check catches)", () => {
    expect(markdownToHtml("`@&lt;sha&gt;` and @&lt;sha&gt;\n")).toBe(
      "<p><code>@&#x26;lt;sha&#x26;gt;</code> and @&#x3C;sha></p>\n",
    );
  });
});

describe("textDefects", () => {
  it("finds literal character references, in code spans too", () => {
    const found = textDefects([
      { text: "pin it @&lt;sha&gt; # v4", code: true },
      { text: "Tom &amp; Jerry, &#39;x&#39;, &#x27;", code: false },
    ]);
    expect(found.map((d) => d.match)).toEqual(["&lt;", "&gt;", "&amp;", "&#39;", "&#39;", "&#x27;"]);
    expect(found[0]!.context).toContain("@&lt;sha&gt;");
  });

  it("finds markup shown as text outside code, and leaves quoted code alone", () => {
    const found = textDefects([
      { text: "finding <br>↳ fix </details> <sub>rule</sub>", code: false },
      { text: "hidden <!-- ai-review-gate:item x -->", code: false },
      { text: "<details><br><script>", code: true },
    ]);
    expect(found.map((d) => `${d.kind}:${d.match}`)).toEqual([
      "html-tag:<br>",
      "html-tag:</details>",
      "html-tag:<sub>",
      "html-tag:</sub>",
      "html-comment:<!--",
      "html-comment:-->",
    ]);
  });

  it("accepts ordinary text: a bare ampersand, comparisons, arrows, unknown tags", () => {
    expect(textDefects([{ text: "AT&T ships a < b && c > d -> e, Array<string>, <T>, R&D;", code: false }])).toEqual(
      [],
    );
  });
});

describe("parseLink and checkLinks", () => {
  const head = "4f1c2d3e5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d";
  const base = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
  const repo = "https://github.com/octo-org/hello-world";
  const ctx: LinkContext = {
    repo: "octo-org/hello-world",
    headSha: head,
    baseSha: base,
    pr: 7,
    expected: [
      { path: "infra/prod db/main.tf", line: 15, side: "new" },
      { path: "app/auth.rb", line: 2, side: "old" },
      { path: "package.json", line: null, side: "new" },
    ],
  };
  const diff = (path: string, suffix: string) => `${repo}/pull/7/files#${diffAnchor(path)}${suffix}`;

  it("reads blob links (percent-encoded paths, line ranges) and PR diff links (R/L sides)", () => {
    expect(parseLink(`${repo}/blob/${head}/infra/prod%20db/main.tf#L15-L16`, [])).toEqual({
      kind: "blob",
      repo: "octo-org/hello-world",
      sha: head,
      path: "infra/prod db/main.tf",
      line: 15,
      side: "new",
    });
    expect(parseLink(diff("app/auth.rb", "L2"), ["x", "app/auth.rb"])).toEqual({
      kind: "pr-diff",
      repo: "octo-org/hello-world",
      pr: 7,
      path: "app/auth.rb",
      line: 2,
      side: "old",
    });
    expect(parseLink(diff("a.ts", "R3"), ["b.ts"])).toMatchObject({ kind: "pr-diff", path: null, line: 3 });
    expect(parseLink("https://claude.com/claude-code", [])).toEqual({ kind: "other" });
    expect(parseLink("not a url", [])).toEqual({ kind: "other" });
  });

  it("accepts links to the exact finding locations and reports none unlinked", () => {
    const check = checkLinks(
      [
        { href: diff("infra/prod db/main.tf", "R15"), text: "infra/prod db/main.tf:15" },
        { href: `${repo}/blob/${base}/app/auth.rb#L2`, text: "app/auth.rb:2" },
        { href: diff("package.json", ""), text: "package.json" },
        { href: "https://claude.com/claude-code", text: "Claude Code" },
      ],
      ctx,
    );
    expect(check).toEqual({ findingLinks: 3, kinds: { blob: 1, "pr-diff": 2, other: 1 }, problems: [], unlinked: [] });
  });

  it("flags a wrong line, side, commit, repository, PR, unknown file or a label that disagrees", () => {
    const check = checkLinks(
      [
        { href: diff("infra/prod db/main.tf", "R16"), text: "x" },
        { href: diff("app/auth.rb", "R2"), text: "x" },
        { href: `${repo}/blob/${"e".repeat(40)}/app/auth.rb#L2`, text: "x" },
        { href: `https://github.com/other/repo/pull/7/files#${diffAnchor("app/auth.rb")}L2`, text: "x" },
        { href: `${repo}/pull/8/files#${diffAnchor("app/auth.rb")}L2`, text: "x" },
        { href: diff("unknown.ts", "R1"), text: "x" },
        { href: `${repo}/blob/${base}/app/auth.rb#L2`, text: "`app/auth.rb:3`" },
      ],
      ctx,
    );
    expect(check.problems.map((p) => p.why)).toEqual([
      "new side infra/prod db/main.tf:16 is not a finding's location",
      "new side app/auth.rb:2 is not a finding's location",
      `commit ${"e".repeat(40)} is neither the head nor the base`,
      "repository other/repo, expected octo-org/hello-world",
      "PR #8, expected #7",
      "diff anchor matches no file of the report",
      "label says app/auth.rb:3, link goes to app/auth.rb:2",
    ]);
    expect(check.unlinked).toEqual([{ path: "infra/prod db/main.tf", line: 15, side: "new" }]);
  });
});
