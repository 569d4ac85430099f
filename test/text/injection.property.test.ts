import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { formatMarkdown } from "../../src/format/index.js";
import { mapStrings } from "../../src/text/walk.js";
import { markdownToHtml } from "../render/gfm.js";
import { allOutputs, type Outputs, PLACES, type Place, render, scenario } from "./hostile.js";

/**
 * Issue 12: hostile bytes in every place a PR can put text never drive a terminal (text output) or the log
 * (annotations), never break JSON, and never leave their Markdown context (PR comment, job summary).
 */
const params = { seed: Number(process.env.INJECT_SEED ?? 2024), numRuns: Number(process.env.INJECT_RUNS ?? 200) };
/** Long runs (the env variables) get the time they need. */
const timeout = 30_000 + params.numRuns * 50;

/** Every character a terminal or a renderer acts on, and the sequences attackers use. */
const HOSTILE_PIECES = [
  "\x1b[2J",
  "\x1b]0;owned\x07",
  "\x1b]8;;https://evil.example\x1b\\",
  "\x9b31m",
  "\x07",
  "\x08",
  "\r",
  "\n",
  "\r\n",
  "\t",
  "\x00",
  "\x7f",
  "\x85",
  "\u202e",
  "\u2066",
  "\u2028",
  "\ufeff",
  "\ud800",
  "</details>",
  "<!--",
  "-->",
  '<img src=x onerror="alert(1)">',
  "@org/team",
  "@octocat",
  "#1",
  "`",
  "``",
  "```",
  "|",
  "[x](https://evil.example)",
  "**",
  "_",
  "\\",
  "&#64;org",
  "&#x202E;",
  "https://evil.example/x",
  "www.evil.example",
  "a@evil.example",
  "data",
  "ok",
  " ",
];
const hostile = fc.array(fc.constantFrom(...HOSTILE_PIECES), { minLength: 1, maxLength: 12 }).map((p) => p.join(""));

/** C0 (but the line feeds that end our own lines), DEL, C1, bidi and separators, lone surrogates. */
const UNSAFE =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const OUR_COLORS = /\x1b\[\d+m/g;

/** Our links: a finding's line at the head commit. */
const OUR_LINK = /^<a href="https:\/\/github\.com\/o\/r\/blob\/abc123\/[^"]*">$/;

/**
 * The Markdown outputs (the Action's comment and job summary) as GitHub renders them: no control character decoded into the page (`&#x202E;`), no image, and no
 * link but ours (GFM autolinks bare URLs, `www.` names and addresses).
 */
function expectInertMarkdown(outputs: Outputs, place: Place): void {
  for (const format of ["markdown", "summary"] as const) {
    const html = markdownToHtml(outputs[format]);
    expect(html.replace(/\n/g, " "), format).not.toMatch(UNSAFE);
    expect(html, format).not.toMatch(/<img\b/);
    // A maintainer's remediation (the base branch's config) may link a runbook: the one place a link may come from.
    if (place === "config-value") continue;
    for (const [link] of html.matchAll(/<a\b[^>]*>/g)) expect(link, format).toMatch(OUR_LINK);
  }
}

describe("no input drives the terminal, the log or the JSON (property)", () => {
  it(
    "hostile bytes at any place",
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...PLACES), hostile, fc.nat({ max: 120 }), async (place, text, pad) => {
          const { outputs } = await allOutputs(scenario(place, text, pad));
          expect(outputs.text, "text").not.toMatch(UNSAFE);
          expect(outputs.color.replace(OUR_COLORS, ""), "colored text").not.toMatch(UNSAFE);
          expect(outputs.annotations, "annotations").not.toMatch(UNSAFE);
          for (const format of ["json", "sarif"] as const) {
            expect(() => JSON.parse(outputs[format]), format).not.toThrow();
            expect(outputs[format], format).not.toMatch(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
          }
          expectInertMarkdown(outputs, place);
        }),
        params,
      );
    },
    timeout,
  );
});

/** git's C quoting of a path, as `git diff` prints one with newlines, quotes or non-ASCII bytes. */
function gitQuote(path: string): string {
  let out = "";
  for (const byte of Buffer.from(path, "utf8")) {
    const ch = String.fromCharCode(byte);
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (byte < 0x20 || byte >= 0x7f) out += `\\${byte.toString(8).padStart(3, "0")}`;
    else out += ch;
  }
  return `"${out}"`;
}

function diffWithPaths(junk: string): string {
  const png = gitQuote(`b/assets/${junk}.png`);
  const bsql = gitQuote(`b/db/migrate/${junk}.sql`);
  const asql = gitQuote(`a/db/migrate/${junk}.sql`);
  return [
    `diff --git ${asql} ${bsql}`,
    "new file mode 100644",
    "--- /dev/null",
    `+++ ${bsql}`,
    "@@ -0,0 +1 @@",
    "+DROP TABLE users;",
    `diff --git ${gitQuote(`a/assets/${junk}.png`)} ${gitQuote(`b/assets/${junk}.png`)}`,
    "new file mode 100644",
    `Binary files /dev/null and ${png} differ`,
    "",
  ].join("\n");
}

/** Inline code spans of one line removed, by CommonMark's rule: a run of n backticks closes at the next run of n. */
function outsideCodeSpans(line: string): string {
  let out = "";
  let i = 0;
  while (i < line.length) {
    if (line[i] !== "`") {
      out += line[i];
      i++;
      continue;
    }
    let n = 0;
    while (line[i + n] === "`") n++;
    let j = i + n;
    let close = -1;
    while (j < line.length) {
      if (line[j] !== "`") {
        j++;
        continue;
      }
      let m = 0;
      while (line[j + m] === "`") m++;
      if (m === n) {
        close = j;
        break;
      }
      j += m;
    }
    if (close < 0) {
      out += "`".repeat(n);
      i += n;
    } else {
      out += "CODE";
      i = close + n;
    }
  }
  return out;
}

const OUR_TAGS = /<\/?(?:details|summary|b|sub|br)(?: open)?>|<!-- ai-review-gate:action -->/g;

function shape(markdown: string): string[] {
  return markdown.split("\n").map((l) => /^\S*/.exec(l)![0]);
}

describe("paths never leave their Markdown context (property)", () => {
  it(
    "newlines, HTML, mentions and backticks in file names",
    async () => {
      await fc.assert(
        fc.asyncProperty(hostile, async (junk) => {
          const report = await analyze({ diff: diffWithPaths(junk) });
          const plain = mapStrings(report, (s, path) => (/(?:^|\.)(?:file|files\[\d+\])$/.test(path) ? "x" : s));
          for (const options of [{ marker: "<!-- ai-review-gate:action -->" }, { maxLength: 512_000 }]) {
            const md = formatMarkdown(report, options);
            const reference = formatMarkdown(plain, options);
            // Same lines, each starting the same way: nothing opened a block or a new list item.
            expect(shape(md)).toEqual(shape(reference));
            for (const line of md.split("\n")) {
              const outside = outsideCodeSpans(line).replace(OUR_TAGS, "");
              // Any other `<` is backslash-escaped (CommonMark shows it as text); no mention outside code.
              expect(outside, line).not.toMatch(/(?<!\\)(?:\\\\)*<|&#/);
              expect(outside, line).not.toMatch(/@[A-Za-z0-9]/);
            }
            const tags = (text: string) => text.split("\n").flatMap((l) => outsideCodeSpans(l).match(OUR_TAGS) ?? []);
            expect(tags(md)).toEqual(tags(reference));
          }
          // Every hostile piece of the name shows up, decoded and escaped, in the text output too.
          expect(render(report).text).not.toMatch(UNSAFE);
        }),
        params,
      );
    },
    timeout,
  );
});
