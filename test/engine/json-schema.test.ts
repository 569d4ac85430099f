import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configJsonSchemaText } from "../../src/config/json-schema.js";

describe("config JSON schema", () => {
  it("is committed and up to date (run `npm run schema`)", () => {
    const committed = readFileSync(join(import.meta.dirname, "../../schema/config.schema.json"), "utf8");
    expect(committed).toBe(configJsonSchemaText());
  });

  it("describes the documented keys and defaults", () => {
    const schema = JSON.parse(configJsonSchemaText());
    expect(schema.properties.gate.properties.threshold.default).toBe("medium");
    expect(schema.properties.gate.properties.policy.enum).toEqual(["ai-authored", "all"]);
    expect(schema.additionalProperties).toBe(false);
  });
});
