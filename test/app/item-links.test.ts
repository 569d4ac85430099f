import { describe, expect, it } from "vitest";
import { commitCheck } from "../../app/gate/check-run.js";
import { parseBody, renderComment } from "../../app/gate/checklist-comment.js";
import { decodeRecord, encodeRecord, viewMarker } from "../../app/gate/record.js";
import { diffAnchor } from "../../src/format/links.js";
import { evaluated, H1, pull } from "./builders.js";

const files = (url: string) => `${url}/files#`;

describe("checklist items point at the findings they cover", () => {
  const state = evaluated({
    reportSpec: {
      findings: [
        { category: "secrets", file: "config/prod.env" },
        { category: "secrets", file: "a`b (c).env" },
        { category: "custom", file: "lib/pay.js" },
      ],
    },
  });

  it("in the checklist comment and the check run, into the PR's Files changed view", () => {
    const url = "https://github.com/o/r/pull/2";
    const body = renderComment(state);
    const check = commitCheck({ sha: H1, entries: [state], openPulls: [2] });
    for (const text of [body, check.summary!]) {
      expect(text).toContain(`[\`config/prod.env:1\`](${files(url)}${diffAnchor("config/prod.env")}R1)`);
      expect(text).toContain(`[2](${files(url)}${diffAnchor("a`b (c).env")}R1)`);
      expect(text).toContain(`[\`lib/pay.js:1\`](${files(url)}${diffAnchor("lib/pay.js")}R1)`);
    }
    // The item lines still parse as items, one each.
    expect([...parseBody(body).items.keys()]).toEqual(["category:secrets", "category:custom", "signoff:1"]);
  });

  it("survive the record's round trip, so the view's digest still matches", () => {
    const [decoded] = decodeRecord(encodeRecord([state]));
    expect(decoded).toEqual(state);
    expect(viewMarker(decoded!)).toBe(viewMarker(state));
  });

  it("without the PR's page (an older record, a URL of another shape) the location shows without a link", () => {
    for (const url of [
      undefined,
      "javascript:alert(1)//pull/2",
      "https://github.com/o/r/pull/2)[x](https://evil.test",
    ]) {
      const s = evaluated({ pull: pull(url === undefined ? { htmlUrl: "" } : { htmlUrl: url }) });
      const body = renderComment(s);
      expect(body).toContain("→ `lib/pay.js:1`");
      expect(body).not.toContain("](");
    }
  });
});
