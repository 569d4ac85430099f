import { isCommentLine } from "../../diff/line-syntax.js";
import { meaningfulAddedLines } from "../../diff/meaningful-lines.js";
import type { ChangedFile } from "../../diff/model.js";
import { migrationKindOf } from "../../migrations/analyze.js";
import { compileGlobs, extensionOf, SOURCE_EXTENSIONS } from "../../util/paths.js";
import type { Rule, RuleFinding } from "../types.js";

/** Source files listed by name in the message; the rest are counted. */
const MAX_LISTED = 10;
/** Above this many meaningful added source lines without any test change, the finding is medium. */
export const LARGE_CHANGE_LINES = 50;

/**
 * Code-bearing files that are configuration, build scripts, generated or framework glue rather
 * than behaviour a unit test covers. They never trigger the rule (the `paths.source` config can
 * still opt a path in, because it is checked first).
 */
const NOT_TESTABLE = compileGlobs([
  "**/*.config.{js,cjs,mjs,ts,cts,mts}",
  "**/.*.{js,cjs,mjs,ts,cts,mts}",
  "**/*rc.{js,cjs}",
  "**/{setup,manage,noxfile,fabfile,wsgi,asgi}.py",
  "**/settings.py",
  "**/settings/*.py",
  "config/**/*.rb",
  "**/config/initializers/**",
  "**/config/environments/**",
  "**/db/schema.rb",
  "**/db/seeds.rb",
  "**/*.gradle.kts",
  "**/{Gulpfile,gulpfile,Gruntfile,Jakefile}.*",
  "**/.storybook/**",
  "scripts/**",
  ".github/**",
  ".husky/**",
  ".circleci/**",
  ".devcontainer/**",
  "**/docs/**",
  "**/examples/**",
  "**/example/**",
  "**/benchmarks/**",
  "**/bench/**",
  "**/__generated__/**",
  "**/*.gen.*",
  "**/*_gen.go",
  "**/zz_generated*",
  "**/*.g.dart",
  "**/*.freezed.dart",
  "**/mocks/**",
  "**/__mocks__/**",
  "**/*.designer.cs",
  "**/AssemblyInfo.cs",
  "**/Migrations/**",
  "**/*migrations/**",
  "**/*_migrations/**",
  "**/migrate/**",
  "**/alembic/**",
  "**/priv/repo/**",
  // Translations and configuration arrays (Laravel `lang/*.php`, `config/*.php`): data, not behaviour.
  "**/{lang,langs,locale,locales,i18n,l10n,translations}/**",
  "**/{config,Config}/**/*.php",
  // Demos and samples show usage; they have no test suite to extend.
  "**/{demo,demos,sample,samples,playground,sandbox,showcase}/**",
  "**/*.stories.*",
  // Tool folders at the repository root (`.codex/hooks`, `.claude/`, `.vscode/`).
  ".*/**",
]);

/**
 * User-interface code: components, views and templates are checked by eye, snapshot or end-to-end
 * suites far more than by unit tests, so a large untested change there stays low.
 */
const UI_SOURCE = compileGlobs([
  "**/*.{vue,svelte,tsx,jsx,astro}",
  "**/{components,views,pages,screens,layouts,templates,widgets,ui,frontend}/**",
]);

/** Removed code lines (not blank, not comments) at least this share of the added ones: a refactor. */
const REFACTOR_SHARE = 0.6;

/**
 * Test layouts the shared classifier does not know (capitalised `Tests/` folders of Swift and .NET,
 * JVM `*Spec`/`*IT` classes, C++ `_unittest` files). They count as tests here, in addition to
 * `ctx.paths.isTest` (built-in globs plus config `paths.tests`).
 */
const EXTRA_TESTS = compileGlobs([
  "**/Tests/**",
  "**/*Tests/**",
  "**/*Test.{swift,scala,groovy,m,mm}",
  "**/*Tests.{swift,kt,scala,groovy,m,mm,fs,vb}",
  "**/*Spec.{scala,groovy,kt,java}",
  "**/*IT.java",
  "**/*_unittest.*",
  "**/*_tests.*",
  "**/test-*.{js,ts,sh,bats}",
  "**/*.bats",
]);

/** Rust and Zig keep unit tests inside the source file: added test attributes count as tests. */
const INLINE_TEST = /^\s*(?:#\[(?:cfg\()?(?:[\w:]+::)?test\b|test\s+"[^"]*"\s*\{)/;

function addsInlineTests(file: ChangedFile): boolean {
  if (!file.path.endsWith(".rs") && !file.path.endsWith(".zig")) return false;
  return file.added.some((l) => l.content.length < 400 && INLINE_TEST.test(l.content));
}

function removedCodeLines(file: ChangedFile): number {
  let n = 0;
  for (const l of file.removed) if (l.content.trim() !== "" && !isCommentLine(file.path, l.content)) n++;
  return n;
}

/**
 * Source changed, but no test file changed anywhere in the PR. Coverage is judged at PR level: any
 * added, modified or renamed test file counts (pairing `foo.py` with `test_foo.py` would miss tests
 * that live elsewhere and produce more false alarms than it catches). Not raised for docs-, config-
 * or test-only PRs, deletions, pure renames, or changes that only touch comments, imports,
 * whitespace or move lines. One finding per PR, on the first untested source file.
 */
export const sourceWithoutTestsRule: Rule = {
  id: "missing-tests/source-without-tests",
  category: "missing-tests",
  description: "Source files changed but no test file was added or changed in the pull request.",
  severity: "low",
  remediation:
    "Add or update tests that exercise the changed behaviour, or say in the PR why it is covered (e.g. by existing tests).",
  docs: {
    severity:
      "low; **medium** when more than 50 meaningful lines of non-UI source are added without any test change and the change is not a refactor (removed code under 60% of the added)",
    detects:
      "Source files with meaningful added lines and no test file added, modified or renamed in the PR. Not counted: configuration, translations, migrations (also those known by content), generated code, demos, examples, docs and root tool folders",
  },
  run(ctx) {
    const testChanged = ctx.allFiles.some(
      (f) => f.status !== "deleted" && (ctx.paths.isTest(f.path) || EXTRA_TESTS(f.path) || addsInlineTests(f)),
    );
    if (testChanged) return [];
    const optedIn = compileGlobs(ctx.config.paths.source);
    const hasOptIns = ctx.config.paths.source.length > 0;
    const untested: { file: ChangedFile; lines: number }[] = [];
    let total = 0;
    // Only new behaviour outside the user interface makes the finding medium (see UI_SOURCE, REFACTOR_SHARE).
    let logicAdded = 0;
    let logicRemoved = 0;
    for (const f of ctx.files) {
      if (f.status === "deleted" || f.binary || f.added.length === 0) continue;
      // Extension first: cheaper than the classifier's globs, and isSource requires it unless opted in.
      if (!hasOptIns && !SOURCE_EXTENSIONS.has(extensionOf(f.path))) continue;
      if (!ctx.paths.isSource(f.path)) continue;
      if ((NOT_TESTABLE(f.path) || migrationKindOf(f) !== null) && !optedIn(f.path)) continue;
      const ui = UI_SOURCE(f.path);
      // Count only as far as the severity threshold needs (logic files are counted whole for the refactor share).
      const lines = meaningfulAddedLines(f, ui ? Math.max(1, LARGE_CHANGE_LINES + 1 - total) : undefined);
      if (lines === 0) continue;
      untested.push({ file: f, lines });
      total += lines;
      if (!ui) {
        logicAdded += lines;
        logicRemoved += removedCodeLines(f);
      }
    }
    if (untested.length === 0) return [];
    const names = untested.slice(0, MAX_LISTED).map((u) => u.file.path);
    const more = untested.length > MAX_LISTED ? ` and ${untested.length - MAX_LISTED} more` : "";
    const large = logicAdded > LARGE_CHANGE_LINES && logicRemoved < REFACTOR_SHARE * logicAdded;
    const counted =
      total > LARGE_CHANGE_LINES
        ? `more than ${LARGE_CHANGE_LINES} changed lines`
        : `${total} changed line${total === 1 ? "" : "s"}`;
    const finding: RuleFinding = {
      file: untested[0]!.file.path,
      line: null,
      severity: large ? "medium" : "low",
      message: `${untested.length === 1 ? "Source file" : `${untested.length} source files`} changed with no test added or updated (${counted}): ${names.join(", ")}${more}`,
    };
    return [finding];
  },
};
