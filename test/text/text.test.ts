import type { Nodes } from "hast";
import { fromHtml } from "hast-util-from-html";
import { describe, expect, it } from "vitest";
import { FRAGMENT, MASKED_FRAGMENT, SecretGuard } from "../../src/secrets/guard.js";
import { escapeControls, singleLine } from "../../src/text/controls.js";
import { toJson } from "../../src/text/json.js";
import { markdownBlock, markdownCode, markdownProse, markdownText } from "../../src/text/markdown.js";
import { quote, truncate } from "../../src/text/quote.js";
import { forTerminal } from "../../src/text/terminal.js";
import { encodePath } from "../../src/text/url.js";
import { mapStrings, mapStringsAt } from "../../src/text/walk.js";
import { closest, didYouMean, editDistance } from "../../src/util/did-you-mean.js";
import { markdownToHtml } from "../render/gfm.js";
import { FAKE } from "../secrets/fixtures.js";

/** The text a reader sees in rendered HTML (character references decoded). */
function textOf(html: string): string {
  const walk = (n: Nodes): string =>
    n.type === "text" ? n.value : "children" in n ? n.children.map((c) => walk(c as Nodes)).join("") : "";
  return walk(fromHtml(html, { fragment: true }));
}

describe("controls", () => {
  it("escapes C0, DEL, C1, bidi and separators visibly, and keeps other text", () => {
    expect(escapeControls("a\x1b]0;t\x07b")).toBe("a\\x1b]0;t\\x07b");
    expect(escapeControls("x\ny\r\tz\x7f\x9b")).toBe("x\\ny\\r\\tz\\x7f\\x9b");
    expect(escapeControls("safe\u202eevil\u2066\u2028")).toBe("safe\\u202eevil\\u2066\\u2028");
    expect(escapeControls("lone \ud800 pair 😀")).toBe("lone \\ud800 pair 😀");
    expect(escapeControls("données 🚀 — ok")).toBe("données 🚀 — ok");
    expect(forTerminal("\x1b[2J")).toBe("\\x1b[2J");
  });

  it("makes text one line", () => {
    expect(singleLine("  a\n\n b\u2028c\u0085d  ")).toBe("a b c d");
  });
});

describe("quote", () => {
  it("masks on the raw text before cutting, so the cut cannot keep part of a secret", () => {
    const line = `kubectl delete namespace prod --token=${FAKE.githubPat} --wait`;
    for (let max = 30; max <= 90; max++) {
      const q = quote(line, max);
      expect(q.length).toBeLessThanOrEqual(max);
      expect(q).not.toContain(FAKE.githubPat.slice(4, 12));
    }
    expect(quote(line, 200)).toContain("ghp_…(40 chars, sha256:");
  });

  it("is one line without controls, cut with an ellipsis, never inside a surrogate pair", () => {
    expect(quote("rm -rf /\n\x1b[2Jdone", 80)).toBe("rm -rf / \\x1b[2Jdone");
    expect(quote("abcdef", 4)).toBe("abc…");
    expect(truncate("😀😀😀", 2)).toBe("😀…");
    expect(quote("x".repeat(10), 10)).toBe("x".repeat(10));
  });

  it("masks passwords the findings would not report (weak, or only named by their context)", () => {
    for (const [line, password] of [
      ["mysql -uroot -phunter2 -e 'DROP DATABASE prod'", "hunter2"],
      ["terraform destroy -var db_password=Summer2024", "Summer2024"],
      ["rm -rf /data # pw=correcthorse", "correcthorse"],
      ["curl -u admin:letmein99 https://x", "letmein99"],
      ["sshpass -p s3cr3tpw ssh prod", "s3cr3tpw"],
      ["redis-cli -a r3disP4ss FLUSHALL", "r3disP4ss"],
      ["docker login -u ci -p dockerpw1 registry", "dockerpw1"],
      ["PGPASSWORD=pgpass123 dropdb prod", "pgpass123"],
      ["psql postgres://admin:dbpass77@db.internal/prod", "dbpass77"],
    ] as const) {
      const q = quote(line, 200);
      expect(q, line).not.toContain(password);
      expect(q, line).toMatch(/…\(\d+ chars\)/);
    }
    // References and type names are not values.
    const reference = ["$", "{{ secrets.DB }}"].join("");
    expect(quote(`password: ${reference}`, 200)).toContain(reference);
    expect(quote("def login(password: str):", 200)).toBe("def login(password: str):");
  });
});

describe("markdown", () => {
  it("keeps inline text on one line, with HTML, emphasis, links and references inert", () => {
    const md = markdownText("a\n</details>\n<img src=x onerror=alert(1)> @org/team #12 [x](y) *b* `c` &#64;x");
    expect(md).not.toContain("\n");
    expect(md).toContain("\\</details\\>");
    expect(md).toContain("\\<img");
    expect(md).toContain("@\u200borg/team");
    expect(md).toContain("\\#\u200b12");
    expect(md).toContain("\\[x\\](y)");
    expect(md).toContain("\\&\\#\u200b64;");
  });

  it("fences code spans longer than any backtick run inside, and escapes controls there", () => {
    expect(markdownCode("a.sql")).toBe("`a.sql`");
    expect(markdownCode("a`b")).toBe("``a`b``");
    expect(markdownCode("`x``")).toBe("``` `x`` ```");
    expect(markdownCode("a\n</details>")).toBe("`a\\n</details>`");
    expect(markdownCode("")).toBe("` `");
  });

  it("blocks keep their lines inside a fence longer than any inside", () => {
    expect(markdownBlock("x\n```\ny\x1b")).toBe("````text\nx\n```\ny\\x1b\n````");
  });

  it("prose keeps its code spans and loses HTML and references", () => {
    expect(markdownProse("Run `rm -rf <dir> && ls` then ping @team <b>now</b>")).toBe(
      "Run `rm -rf <dir> && ls` then ping @\u200bteam \\<b\\>now\\</b\\>",
    );
  });
});

describe("markdown as GitHub renders it (cmark-gfm, autolinks on)", () => {
  const hostile =
    "see https://evil.example/x and HTTP://EVIL.EXAMPLE, www.evil.example, _www.evil.example_, a@evil.example, &#x202E;cod.exe &amp; &lt;b&gt; a`b";
  const linksIn = (html: string) => [...html.matchAll(/<a\b[^>]*>/g)].map((m) => m[0]);

  it("inline text: no live link, no decoded character reference, the text shown as written", () => {
    for (const md of [markdownText(hostile)]) {
      const html = markdownToHtml(md);
      expect(linksIn(html), md).toEqual([]);
      expect(html).not.toContain("\u202e");
      // The zero-width spaces after "@" and "#" are the neutralized references.
      const shown = textOf(html).replaceAll("\u200b", "");
      expect(shown).toContain("https://evil.example/x");
      expect(shown).toContain("www.evil.example");
      expect(shown).toContain("&#x202E;cod.exe &amp; &lt;b&gt;");
    }
  });

  it("prose (remediations, from the project or the maintainers' config): no decoded character reference", () => {
    const html = markdownToHtml(markdownProse("Run `a&#x202E;b` then &#x202E;c &amp;"));
    expect(html).not.toContain("\u202e");
    expect(textOf(html).replaceAll("\u200b", "")).toContain("a&#x202E;b then &#x202E;c &amp;");
  });

  it("code spans (file names): verbatim, backticks and entities included, never a link", () => {
    const name = "db/www.evil.example/a`b &#x202E; ``c.sql";
    const html = markdownToHtml(`- ${markdownCode(name)} x`);
    expect(linksIn(html)).toEqual([]);
    expect(textOf(html)).toContain(name);
  });
});

describe("json, urls, walking", () => {
  it("escapes DEL, C1, bidi and separators so the JSON is inert and still equal once parsed", () => {
    const value = { s: "a\x7f\x9b\u202e\u2028\x1b" };
    const json = toJson(value);
    expect(json).not.toMatch(/[\x7f-\x9f\u202e\u2028\x1b]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it("encodes paths for links, parentheses and lone surrogates included", () => {
    expect(encodePath("a b/c(1).ts")).toBe("a%20b/c%281%29.ts");
    expect(encodePath("x\ud800.ts")).toBe("x%EF%BF%BD.ts");
  });

  it("maps every string with its path", () => {
    const seen: string[] = [];
    expect(
      mapStrings({ a: ["x", { b: "y" }], n: 1 }, (s, p) => {
        seen.push(p);
        return s.toUpperCase();
      }),
    ).toEqual({
      a: ["X", { b: "Y" }],
      n: 1,
    });
    expect(seen).toEqual(["a[0]", "a[1].b"]);
  });

  it("gives each string the key it sits under, and its path only when asked", () => {
    const seen: string[] = [];
    mapStringsAt({ files: ["x", ["y"]], "a.b": { "[0]": "z" }, s: "w" }, (text, place) => {
      seen.push(`${text} ${place.key} ${place.path()}`);
      return text;
    });
    expect(seen).toEqual(["x files files[0]", "y files files[1][0]", "z [0] a.b.[0]", "w s s"]);
  });
});

describe("the run's secret guard", () => {
  it("masks every run covered by 8-character fragments of a known secret, and counts it", () => {
    const guard = new SecretGuard();
    const secret = FAKE.awsSecret;
    guard.add(secret);
    const text = `cut: ${secret.slice(3, 20)}… and ${secret.slice(25)} and ${secret.slice(0, FRAGMENT - 1)}`;
    const r = guard.mask(text);
    expect(r.leaks).toBe(2);
    expect(r.text).toBe(`cut: ${MASKED_FRAGMENT}… and ${MASKED_FRAGMENT} and ${secret.slice(0, 7)}`);
    expect(guard.mask("nothing here at all").leaks).toBe(0);
  });

  it("in plain-only mode, leaves windows with syntax characters alone", () => {
    const guard = new SecretGuard();
    guard.add("ab</details>cd");
    expect(guard.mask("x</details>y", true).leaks).toBe(0);
    expect(guard.mask("x</details>y").leaks).toBe(1);
  });

  it("is linear: a megabyte against a thousand secrets in well under a second", () => {
    const guard = new SecretGuard();
    for (let i = 0; i < 1000; i++) guard.add(`${FAKE.githubPat}${i}`);
    const text = "lorem ipsum dolor sit amet ".repeat(40_000);
    const started = performance.now();
    expect(guard.mask(text).leaks).toBe(0);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe("did you mean", () => {
  it("suggests the closest candidate when it is close, nothing otherwise", () => {
    expect(editDistance("scna", "scan")).toBe(1);
    expect(closest("scna", ["scan", "protect"])).toBe("scan");
    expect(closest("frobnicate", ["scan", "protect"])).toBeNull();
    expect(didYouMean("dependncy", ["dependency", "secrets"])).toBe('; did you mean "dependency"?');
  });
});
