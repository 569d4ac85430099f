import { describe, expect, it } from "vitest";
import type { ConfigInput } from "../../../src/config/schema.js";
import { meaningfulAddedLines } from "../../../src/diff/meaningful-lines.js";
import { parseUnifiedDiff } from "../../../src/diff/parse.js";
import { sourceWithoutTestsRule } from "../../../src/rules/missing-tests/source-without-tests.js";
import { addedFile, deletedFile, modifiedFile, runRule, scan } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

const run = (diff: string, config?: ConfigInput) => runRule(sourceWithoutTestsRule, diff, config ? { config } : {});

const rubyFix = modifiedFile(
  "app/models/plaid_account/processor.rb",
  [
    "       else",
    "+        balance = plaid_account.current_balance || plaid_account.available_balance || 0",
    "         OpenStruct.new(",
    "-          balance: plaid_account.current_balance || plaid_account.available_balance,",
    "+          balance: balance,",
    "         )",
  ],
  84,
);

describe("missing-tests/source-without-tests", () => {
  it("one low finding, line null, on the first source file, naming it", async () => {
    const f = await run(rubyFix);
    expect(f).toEqual([
      {
        file: "app/models/plaid_account/processor.rb",
        line: null,
        severity: "low",
        message:
          "Source file changed with no test added or updated (2 changed lines): app/models/plaid_account/processor.rb",
      },
    ]);
  });

  it("is quiet when any test file changed in the PR (PR-level coverage)", async () => {
    for (const test of [
      "test/models/budget_test.rb",
      "src/lib/parse.test.ts",
      "pkg/api/handler_test.go",
      "tests/test_api.py",
      "spec/models/user_spec.rb",
      "src/test/java/com/acme/UserServiceTest.java",
      "server/routes/api/__snapshots__/views.test.ts.snap",
    ]) {
      const diff = rubyFix + modifiedFile(test, ["+  assert true"]);
      expect(await run(diff), test).toEqual([]);
    }
  });

  it("knows test layouts beyond the shared globs and Rust inline tests", async () => {
    for (const test of [
      "Tests/AppTests/LoginTests.swift",
      "src/Api.Tests/OrdersControllerTests.cs",
      "core/src/test/scala/ParserSpec.scala",
      "base/strings/string_util_unittest.cc",
    ]) {
      expect(await run(rubyFix + modifiedFile(test, ["+  check(x)"])), test).toEqual([]);
    }
    const rustWithTest = modifiedFile("src/lib.rs", [
      "+pub fn add(a: i32, b: i32) -> i32 { a + b }",
      "+#[cfg(test)]",
      "+mod tests {",
      "+    #[test]",
      "+    fn adds() { assert_eq!(super::add(1, 2), 3); }",
      "+}",
    ]);
    expect(await run(rustWithTest)).toEqual([]);
    expect(await run(modifiedFile("src/lib.rs", ["+pub fn add(a: i32, b: i32) -> i32 { a + b }"]))).toHaveLength(1);
  });

  it("a renamed (moved) test file counts as tests changed", async () => {
    const diff =
      rubyFix +
      [
        "diff --git a/server/views.test.ts b/server/views/views.test.ts",
        "similarity index 100%",
        "rename from server/views.test.ts",
        "rename to server/views/views.test.ts",
        "",
      ].join("\n");
    expect(await run(diff)).toEqual([]);
  });

  it("a deleted test does not count as coverage", async () => {
    const diff = rubyFix + deletedFile("test/models/processor_test.rb", ["require 'test_helper'", "class T; end"]);
    expect(await run(diff)).toHaveLength(1);
  });

  it("config paths.tests extends what counts as a test", async () => {
    const diff = rubyFix + modifiedFile("qa/checks/processor_check.rb", ["+assert_equal 1, 1"]);
    expect(await run(diff)).toHaveLength(1);
    expect(await run(diff, { paths: { tests: ["qa/**"] } })).toEqual([]);
  });

  it("config paths.source opts in files the defaults skip", async () => {
    const diff = modifiedFile("scripts/release.ts", ["+const tag = computeTag(version);"]);
    expect(await run(diff)).toEqual([]);
    expect(await run(diff, { paths: { source: ["scripts/**"] } })).toHaveLength(1);
  });

  it("is not raised for docs-, config-, dependency- or test-only changes", async () => {
    const diffs = [
      modifiedFile("README.md", ["+New section"]),
      modifiedFile("docs/guide/setup.md", ["+step"]),
      modifiedFile("config/database.yml", ["+  pool: 10"]),
      modifiedFile("package.json", ['+    "left-pad": "^1.3.0",']),
      modifiedFile(".github/workflows/ci.yml", ["+      - run: npm test"]),
      modifiedFile("vite.config.ts", ["+  build: { sourcemap: true },"]),
      modifiedFile("config/initializers/cors.rb", ["+  allow { origins '*' }"]),
      modifiedFile("db/schema.rb", ['+    t.string "name"']),
      addedFile("db/migrate/20240101000000_add_name.rb", [
        "class AddName < ActiveRecord::Migration[7.1]",
        "  def change",
        "    add_column :users, :name, :string",
        "  end",
        "end",
      ]),
      addedFile("db/knex_migrations/2026-01-01-add.js", [
        "exports.up = (knex) => knex.schema.table('x', (t) => t.string('y'));",
      ]),
      modifiedFile("src/generated/api.ts", ["+export const x = 1;"]),
      modifiedFile("types/index.d.ts", ["+export type X = string;"]),
      modifiedFile("test/helpers/diff.ts", ["+export const y = 2;"]),
      modifiedFile(".github/scripts/label.js", ["+core.setOutput('x', 1);"]),
      modifiedFile("packages/ui/examples/basic.tsx", ["+export const Basic = () => <Button />;"]),
    ];
    for (const d of diffs) expect(await run(d), d.split("\n")[0]).toEqual([]);
  });

  it("is not raised for deletions only or pure renames", async () => {
    const deletion = deletedFile("src/legacy/old.ts", ["export function old() {", "  return 1;", "}"]);
    const removedLines = modifiedFile("src/app.ts", [" const a = 1;", "-const b = 2;", " export { a };"]);
    const rename = [
      "diff --git a/src/a.ts b/src/b.ts",
      "similarity index 100%",
      "rename from src/a.ts",
      "rename to src/b.ts",
      "",
    ].join("\n");
    for (const d of [deletion, removedLines, rename]) expect(await run(d)).toEqual([]);
  });

  it("is not raised when only comments, blank lines, imports or moved lines change", async () => {
    const diff =
      modifiedFile("src/service.ts", [
        "+// Explain why the retry is bounded.",
        "+/**",
        "+ * More docs.",
        "+ */",
        "+",
        "+import { z } from 'zod';",
        "-import { y } from 'y';",
        " export function f() {",
      ]) +
      modifiedFile("app/models/user.rb", ["+  # Note: see ADR-12", "+require 'json'"]) +
      modifiedFile("pkg/server/server.go", ["+import (", '+\t"fmt"', '+\t"net/http"', "+)", "+// comment"]) +
      modifiedFile("svc/handlers.py", ["+from app.db import session", "+import logging", '+"""Docstring."""']) +
      // Re-ordering: the same statements removed and added.
      modifiedFile("src/order.ts", [
        "-const a = load();",
        "-const b = parse(a);",
        "+const b = parse(a);",
        "+const a = load();",
      ]);
    expect(await run(diff)).toEqual([]);
  });

  it("counts a behaviour change on an otherwise import-only diff", async () => {
    const diff = modifiedFile("lib/render.ts", [
      "+import { Canvas } from '@acme/canvas';",
      "-import { Canvas } from 'canvas';",
      " ",
      "-Konva._renderBackend = 'canvas';",
      "+Konva._renderBackend = '@acme/canvas';",
    ]);
    const f = await run(diff);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("1 changed line");
  });

  it("lists up to 10 files then `and N more`", async () => {
    let diff = "";
    for (let i = 0; i < 13; i++) diff += modifiedFile(`src/mod${i}.ts`, [`+export const v${i} = compute(${i});`]);
    const f = await run(diff);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("13 source files");
    expect(f[0]!.message).toContain("src/mod9.ts and 3 more");
    expect(f[0]!.message).not.toContain("src/mod10.ts");
    expect(f[0]!.file).toBe("src/mod0.ts");
  });

  it("medium above 50 changed source lines", async () => {
    const lines = Array.from({ length: 51 }, (_, i) => `  total += step(${i});`);
    const f = await run(addedFile("src/billing/invoice.ts", lines));
    expect(f[0]!.severity).toBe("medium");
    const small = await run(addedFile("src/billing/invoice.ts", lines.slice(0, 50)));
    expect(small[0]!.severity).toBe("low");
  });

  it("covers common languages", async () => {
    for (const path of [
      "src/a.py",
      "cmd/main.go",
      "src/lib.rs",
      "src/main/java/App.java",
      "lib/x.ex",
      "Sources/App.swift",
      "src/Foo.cs",
      "src/x.php",
      "web/App.vue",
    ]) {
      expect(await run(modifiedFile(path, ["+x = compute(y)"])), path).toHaveLength(1);
    }
  });

  it("ignored paths do not trigger; a test matching an ignored path still counts as coverage", async () => {
    const ignored = await scan(rubyFix, { config: { paths: { ignore: ["app/models/plaid_account/**"] } } });
    expect(ignored.findings.filter((f) => f.category === "missing-tests")).toEqual([]);
    const withIgnoredTest = rubyFix + modifiedFile("test/models/x_test.rb", ["+assert true"]);
    const r = await scan(withIgnoredTest, { config: { paths: { ignore: ["test/**"] } } });
    expect(r.findings.filter((f) => f.category === "missing-tests")).toEqual([]);
  });

  it("whole engine: a small untested fix is a low-level PR", async () => {
    const report = await scan(rubyFix);
    expect(report.findings.map((f) => [f.ruleId, f.severity])).toEqual([["missing-tests/source-without-tests", "low"]]);
    expect(report.risk.level).toBe("low");
  });
});

describe("meaningfulAddedLines", () => {
  it("counts real statements and skips noise", () => {
    const { files } = parseUnifiedDiff(
      modifiedFile("src/x.ts", [
        "+",
        "+  }",
        "+// c",
        "+const x = 1;",
        "+if (x) run();",
        "+  else {",
        "+import a from 'a';",
      ]),
    );
    expect(meaningfulAddedLines(files[0]!)).toBe(2);
  });

  it("treats # as a comment in Python and Ruby", () => {
    const { files } = parseUnifiedDiff(modifiedFile("a.py", ["+# note", "+x = 1"]));
    expect(meaningfulAddedLines(files[0]!)).toBe(1);
  });
});

/** `n` distinct lines of behaviour. */
const logic = (n: number, word = "total") => Array.from({ length: n }, (_, i) => `  $${word}${i} = compute(${i});`);

describe("missing-tests/source-without-tests: severity by area", () => {
  it("is medium for a large untested change of backend logic", async () => {
    const f = await run(addedFile("app/Services/Billing.php", ["<?php", ...logic(60)]));
    expect(f).toMatchObject([{ severity: "medium" }]);
  });

  it("stays low for user-interface code and for refactors that rework existing code", async () => {
    const ui = addedFile("web/src/components/MemoEditor/ActionBar.tsx", logic(80));
    expect(await run(ui)).toMatchObject([{ severity: "low" }]);
    const moved = modifiedFile("app/Util/HtmlDocument.php", [
      ...logic(60, "doc").map((l) => `+${l}`),
      ...logic(45, "dom").map((l) => `-${l}`),
    ]);
    expect(await run(moved)).toMatchObject([{ severity: "low" }]);
  });
});

ruleTester(sourceWithoutTestsRule, {
  valid: [
    {
      name: "translation strings (Laravel lang/*.php)",
      diff: modifiedFile("resources/lang/hu/auth.php", [
        "-    'failed' => 'Hibás adatok.',",
        "+    'failed' => 'Hibás belépési adatok.',",
      ]),
    },
    {
      name: "a Laravel configuration array",
      diff: modifiedFile("app/Config/mail.php", ["+        'verify_peer' => env('MAIL_VERIFY_PEER', true),"]),
    },
    {
      name: "a demo and a root tool folder",
      diff:
        addedFile("demos/chat/server.py", ["app = Flask(__name__)", "app.run()"]) +
        addedFile(".codex/hooks/stop_repo_tidy.py", ["import subprocess", "subprocess.run(['make', 'tidy'])"]),
    },
    {
      name: "an Alembic revision outside an alembic/ folder (known by its content)",
      diff: addedFile("src/app/database/revisions/tenant/versions/2024_x.py", [
        'revision = "a1"',
        'down_revision = "b2"',
        "def upgrade():",
        '    op.drop_table("x")',
      ]),
    },
    {
      name: "a test changed too",
      diff:
        addedFile("src/app.ts", ["export const total = compute();"]) +
        addedFile("src/app.test.ts", ["it('totals', () => {});"]),
    },
    {
      name: "only comments and imports",
      diff: addedFile("src/app.ts", ["// totals", 'import { compute } from "./compute";']),
    },
  ],
  invalid: [
    {
      name: "source without a test",
      diff: addedFile("src/app.ts", ["export const total = compute();"]),
      findings: [
        {
          line: null,
          severity: "low",
          message: "Source file changed with no test added or updated (1 changed line): src/app.ts",
        },
      ],
    },
  ],
});
