import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DOC_PAGE, DOCS_DIR, staleRuleDocs } from "../../scripts/gen-rule-docs.js";
import { BUILTIN_RULES } from "../../src/rules/index.js";
import { CATEGORIES } from "../../src/types.js";

/**
 * A reader finds each rule by its id: `src/rules/<id>.ts` holds it, `test/rules/<id>.test.ts` holds its
 * test table, and its row of the docs/rules tables is generated from its metadata.
 */

const root = join(import.meta.dirname, "../..");

describe("rule registry", () => {
  it("has unique ids of the form <category>/<name>, in their category", () => {
    const ids = BUILTIN_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of BUILTIN_RULES) {
      expect(rule.id).toMatch(/^[a-z-]+\/[a-z0-9-]+$/);
      expect(rule.id.split("/")[0]).toBe(rule.category);
      expect(CATEGORIES).toContain(rule.category);
    }
  });

  for (const rule of BUILTIN_RULES) {
    describe(rule.id, () => {
      it("lives in the file named by its id", async () => {
        const module = (await import(join(root, "src/rules", `${rule.id}.ts`))) as Record<string, unknown>;
        expect(Object.values(module)).toContain(rule);
      });

      it("has a test table", () => {
        const path = join(root, "test/rules", `${rule.id}.test.ts`);
        expect(existsSync(path), `${path} is missing`).toBe(true);
        expect(readFileSync(path, "utf8")).toContain(`ruleTester(`);
      });

      it("has documentation", () => {
        expect(rule.description.length).toBeGreaterThan(20);
        expect(rule.remediation.length).toBeGreaterThan(20);
        expect(rule.docs?.severity).toBeTruthy();
        expect(rule.docs?.detects.length).toBeGreaterThan(20);
        const page = DOC_PAGE[rule.category as keyof typeof DOC_PAGE];
        expect(readFileSync(join(DOCS_DIR, page), "utf8")).toContain(`| \`${rule.id}\` |`);
      });
    });
  }

  it("keeps rule folders to rules: every file there is a registered rule or the folder's index", () => {
    const ids = new Set(BUILTIN_RULES.map((r) => r.id));
    for (const category of CATEGORIES) {
      const dir = join(root, "src/rules", category);
      if (category === "custom" || !existsSync(dir)) continue;
      for (const file of readdirSync(dir)) {
        if (file === "index.ts") continue;
        expect(ids, `src/rules/${category}/${file}`).toContain(`${category}/${file.replace(/\.ts$/, "")}`);
      }
    }
  });

  it("has docs/rules tables generated from the current metadata", () => {
    expect(staleRuleDocs(false)).toEqual([]);
  });
});
