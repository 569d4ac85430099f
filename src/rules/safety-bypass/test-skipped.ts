import type { ChangedFile } from "../../diff/model.js";
import { addedText, cutLine, RemovedTally, sideOf } from "../../diff/side.js";
import type { Severity } from "../../types.js";
import { extensionOf } from "../../util/paths.js";
import type { Rule, RuleContext, RuleFinding } from "../types.js";

const JS_EXT = new Set(["js", "jsx", "ts", "tsx", "mjs", "cjs", "mts", "cts", "vue", "svelte", "coffee"]);
const JVM_EXT = new Set(["java", "kt", "kts", "scala", "groovy"]);

interface Marker {
  /** The marker as written, e.g. `it.skip`, `@pytest.mark.skip`. */
  marker: string;
  focus: boolean;
}

const JS_SKIP = /(?<![\w$])(?:test\.)?(?:it|test|describe|context|suite|specify)\.(skip|only)\b/;
const JS_X = /(?<![\w$.])(xit|xtest|xdescribe|xcontext|xspecify|fit|fdescribe|fcontext)\s*\(/;
const PY_SKIP =
  /@pytest\.mark\.skip\b|\bpytest\.skip\s*\(|@unittest\.skip\b|@skip\s*\(|\.skipTest\s*\(|raise\s+(?:unittest\.)?SkipTest\b/;
const GO_SKIP = /\b[tb]\.Skip(?:f|Now)?\s*\(/;
const JVM_SKIP = /@(?:Disabled|Ignore)\b/;
const RUST_SKIP = /#\[ignore\b/;
const CS_SKIP = /\bSkip\s*=\s*["@]|\[(?:[^\]]{0,200},\s*)?Ignore\b/;
const RUBY_SKIP =
  /(?<![\w.])(xit|xdescribe|xcontext|xspecify|xscenario|xfeature)\b|^\s*(skip|pending)\b(?![?!:=])|,\s*(skip|pending):\s*|(?<![\w.])(fit|fdescribe|fcontext)\b|,\s*focus:\s*true/;
const PHP_SKIP = /markTest(?:Skipped|Incomplete)\s*\(/;
const EX_SKIP = /@(?:module)?tag\s+:skip\b/;

/** The skip or focus marker on a line of a file with this extension, or null. */
export function skipMarkerOf(path: string, content: string, isTest: boolean): Marker | null {
  const ext = extensionOf(path);
  const text = cutLine(content);
  if (JS_EXT.has(ext)) {
    if (!text.includes("skip") && !text.includes("only") && !/\b[xf]/.test(text)) return null;
    const m = JS_SKIP.exec(text);
    if (m) return { marker: m[0], focus: m[1] === "only" };
    const x = isTest ? JS_X.exec(text) : null;
    if (x) return { marker: x[1]!, focus: x[1]!.startsWith("f") };
    return null;
  }
  if (ext === "py") {
    if (!/skip|Skip/.test(text)) return null;
    const m = PY_SKIP.exec(text);
    return m ? { marker: m[0].replace(/\s*\($/, ""), focus: false } : null;
  }
  if (ext === "go") {
    const m = text.includes("Skip") ? GO_SKIP.exec(text) : null;
    return m ? { marker: m[0].replace(/\s*\($/, ""), focus: false } : null;
  }
  if (JVM_EXT.has(ext)) {
    const m = text.includes("@") ? JVM_SKIP.exec(text) : null;
    return m ? { marker: m[0], focus: false } : null;
  }
  if (ext === "rs") {
    const m = text.includes("#[ignore") ? RUST_SKIP.exec(text) : null;
    return m ? { marker: "#[ignore]", focus: false } : null;
  }
  if (ext === "cs") {
    const m = /Skip|Ignore/.test(text) ? CS_SKIP.exec(text) : null;
    return m ? { marker: m[0].includes("Skip") ? "Skip =" : "[Ignore]", focus: false } : null;
  }
  if (ext === "rb" && isTest) {
    const m = RUBY_SKIP.exec(text);
    if (!m) return null;
    const word = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? "focus").trim();
    return { marker: word, focus: !!m[4] || m[0].includes("focus") };
  }
  if (ext === "php") {
    const m = text.includes("markTest") ? PHP_SKIP.exec(text) : null;
    return m ? { marker: m[0].replace(/\s*\($/, ""), focus: false } : null;
  }
  if (ext === "ex" || ext === "exs") {
    const m = text.includes(":skip") ? EX_SKIP.exec(text) : null;
    return m ? { marker: m[0], focus: false } : null;
  }
  return null;
}

const STRING_ARG = /\(\s*(["'`])([^"'`\n]{1,120})\1/;
const DECLARED_NAME =
  /\b(?:def|fn|fun|func|function)\s+(\w+)|\bvoid\s+(\w+)\s*\(|\b(?:public|private|protected|internal)\s+(?:async\s+)?[\w<>[\]]+\s+(\w+)\s*\(|\b(?:it|test|describe|context|specify|scenario)\s+["']([^"'\n]{1,120})["']/;

/** The name of the test a marker applies to: the string argument, or the next declared function. */
function testNameNear(file: ChangedFile, line: number, content: string, inBody: boolean): string | null {
  // A skip called inside the test body (`t.Skip("why")`, `pytest.skip("why")`) carries a reason, not a name.
  if (!inBody) {
    const arg = STRING_ARG.exec(content);
    if (arg) return arg[2]!;
    const own = DECLARED_NAME.exec(content);
    if (own) return own[1] ?? own[2] ?? own[3] ?? own[4] ?? null;
  }
  const view = sideOf(file, "new");
  const i = view.indexOf(line);
  if (i === undefined) return null;
  if (inBody) {
    for (let j = i - 1; j >= Math.max(0, i - 40); j--) {
      const m = DECLARED_NAME.exec(view.lines[j]!.text);
      if (m) return m[1] ?? m[2] ?? m[3] ?? m[4] ?? null;
    }
    return null;
  }
  for (let j = i + 1; j < Math.min(view.lines.length, i + 6); j++) {
    const m = DECLARED_NAME.exec(view.lines[j]!.text);
    if (m) return m[1] ?? m[2] ?? m[3] ?? m[4] ?? null;
  }
  return null;
}

// Whole-file prefilter: every marker above contains one of these.
const SKIP_HINT =
  /skip|Skip|only|Disabled|Ignore|ignore|pending|\b[xf](?:it|test|describe|context|specify|scenario|feature)\b|focus|markTest/;

/** Skips called inside a test body (`pytest.skip(`, `self.skipTest(`, `t.Skip(`, `markTestSkipped(`). */
const IN_BODY_SKIP = /pytest\.skip|skipTest|\.Skip|markTest/;
const CONDITION = /^\s*(?:\}\s*)?(?:if|elif|else|unless|when|except|catch)\b/;

/**
 * True when an in-body skip runs only under a condition: on the same line (`if x: pytest.skip(…)`), or
 * inside an `if`/`else`/`except` block opened on the nearest less-indented line above. Skipping where a
 * dependency or platform is missing keeps the test running everywhere else.
 */
function conditionalSkip(file: ChangedFile, line: number, content: string, marker: string): boolean {
  const before = content.slice(0, content.indexOf(marker.replace(/^@/, "")));
  if (/\b(?:if|unless)\b/.test(before)) return true;
  const view = sideOf(file, "new");
  const i = view.indexOf(line);
  if (i === undefined) return false;
  const indent = content.length - content.trimStart().length;
  for (let j = i - 1; j >= Math.max(0, i - 20); j--) {
    const text = view.lines[j]!.text;
    if (text.trim() === "") continue;
    if (text.length - text.trimStart().length >= indent) continue;
    return CONDITION.test(text);
  }
  return false;
}

const SECURITY_TEST =
  /auth|permission|security|csrf|xss|login|logout|access|admin|forbid|unauthori|token|password|role|privilege|sanitiz|inject|session|2fa|mfa|signature/i;

function scanFile(file: ChangedFile, ctx: RuleContext, out: RuleFinding[]): void {
  const isTest = ctx.paths.isTest(file.path);
  const tally = new RemovedTally();
  for (const l of file.removed) {
    const m = skipMarkerOf(file.path, l.content, isTest);
    if (m) tally.add(m.marker);
  }
  for (const l of file.added) {
    const m = skipMarkerOf(file.path, l.content, isTest);
    if (!m || tally.take(m.marker)) continue;
    const name = testNameNear(
      file,
      l.line,
      cutLine(l.content),
      m.marker.includes("Skip") && extensionOf(file.path) === "go",
    );
    const subject = name ? `Test '${name}'` : "A test";
    let severity: Severity = m.focus ? "high" : "medium";
    const conditional = IN_BODY_SKIP.test(m.marker) && conditionalSkip(file, l.line, cutLine(l.content), m.marker);
    if (conditional) severity = "low";
    else if (name && SECURITY_TEST.test(name)) severity = "high";
    out.push({
      file: file.path,
      line: l.line,
      severity,
      message: m.focus
        ? `${subject} focused with ${m.marker} in ${file.path}: every other test in the suite stops running`
        : `${subject} skipped with ${m.marker} in ${file.path}${conditional ? " (under a condition)" : ""}`,
    });
  }
}

export const testSkippedRule: Rule = {
  id: "safety-bypass/test-skipped",
  category: "safety-bypass",
  description:
    "Tests skipped or focused: it.skip, describe.only, xit, fit, @pytest.mark.skip, unittest.skip, t.Skip, @Disabled, @Ignore, #[ignore], RSpec skip/pending.",
  severity: "medium",
  remediation:
    "Fix the test instead of skipping it, or link the issue that tracks re-enabling it; never merge `.only`.",
  docs: {
    severity: "medium / high; low for a conditional in-body skip",
    detects:
      'Skips: `it.skip`, `describe.skip`, `test.skip`, `xit`, `xdescribe`, `@pytest.mark.skip`, `pytest.skip(`, `@unittest.skip`, `self.skipTest`, `t.Skip`, `@Disabled`, `@Ignore`, `#[ignore]`, `[Fact(Skip=…)]`, RSpec `xit`/`skip`/`pending`/`skip:`, `markTestSkipped`, ExUnit `@tag :skip` (medium). Focus: `it.only`, `describe.only`, `fit`, `fdescribe`, `focus: true` (high: every other test stops running). Skipping a test whose name mentions auth, permissions, tokens, CSRF… is high. A skip called in the test body under a condition (`if not HAS_REDIS: pytest.skip("…")`, `if testing.Short() { t.Skip() }`) is low. Messages name the test. Conditional skip markers (`skipif`) are not reported.',
  },
  run(ctx) {
    const out: RuleFinding[] = [];
    for (const file of ctx.files) {
      if (file.status === "deleted" || file.binary || file.added.length === 0) continue;
      // The path class (cached per file) before the hint, which scans the whole added text.
      if (ctx.paths.isDoc(file.path) || !SKIP_HINT.test(addedText(file))) continue;
      scanFile(file, ctx, out);
    }
    return out;
  },
};
