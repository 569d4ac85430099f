import { describe, expect, it } from "vitest";
import { constraintValidationRule } from "../../../src/rules/migration/constraint-validation.js";
import { addedFile, railsMigration, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

describe("migration/constraint-validation", () => {
  it("flags a foreign key without NOT VALID, not with it", async () => {
    const diff = addedFile("migrations/V4__fk.sql", [
      "ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id);",
      "ALTER TABLE payments ADD CONSTRAINT fk_pay_order FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID;",
      "ALTER TABLE payments VALIDATE CONSTRAINT fk_pay_order;",
    ]);
    const findings = await runRule(constraintValidationRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 1 });
    expect(findings[0]!.message).toContain("orders referencing users");
  });

  it("flags Rails add_foreign_key without validate: false and add_reference foreign_key: true", async () => {
    const diff = railsMigration("add_fks", [
      "  def change",
      "    add_foreign_key :orders, :users",
      "    add_foreign_key :payments, :orders, validate: false",
      "    add_reference :comments, :post, foreign_key: true, index: { algorithm: :concurrently }",
      "  end",
    ]);
    const findings = await runRule(constraintValidationRule, diff);
    expect(findings.map((f) => f.line)).toEqual([3, 5]);
  });

  it("flags a CHECK constraint validated in place", async () => {
    const diff = addedFile("db/migrations/000040_check.up.sql", [
      "ALTER TABLE products ADD CONSTRAINT price_positive CHECK (price > 0);",
      "ALTER TABLE products ADD CONSTRAINT stock_positive CHECK (stock >= 0) NOT VALID;",
    ]);
    const findings = await runRule(constraintValidationRule, diff);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain("products");
  });
});

ruleTester(constraintValidationRule, {
  valid: [
    {
      name: "NOT VALID",
      diff: addedFile("migrations/1_fk.sql", [
        "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;",
      ]),
    },
    {
      name: "a foreign key on a table created in the same migration",
      diff: addedFile("migrations/1_orders.sql", [
        "CREATE TABLE orders (id bigint, user_id bigint);",
        "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id);",
      ]),
    },
  ],
  invalid: [
    {
      name: "a validated foreign key on an existing table",
      diff: addedFile("migrations/1_fk.sql", [
        "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id);",
      ]),
      findings: [
        { line: 1, severity: "medium", message: "Adds a foreign key on orders referencing users without NOT VALID" },
      ],
    },
  ],
});
