// biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell variables are literal text here
import { describe, expect, it } from "vitest";
import { authCheckRemovedRule, guardsOnLine } from "../../../src/rules/safety-bypass/auth-check-removed.js";
import { addedFile, deletedFile, modifiedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

describe("safety-bypass/auth-check-removed", () => {
  it("flags removed decorators and names the function they protected", async () => {
    const diff = modifiedFile("app/admin/routes.py", [
      ' @bp.route("/admin/users/<int:user_id>", methods=["DELETE"])',
      "-@login_required",
      "-@admin_required",
      " def delete_user(user_id):",
    ]);
    const f = await runRule(authCheckRemovedRule, diff);
    expect(f.map((x) => x.message)).toEqual([
      expect.stringContaining("login_required removed from delete_user"),
      expect.stringContaining("admin_required removed from delete_user"),
    ]);
    expect(f[0]!.side).toBe("old");
  });

  it("flags removed Rails callbacks, Express middleware and Nest guards", async () => {
    const diff =
      modifiedFile("app/controllers/admin_controller.rb", [
        " class AdminController < ApplicationController",
        "-  before_action :authenticate_user!",
        "-  protect_from_forgery with: :exception",
      ]) +
      modifiedFile("src/routes.js", [
        "-router.delete('/users/:id', requireAuth, deleteUser);",
        "+router.delete('/users/:id', deleteUser);",
      ]) +
      modifiedFile("src/users.controller.ts", ["-  @UseGuards(AuthGuard('jwt'))", "   @Delete(':id')"]);
    const f = await runRule(authCheckRemovedRule, diff);
    expect(f.map((x) => x.message)).toEqual([
      expect.stringContaining("authenticate_user!"),
      expect.stringContaining("protect_from_forgery"),
      expect.stringContaining("requireAuth"),
      expect.stringContaining("UseGuards"),
    ]);
  });

  it("flags explicit skips of authentication added", async () => {
    const diff = modifiedFile("app/controllers/api_controller.rb", ["+  skip_before_action :authenticate_user!"]);
    const f = await runRule(authCheckRemovedRule, diff);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe("high");
  });

  it("does not flag a check that is re-added or refactored in the same file", async () => {
    const diff = modifiedFile("server/routes/shares.ts", [
      '-    authorize(user, "read", collectionId ? collection : document);',
      "+    if (document) {",
      '+      authorize(user, "read", document);',
      "+    }",
    ]);
    expect(await runRule(authCheckRemovedRule, diff)).toEqual([]);
  });

  it("ignores deleted files, tests, imports and lookalike names", async () => {
    const diff =
      deletedFile("app/views/old.py", ["@login_required", "def old(): pass"]) +
      modifiedFile("tests/test_views.py", ["-@login_required"]) +
      modifiedFile("app/views.py", [
        "-from django.contrib.auth.decorators import login_required",
        "-author = get_author(post)",
      ]);
    expect(await runRule(authCheckRemovedRule, diff)).toEqual([]);
  });

  it("extracts guard names from the forms guards take", () => {
    expect(guardsOnLine("  before_action :require_login")).toEqual(["require_login"]);
    expect(guardsOnLine('[Authorize(Roles = "Admin")]')).toEqual(["Authorize"]);
    expect(guardsOnLine("    if cannot?(:destroy, @post)")).toEqual(["cannot?"]);
    expect(guardsOnLine("const authorName = getAuthorName(post);")).toEqual([]);
  });
});

ruleTester(authCheckRemovedRule, {
  valid: [
    {
      name: "a guard moved within the file",
      diff: modifiedFile("app/routes.py", [
        "-@login_required",
        ' @bp.route("/users")',
        "+@login_required",
        " def users():",
      ]),
    },
    {
      name: "a deleted file takes its endpoints with it",
      diff: deletedFile("app/old_routes.py", ["@login_required", "def old():"]),
    },
  ],
  invalid: [
    {
      name: "a decorator removed",
      diff: modifiedFile("app/admin/routes.py", [
        ' @bp.route("/admin/users/<int:user_id>", methods=["DELETE"])',
        "-@login_required",
        " def delete_user(user_id):",
      ]),
      findings: [
        { line: 2, side: "old", severity: "high", message: "Access check login_required removed from delete_user" },
      ],
    },
    {
      name: "CSRF protection switched off",
      diff: addedFile("app/views.py", ["@csrf_exempt", "def webhook(request):"]),
      findings: [{ line: 1, severity: "medium", message: "CSRF protection disabled in app/views.py: @csrf_exempt" }],
    },
  ],
});
