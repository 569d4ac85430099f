import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, test } from "vitest";
import { parse as parseYaml } from "yaml";
import { parseConfigText } from "../../src/config/load.js";
import { ROOT } from "./bundle.js";

/**
 * Editor support for `.github/ai-review-gate.yml`: the yaml-language-server modeline resolves (in this
 * repository to the file, elsewhere to the published URL), the schema is shipped in the package, and the
 * repository's own config passes both the schema and the tool's validator.
 */

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
/** Served at the moving major tag the release workflow sets (the tag `uses: ...@v1` resolves too). */
const STABLE_URL = "https://raw.githubusercontent.com/ai-review-gate/ai-review-gate/v1/schema/config.schema.json";
const CONFIG = join(ROOT, ".github/ai-review-gate.yml");
const modeline = (text: string) => /^# yaml-language-server: \$schema=(\S+)$/m.exec(text)?.[1];

describe("config schema", () => {
  const text = readFileSync(CONFIG, "utf8");

  test("the repository's config names the schema on its first line, and the path resolves", () => {
    expect(text.split("\n")[0]).toMatch(/^# yaml-language-server: \$schema=/);
    const ref = modeline(text)!;
    expect(existsSync(join(dirname(CONFIG), ref)), ref).toBe(true);
  });

  test("the repository's config passes the schema and the tool's validator", () => {
    const schema = JSON.parse(readFileSync(join(ROOT, "schema/config.schema.json"), "utf8"));
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate(parseYaml(text)), JSON.stringify(validate.errors)).toBe(true);
    expect(parseConfigText(text, ".github/ai-review-gate.yml").version).toBe(1);
  });

  test("the docs give users the stable URL, built from the repository and the major tag", () => {
    expect(pkg.repository.url).toContain("github.com/ai-review-gate/ai-review-gate");
    for (const doc of ["README.md", "docs/adopting.md"]) {
      const refs = [...readFileSync(join(ROOT, doc), "utf8").matchAll(/\$schema=(\S+)/g)].map((m) => m[1]);
      expect(refs, doc).toContain(STABLE_URL);
    }
    expect(text).toContain(STABLE_URL);
  });

  test("the package ships the schema and exports it", () => {
    expect(pkg.files).toContain("schema");
    expect(pkg.exports["./schema.json"]).toBe("./schema/config.schema.json");
  });
});
