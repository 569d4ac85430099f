import { describe, expect, it } from "vitest";
import { dropColumnRule } from "../../../src/rules/migration-destructive/drop-column.js";
import { dropTableRule } from "../../../src/rules/migration-destructive/drop-table.js";
import { addedFile, runRule, scan } from "../../support/diff.js";

describe("migration-destructive through the engine", () => {
  it("rates a column drop high and names table and column", async () => {
    const report = await scan(
      addedFile("db/migrate/20250101000000_drop_fax.rb", [
        "class DropFax < ActiveRecord::Migration[7.1]",
        "  def change",
        "    remove_column :users, :fax, :string",
        "  end",
        "end",
      ]),
    );
    const f = report.findings.find((x) => x.category === "migration-destructive");
    expect(f).toMatchObject({ ruleId: "migration-destructive/drop-column", severity: "high", line: 3 });
    expect(report.risk.level === "high" || report.risk.level === "critical").toBe(true);
  });
});

describe("brace-on-its-own-line frameworks", () => {
  it("reads Laravel up/down with Allman braces: dropColumn in up, dropIfExists in down ignored", async () => {
    const diff = addedFile("database/migrations/2025_01_01_000000_drop_flight_code.php", [
      "<?php",
      "return new class extends Migration",
      "{",
      "    public function up(): void",
      "    {",
      "        Schema::table('flights', function (Blueprint $table) {",
      "            $table->dropColumn('code');",
      "        });",
      "    }",
      "",
      "    public function down(): void",
      "    {",
      "        Schema::dropIfExists('flights');",
      "    }",
      "};",
    ]);
    const findings = [...(await runRule(dropColumnRule, diff)), ...(await runRule(dropTableRule, diff))];
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 7 });
    expect(findings[0]!.message).toContain("flights.code");
  });

  it("reads EF Core Up/Down: DropColumn in Up is destructive, DropTable in Down is not", async () => {
    const diff = addedFile("src/Api/Migrations/20250101000000_RemoveFax.cs", [
      "public partial class RemoveFax : Migration",
      "{",
      "    protected override void Up(MigrationBuilder migrationBuilder)",
      "    {",
      "        migrationBuilder.DropColumn(",
      '            name: "Fax",',
      '            table: "Customers");',
      "    }",
      "",
      "    protected override void Down(MigrationBuilder migrationBuilder)",
      "    {",
      '        migrationBuilder.DropTable(name: "Customers");',
      "    }",
      "}",
    ]);
    const findings = [...(await runRule(dropColumnRule, diff)), ...(await runRule(dropTableRule, diff))];
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 5 });
    expect(findings[0]!.message).toContain("Customers.Fax");
  });
});
