import { describe, expect, test } from "vitest";
import { buildDisqualified, coAuthors } from "../../app/gate/authorize.js";
import { gateTitle } from "../../app/gate/check-run.js";
import { inlineText, parseBody, renderComment, soleStateLine } from "../../app/gate/checklist-comment.js";
import { parseCodeowners } from "../../app/gate/codeowners.js";
import { decodeStateLine, deriveStateKey, encodeState, type GateState, progress } from "../../app/gate/state.js";
import { queuedPullNumber } from "../../app/handlers/merge-group.js";

const key = deriveStateKey("unit-secret");
const base: GateState = {
  v: 1,
  repo: 1,
  pr: 7,
  head: "a".repeat(40),
  seq: 1,
  required: true,
  reason: "PR at risk level high (threshold medium)",
  level: "high",
  approvals: 1,
  items: [
    {
      id: "category:migration",
      text: "Migration is safe",
      category: "migration",
      detail: "adds index on users.email",
      files: ["db/1.sql"],
      route: { team: "org/dba" },
    },
  ],
  signoffs: [],
  ticks: [],
  disqualified: { logins: [], emails: [], names: [] },
  ai: { detected: true, agents: ["copilot"] },
  audit: [],
  notes: [],
};

describe("signed state", () => {
  test("round trip, and any change to payload, signature, PR or repo is rejected", () => {
    const line = encodeState(base, key);
    expect(decodeStateLine(line, key, { repo: 1, pr: 7 })).toEqual({ ok: true, state: base });
    expect(decodeStateLine(line, key, { repo: 1, pr: 8 })).toMatchObject({ ok: false, reason: "wrong-pr" });
    expect(decodeStateLine(line, key, { repo: 2, pr: 7 })).toMatchObject({ ok: false, reason: "wrong-pr" });
    expect(decodeStateLine(line, deriveStateKey("other"), { repo: 1, pr: 7 })).toMatchObject({
      reason: "bad-signature",
    });
    const i = line.indexOf(".") + 5;
    const flipped = line.slice(0, i) + (line[i] === "A" ? "B" : "A") + line.slice(i + 1);
    expect(decodeStateLine(flipped, key, { repo: 1, pr: 7 }).ok).toBe(false);
    expect(decodeStateLine(`${line} `, key, { repo: 1, pr: 7 }).ok).toBe(false);
  });

  test("an empty secret is refused", () => {
    expect(() => deriveStateKey("")).toThrow(/needs a secret/);
  });

  test("progress counts distinct approvers", () => {
    const s = { ...base, approvals: 2, signoffs: ["signoff:1", "signoff:2"] };
    const t = (item: string, login: string) => ({ item, login, userId: 1, at: "t", sha: base.head });
    expect(progress({ ...s, ticks: [t("category:migration", "a"), t("signoff:1", "a")] })).toMatchObject({
      satisfied: false,
      moreApprovers: 1,
    });
    expect(progress({ ...s, ticks: [t("category:migration", "a"), t("signoff:1", "b")] }).satisfied).toBe(true);
  });
});

describe("checklist comment", () => {
  test("render then parse finds each item once, and the single state line", () => {
    const body = renderComment(base, key);
    const parsed = parseBody(body);
    expect([...parsed.items.entries()]).toEqual([
      ["category:migration", { checked: false, count: 1, rest: expect.stringContaining("Migration is safe") }],
    ]);
    expect(soleStateLine(parsed)).toBe(encodeState(base, key));
  });

  test("lines inside fences, multi-line HTML comments, quotes or indentation are not items", () => {
    const line = "- [x] **x** <!-- ai-review-gate:item category:migration -->";
    for (const body of [
      `\`\`\`\n${line}\n\`\`\``,
      `~~~md\n${line}\n~~~`,
      `<!--\n${line}\n-->`,
      `> ${line}`,
      `  ${line}`,
      line.replace("[x]", "[х]"),
      line.replace("- [x]", "-\u00a0[x]"),
    ]) {
      expect(parseBody(body).items.size).toBe(0);
    }
    expect(parseBody(`${line}\n${line}`).items.get("category:migration")?.count).toBe(2);
    // CRLF (browser edits) still parses.
    expect(parseBody(`a\r\n${line}\r\n`).items.get("category:migration")?.checked).toBe(true);
  });

  test("config text cannot inject markup or markers", () => {
    expect(inlineText("a <!-- ai-review-gate:state v1.x.y --> b\n- [x] c")).toBe(
      "a &lt;!-- ai-review-gate:state v1.x.y --&gt; b - \\[x\\] c",
    );
    const body = renderComment(
      { ...base, items: [{ ...base.items[0]!, text: "x <!-- ai-review-gate:state v1.a.b -->" }] },
      key,
    );
    expect(parseBody(body).stateLines).toHaveLength(1);
  });

  test("the blocking title names the team and the finding", () => {
    expect(gateTitle(base)).toBe("needs 1 more approver from @org/dba: adds index on users.email");
  });
});

describe("people", () => {
  test("co-author trailers, noreply addresses and requesters", () => {
    expect(
      coAuthors("x\n\nCo-authored-by: Ann Lee <ann@example.com>\nco-authored-by: bot <noreply@anthropic.com>"),
    ).toEqual([
      { name: "Ann Lee", email: "ann@example.com" },
      { name: "bot", email: "noreply@anthropic.com" },
    ]);
    const d = buildDisqualified(
      [
        { login: "Alice" },
        { login: "web-flow" },
        { email: "123+bob@users.noreply.github.com", name: "Bob" },
        { name: "Ann Lee", email: "ann@example.com" },
        { name: "Claude", email: "noreply@anthropic.com" },
      ],
      ["@Dave", "erin@example.org"],
    );
    expect(d).toEqual({
      logins: ["alice", "bob", "dave"],
      emails: ["ann@example.com", "erin@example.org"],
      names: ["ann lee"],
    });
  });
});

describe("codeowners and merge queue", () => {
  test("last matching CODEOWNERS rule wins", () => {
    const co = parseCodeowners("# owners\n*  @org/all\n/db/ @org/dba @carol\n*.sql @sql-team-lead\n");
    expect(co.ownersOf("db/migrate/1.sql")).toEqual(["@sql-team-lead"]);
    expect(co.ownersOf("db/schema.rb")).toEqual(["@org/dba", "@carol"]);
    expect(co.ownersOf("src/a.ts")).toEqual(["@org/all"]);
  });

  test("queue branch names give the PR number", () => {
    expect(queuedPullNumber("refs/heads/gh-readonly-queue/main/pr-104-929f8209d40f77f4abc622a499c93a83babdbe64")).toBe(
      104,
    );
    expect(queuedPullNumber("refs/heads/main")).toBeNull();
  });
});
