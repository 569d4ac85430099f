import { describe, expect, it } from "vitest";
import { detectMigration } from "../../../src/migrations/detect.js";

describe("migration detection: tooling in a folder named migrations", () => {
  it("does not take helper code that mentions a framework for a migration", () => {
    const helper =
      'import { knex } from "knex";\nexport function detect(path: string) { return path.includes("knex"); }';
    expect(detectMigration("src/migrations/detect.ts", helper)).toBeNull();
    expect(detectMigration("lib/migrations/runner.js", "const sequelize = require('sequelize');")).toBeNull();
  });

  it("still recognizes versioned or up/down-shaped JS/TS migrations", () => {
    expect(
      detectMigration("db/migrations/20240101120000_create_users.js", "knex.schema.createTable('users')"),
    ).not.toBeNull();
    expect(
      detectMigration(
        "src/migrations/1690000000000-AddEmail.ts",
        "export class AddEmail implements MigrationInterface {}",
      ),
    ).not.toBeNull();
    expect(detectMigration("migrations/add_email.js", "exports.up = function (knex) {}")).not.toBeNull();
  });
});
