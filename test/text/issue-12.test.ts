import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectAi } from "../../src/ai/detect.js";
import { defaultConfig } from "../../src/config/load.js";
import { analyze } from "../../src/engine/analyze.js";
import { SecretGuard } from "../../src/secrets/guard.js";
import { markdownToHtml } from "../render/gfm.js";
import { FAKE } from "../secrets/fixtures.js";
import { addedFile } from "../support/diff.js";
import { allOutputs, FORMATS, longestLeak, render } from "./hostile.js";

/**
 * Regression tests, one per finding measured in issue 12 ("Reports that never leak a secret, never drive a
 * terminal, and refuse what they cannot handle"). The CLI findings are in test/cli/conventions.test.ts.
 */

const PASSWORD = ["Zq7#vR2k", "Lp9xW4tB"].join("");
const pad = (n: number) => "x".repeat(n);

async function leaksOf(diff: string, secretPart: string, pr = {}) {
  const { outputs, report } = await allOutputs({ diff, pr, config: {} });
  const leaks = Object.fromEntries(Object.entries(outputs).map(([f, o]) => [f, longestLeak(secretPart, o)]));
  return { leaks, report, outputs };
}

const none = Object.fromEntries(FORMATS.map((f) => [f, 0]));

describe("issue 12: secrets quoted by other rules are masked before any cut", () => {
  it("kubectl delete namespace prod --token=ghp_… (was 36 of 40 characters in every format)", async () => {
    for (const n of [0, 20, 40, 55, 60, 70, 90]) {
      const line = `kubectl delete namespace prod ${pad(n)} --token=${FAKE.githubPat}`;
      const { leaks, report } = await leaksOf(addedFile("deploy/teardown.sh", [line]), FAKE.githubPat.slice(4));
      expect(leaks, `padding ${n}`).toEqual(none);
      expect(report.findings.some((f) => f.category === "destructive-command")).toBe(true);
    }
  });

  it("AWS_SECRET_ACCESS_KEY=… aws s3 rb (was 38 of 40)", async () => {
    for (const n of [0, 30, 60]) {
      const line = `${pad(n)} AWS_SECRET_ACCESS_KEY=${FAKE.awsSecret} aws s3 rb s3://prod-data --force`;
      const { leaks } = await leaksOf(addedFile("deploy/cleanup.sh", [line]), FAKE.awsSecret);
      expect(leaks, `padding ${n}`).toEqual(none);
    }
  });

  it("passwords after mysql -p, in terraform destroy -var db_password=… and in # pw=… comments (were printed in full, SARIF included)", async () => {
    for (const line of [
      `mysql -uroot -p${PASSWORD} -e "DROP DATABASE prod"`,
      `terraform destroy -auto-approve -var db_password=${PASSWORD}`,
      `rm -rf /var/lib/postgresql # pw=${PASSWORD}`,
    ]) {
      const { leaks, report } = await leaksOf(addedFile("deploy/teardown.sh", [line]), PASSWORD);
      expect(leaks, line).toEqual(none);
      expect(report.findings.length, line).toBeGreaterThan(0);
    }
  });

  it("the passwords themselves are now findings: a password given to a command, a pw= key", async () => {
    const report = await analyze({
      diff: addedFile("deploy/db.sh", [`mysql -uroot -p${PASSWORD} prod`, `export DB_PW=${PASSWORD}`]),
    });
    const secrets = report.findings.filter((f) => f.category === "secrets");
    expect(secrets.map((f) => f.line)).toEqual([1, 2]);
    expect(secrets[0]!.message).toBe("Hardcoded password …(16 chars) (passed to mysql -p)");
  });
});

describe("issue 12: AI evidence quotes PR facts masked", () => {
  it("a token in the branch name, the PR body or a commit trailer (was in full in text, JSON and Markdown)", async () => {
    const diff = addedFile("README.md", ["hello"]);
    for (const pr of [
      { head_ref: `claude/fix-${FAKE.githubPat}` },
      { body: `Done. https://claude.ai/code/session_0123456789abcdef ${FAKE.githubPat}` },
      { commits: [{ sha: "a1", message: `fix\n\nAssisted-by: Claude Code ${FAKE.githubPat}` }] },
    ]) {
      const { leaks, report } = await leaksOf(diff, FAKE.githubPat.slice(4), pr);
      expect(leaks, JSON.stringify(pr)).toEqual(none);
      expect(report.ai.evidence.some((e) => e.match.includes("ghp_…(40 chars"))).toBe(true);
    }
  });
});

describe("issue 12: prefix-less secrets show no real characters", () => {
  it("an AWS secret access key's masked form (showed 4) shows none; public prefixes still show", async () => {
    const report = await analyze({
      diff: addedFile(".env", [`AWS_SECRET_ACCESS_KEY=${FAKE.awsSecret}`, `GH_TOKEN=${FAKE.githubPat}`]),
    });
    const messages = report.findings.map((f) => f.message);
    expect(messages).toContainEqual(
      expect.stringMatching(/^Hardcoded AWS secret access key …\(40 chars, sha256:[0-9a-f]{8}\)/),
    );
    expect(messages.join("\n")).not.toContain(FAKE.awsSecret.slice(0, 2));
    expect(messages.some((m) => m.includes("ghp_…(40 chars"))).toBe(true);
  });
});

describe("issue 12: no input drives the terminal", () => {
  it("ESC/OSC/CSI/BEL from file names, added lines, commit messages and PR text reach the text output escaped", async () => {
    const evil = "\x1b]0;PWNED\x07\x1b[2J\x9b31m";
    const diff = [
      "diff --git a/deploy/x.sh b/deploy/x.sh",
      "new file mode 100644",
      "--- /dev/null",
      '+++ "b/deploy/\\033]0;PWNED\\007.sh"',
      "@@ -0,0 +1 @@",
      `+kubectl delete namespace prod ${evil}`,
      "",
    ].join("\n");
    const pr = {
      title: `[Codex] ${evil}`,
      body: `https://claude.ai/code/session_0123456789abcdef ${evil}`,
      commits: [{ sha: `${evil}abc`, message: `fix\n\nAssisted-by: Claude Code ${evil}` }],
    };
    const report = await analyze({ diff, pr });
    const { text, color } = render(report);
    for (const out of [text, color.replace(/\x1b\[\d+m/g, "")]) {
      expect(out).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
      expect(out).toContain("\\x1b]0;PWNED\\x07");
    }
    expect(report.findings[0]!.file).toBe("deploy/\x1b]0;PWNED\x07.sh");
  });
});

describe("issue 12: no input escapes its place in the PR comment or job summary", () => {
  it("a file name with a newline and </details>, <img onerror>, @org/team or <!-- stays in its code span", async () => {
    for (const tail of ["</details>", "<img src=x onerror=alert(1)>", "@org/team", "<!--"]) {
      const name = `db/migrate/001\n${tail}\n.sql`;
      const quoted = JSON.stringify(`b/${name}`);
      const diff = [
        `diff --git ${JSON.stringify(`a/${name}`)} ${quoted}`,
        "new file mode 100644",
        "--- /dev/null",
        `+++ ${quoted}`,
        "@@ -0,0 +1 @@",
        "+DROP TABLE users;",
        "",
      ].join("\n");
      const report = await analyze({ diff });
      expect(report.findings[0]!.file).toBe(name);
      const { markdown, summary } = render(report);
      for (const md of [markdown, summary]) {
        const line = md.split("\n").find((l) => l.includes("001"))!;
        expect(line).toContain("`db/migrate/001\\n");
        if (tail !== "</details>") expect(md.split("\n").filter((l) => l.startsWith(tail.slice(0, 4)))).toEqual([]);
        // The whole name, escaped, inside one code span on one line.
        expect(line).toContain(`\`db/migrate/001\\n${tail}\\n.sql:1\``);
      }
    }
  });
});

describe("issue 12 (render harness): what GitHub renders from hostile names and lines", () => {
  it("a bare URL or www. name is no live link, `&#x202E;` no character, a backtick in a file name stays a backtick", async () => {
    const file = "www.evil.example/db/migrate/20260101_a`b&#x202E;c.sql";
    const line = "kubectl delete namespace prod # https://evil.example/x www.evil.example &#x202E; a@evil.example";
    const diff = addedFile(file, ["DROP TABLE users;"]) + addedFile("deploy/teardown.sh", [line]);
    const { outputs, report } = await allOutputs({ diff, pr: {}, config: {} });
    expect(report.findings.map((f) => f.file)).toEqual(expect.arrayContaining([file, "deploy/teardown.sh"]));
    for (const format of ["markdown", "summary"] as const) {
      const html = markdownToHtml(outputs[format]);
      // Only the Action's own links to the finding's line (https://github.com/o/r/blob/…).
      const foreign = [...html.matchAll(/<a\b[^>]*href="([^"]*)"/g)]
        .map((m) => m[1]!)
        .filter((h) => !h.startsWith("https://github.com/o/r/blob/"));
      expect(foreign, format).toEqual([]);
      expect(html, format).not.toContain("\u202e");
    }
    // The file name in the Action's comment: its link label is a code span holding the name as written.
    expect(markdownToHtml(outputs.markdown)).toMatch(
      /<code>www\.evil\.example\/db\/migrate\/20260101_a`b&(?:amp|#x26);#x202E;c\.sql:1<\/code>/,
    );
  });
});

describe("issue 12: detection cannot be blinded by padding", () => {
  it("~107 KB of text before a Co-authored-by trailer (disabled detection) still finds it, and says what was read", async () => {
    const message = `Refactor\n\n${"filler text for the reviewer\n".repeat(3_700)}\nCo-authored-by: Claude <noreply@anthropic.com>`;
    expect(message.length).toBeGreaterThan(107_000);
    const ai = detectAi({ commits: [{ message }] }, defaultConfig());
    expect(ai).toMatchObject({ detected: true, confidence: "certain", agents: ["claude-code"] });
    const report = await analyze({ diff: addedFile("a.txt", ["x"]), pr: { commits: [{ message }] } });
    expect(report.warnings.join("\n")).toMatch(/first and last 49 KB of 1 commit message .*trailer blocks in full/);
  });

  it("an unclosed code fence before the trailer block does not hide it (git reads trailers, not Markdown)", () => {
    const message = "Fix\n\n```\nnever closed\n\nCo-authored-by: Claude <noreply@anthropic.com>";
    expect(detectAi({ commits: [{ message }] }, defaultConfig()).detected).toBe(true);
  });

  it("a session link deep inside a very long line is still seen", () => {
    const body = `${"word ".repeat(5_000)}https://claude.ai/code/session_0123456789abcdef`;
    expect(detectAi({ body }, defaultConfig()).detected).toBe(true);
  });
});

describe("issue 12: the last-resort guard", () => {
  it("masks a fragment that got past the maskers, and says so as a bug", async () => {
    const guard = new SecretGuard();
    guard.add(FAKE.awsSecret);
    const { maskReport } = await import("../../src/engine/mask.js");
    const report = await analyze({ diff: addedFile("a.txt", ["x"]) });
    const leaky = { ...report, warnings: [`cut: ${FAKE.awsSecret.slice(0, 20)}…`] };
    const masked = maskReport(leaky, guard);
    expect(masked.warnings[0]).toBe("cut: …(masked)…");
    expect(masked.warnings[1]).toMatch(/^bug: 1 fragment of a secret .* reached warnings unmasked/);
  });

  it("a leaking text repeated in the report is masked and counted at every place (masked once, counted each time)", async () => {
    const guard = new SecretGuard();
    guard.add(FAKE.awsSecret);
    const { maskReport } = await import("../../src/engine/mask.js");
    const report = await analyze({ diff: addedFile("a.txt", ["x"]) });
    const text = `cut: ${FAKE.awsSecret.slice(0, 20)}…`;
    const masked = maskReport({ ...report, warnings: [text, text] }, guard);
    expect(masked.warnings.slice(0, 2)).toEqual(["cut: …(masked)…", "cut: …(masked)…"]);
    expect(masked.warnings[2]).toMatch(/^bug: 2 fragments of a secret .* reached warnings unmasked/);
  });

  it("text fields are told by their last key, past array indexes only", async () => {
    const { isTextField } = await import("../../src/engine/mask.js");
    expect(isTextField("findings[3].message")).toBe(true);
    expect(isTextField("summary[0].files[12]")).toBe(true);
    expect(isTextField("warnings[0][1]")).toBe(true);
    expect(isTextField("findings[3].ruleId")).toBe(false);
    expect(isTextField("files[x]")).toBe(false);
    expect(isTextField("files[]")).toBe(false);
    expect(isTextField("")).toBe(false);
  });

  it("the masking walk tells text fields by key exactly as isTextField does by path, whatever the keys", async () => {
    const { isTextField, skeletonOf } = await import("../../src/engine/mask.js");
    const { mapStrings } = await import("../../src/text/walk.js");
    const key = fc.oneof(
      fc.constantFrom(
        "message",
        "files",
        "a.message",
        "message[0]",
        "files[]",
        "[1]",
        "",
        ".",
        "x]",
        "text.",
        "b[2][3]",
      ),
      fc.string({ maxLength: 5 }),
    );
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        fc.string({ maxLength: 3 }),
        fc.integer(),
        fc.array(tie("value"), { maxLength: 3 }),
        fc.dictionary(key, tie("value"), { maxKeys: 3 }),
      ),
    }));
    fc.assert(
      fc.property(value, (v) => {
        const byPath = mapStrings(v, (text, path) => (isTextField(path) ? "" : text));
        expect(JSON.stringify(skeletonOf(v as never))).toBe(JSON.stringify(byPath));
      }),
      { numRuns: 500 },
    );
  });
});

describe("beyond issue 12: a PR cannot turn the guard against the report", () => {
  it("values that spell the report's own vocabulary never rewrite ids, categories or JSON keys", async () => {
    const vocabulary = [
      "destructive-command/cloud-delete9",
      "category:destructive-command7",
      "migration-destructive/drop-table3",
      '"ruleId": "severity"8x',
    ];
    const diff = [
      addedFile(
        "deploy/teardown.sh",
        vocabulary.map((v, i) => `export SECRET_${i}='${v}' && aws s3 rb s3://prod --force`),
      ),
      addedFile("db/migrate/001.sql", ["DROP TABLE users;"]),
    ].join("");
    const report = await analyze({
      diff,
      pr: { commits: [{ message: "x\n\nCo-authored-by: Claude <noreply@anthropic.com>" }] },
    });
    const { json, sarif, markdown } = render(report);
    const parsed = JSON.parse(json);
    expect(parsed.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(report.findings.map((f) => f.ruleId));
    expect(parsed.findings.map((f: { ruleId: string }) => f.ruleId)).toContain("migration-destructive/drop-table");
    expect(parsed.gate.checklist.map((c: { id: string }) => c.id)).toContain("category:destructive-command");
    expect(JSON.parse(sarif).runs[0].results.length).toBe(report.findings.length);
    expect(markdown).toContain("Destructive commands");
    expect(report.warnings.filter((w) => w.startsWith("bug:"))).toEqual([]);
  });
});

describe("beyond issue 12: secrets in the parts of a finding a rule copies from the line", () => {
  it("a token as a URL's user name, a key name that embeds a token", async () => {
    const diff = addedFile("deploy/sync.sh", [
      `git clone https://${FAKE.githubPat}:x-oauth-basic@github.com/o/r.git`,
      `${FAKE.npm}_password = "Qx7vL2pR9sT4wZ8k"`,
    ]);
    for (const secret of [FAKE.githubPat.slice(4), FAKE.npm.slice(4)]) {
      const { leaks } = await leaksOf(diff, secret);
      expect(leaks).toEqual(none);
    }
  });
});
