import { describe, expect, test } from "vitest";
import { gateTitle } from "../../app/gate/check-run.js";
import { inlineText, parseBody, quotedText, renderComment, soleMarkerLine } from "../../app/gate/checklist-comment.js";
import { parseCodeowners, routeByOwners } from "../../app/gate/codeowners.js";
import { capturePeople, coAuthors, emptyExclusions, MAX_EXCLUDED, unionExclusions } from "../../app/gate/people.js";
import { decodeRecord, encodeRecord, isViewOf, parseViewMarker, viewMarker } from "../../app/gate/record.js";
import { evaluated, H1, P } from "./builders.js";

describe("record", () => {
  test("round trip through the check run text; anything else decodes to nothing", () => {
    const s = evaluated();
    const text = `history\n\n${encodeRecord([s])}`;
    expect(decodeRecord(text)).toEqual([s]);
    expect(decodeRecord("no record here")).toEqual([]);
    expect(decodeRecord(`<!-- ai-review-gate:record v2 AAAA -->`)).toEqual([]);
    expect(decodeRecord(encodeRecord([{ ...s, seq: "x" } as never]))).toEqual([]);
  });

  test("a view marker matches only the record it was rendered from", () => {
    const s = evaluated();
    const m = parseViewMarker(viewMarker(s));
    expect(isViewOf(m, s)).toBe(true);
    expect(isViewOf(m, { ...s, seq: s.seq + 1 })).toBe(false);
    expect(isViewOf(m, { ...s, ticks: [{ item: "signoff:1", by: P.alice, at: "t", head: H1, base: "main" }] })).toBe(
      false,
    );
    // Notes, audit rows and the comment id are presentation: a refusal does not invalidate views.
    expect(isViewOf(m, { ...s, notes: ["x"], commentId: 5, audit: [{ at: "t", head: H1, kind: "refused" }] })).toBe(
      true,
    );
  });
});

describe("checklist comment", () => {
  test("render then parse finds each item once, and the single marker line", () => {
    const s = evaluated();
    const parsed = parseBody(renderComment(s));
    expect([...parsed.items.keys()]).toEqual(["category:custom", "signoff:1"]);
    expect(soleMarkerLine(parsed)).toBe(viewMarker(s));
  });

  test("lines inside fences, multi-line HTML comments, quotes, indentation or look-alikes are not items", () => {
    const line = "- [x] **x** <!-- ai-review-gate:item category:migration -->";
    for (const body of [
      `\`\`\`\n${line}\n\`\`\``,
      `~~~md\n${line}\n~~~`,
      `<!--\n${line}\n-->`,
      `> ${line}`,
      `  ${line}`,
      line.replace("[x]", "[х]"),
      line.replace("- [x]", "-\u00a0[x]"),
      line.replace("[x]", "[\u200bx]"),
      `text\r${line}`.replace("- [x]", "-  [x]"),
    ]) {
      expect(parseBody(body).items.size).toBe(0);
    }
    expect(parseBody(`${line}\n${line}`).items.get("category:migration")?.count).toBe(2);
    // CRLF and lone CR (both are line ends in CommonMark) still parse.
    expect(parseBody(`a\r\n${line}\r\n`).items.get("category:migration")?.checked).toBe(true);
    expect(parseBody(`a\r${line}`).items.get("category:migration")?.checked).toBe(true);
  });

  test("config and diff text cannot inject markup, markers, mentions or invisible reordering", () => {
    expect(inlineText("a <!-- ai-review-gate:view pr=1 --> b\n- [x] c")).toBe(
      "a &lt;!-- ai-review-gate\u200b:view pr=1 --&gt; b - \\[x\\] c",
    );
    // The App's marker words are broken in any quoted text, so the parser never counts it as a marker.
    expect(parseBody(inlineText("ai-review-gate:item category:x ai-review-gate:view")).malformedItemMarkers).toBe(0);
    expect(parseBody(inlineText("AI-Review-Gate:view")).markerLines).toEqual([]);
    expect(inlineText("safe\u202Egnp.exe")).toBe("safe\\[U+202E\\]gnp.exe");
    expect(quotedText("ping @org/admins", 100)).toBe("ping @\u200borg/admins");
    const s = evaluated({
      reportSpec: {
        extras: [{ id: "x", text: "x <!-- ai-review-gate:view pr=2 head=aaaaaaa seq=9 digest=0000000000000000 -->" }],
      },
    });
    expect(parseBody(renderComment(s)).markerLines).toHaveLength(1);
  });

  test("the blocking title names who must act and on what", () => {
    const s = evaluated({ configText: "gate:\n  policy: all\n  routes:\n    custom:\n      team: org/dba\n" });
    expect(gateTitle(s)).toBe("needs 1 more sign-off and @org/dba to tick: risky change in lib/pay.js (lib/pay.js:1)");
  });
});

describe("people", () => {
  test("co-author trailers, noreply addresses, service addresses and requesters", () => {
    expect(
      coAuthors("x\n\nCo-authored-by: Ann Lee <ann@example.com>\nco-authored-by: bot <noreply@anthropic.com>"),
    ).toEqual([
      { name: "Ann Lee", email: "ann@example.com" },
      { name: "bot", email: "noreply@anthropic.com" },
    ]);
    const e = capturePeople({
      author: P.author,
      commits: [
        {
          sha: H1,
          message: "x\n\nCo-authored-by: Ann Lee <ann@example.com>\nCo-authored-by: Claude <noreply@anthropic.com>",
          author: { name: "Bob", email: "12+bob@users.noreply.github.com", user: null },
          committer: {
            name: "GitHub",
            email: "noreply@github.com",
            user: { id: 19864447, login: "web-flow", type: "User" },
          },
        },
      ],
      requesters: ["@Dana", "erin@example.org", "Frank Person"],
      known: [P.dana],
      resolved: new Map(),
    });
    expect(e).toEqual({
      ids: [P.author.id, P.bob.id, P.dana.id],
      logins: ["dana"],
      emails: ["ann@example.com", "erin@example.org"],
      names: ["ann lee", "frank person"],
      overflow: false,
    });
  });

  test("the remembered set only grows; past its capacity it locks for good", () => {
    const a = { ...emptyExclusions(), ids: [1, 2] };
    expect(unionExclusions(a, { ...emptyExclusions(), ids: [3] }).ids).toEqual([1, 2, 3]);
    const many = { ...emptyExclusions(), emails: Array.from({ length: MAX_EXCLUDED + 1 }, (_, i) => `p${i}@x.org`) };
    const over = unionExclusions(a, many);
    expect(over.overflow).toBe(true);
    expect(over.ids).toEqual([1, 2]);
    expect(unionExclusions(over, emptyExclusions()).overflow).toBe(true);
  });
});

describe("codeowners", () => {
  test("last matching rule wins; unsupported lines are skipped like GitHub does", () => {
    const co = parseCodeowners(
      "# owners\n*  @org/all\n/db/ @org/dba @carol\n*.sql @sql-team-lead\n!*.md @x\n[ab].js @y\n",
    );
    expect(co.ownersOf("db/migrate/1.sql").owners).toEqual(["@sql-team-lead"]);
    expect(co.ownersOf("db/schema.rb").owners).toEqual(["@org/dba", "@carol"]);
    expect(co.ownersOf("a.js").owners).toEqual(["@org/all"]);
  });

  test("an item's route fails closed unless every file has a checkable owner", () => {
    expect(routeByOwners("*.js @a\n", ["x.js", "y.js"])).toEqual({ owners: ["@a"] });
    expect(routeByOwners("*.js @a\n", ["x.js", "y.py"])).toEqual({ unresolved: expect.stringContaining("y.py") });
    expect(routeByOwners(null, ["x.js"])).toEqual({ unresolved: expect.stringContaining("no CODEOWNERS") });
  });
});
