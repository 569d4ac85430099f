import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseYamlValue } from "../../src/util/yaml.js";

/** What `parse(text, { maxAliasCount })` gives: the value, or that it threw. */
function viaParser(text: string, maxAliasCount: number): { value: unknown } | "throws" {
  try {
    return { value: parse(text, { maxAliasCount }) };
  } catch {
    return "throws";
  }
}

function viaSets(text: string, maxAliasCount: number): { value: unknown } | "throws" {
  try {
    return { value: parseYamlValue(text, maxAliasCount) };
  } catch {
    return "throws";
  }
}

describe("parseYamlValue", () => {
  const texts = [
    "a: 1\nb: [1, 2]\nc: { d: x }",
    "a: 1\na: 2",
    "a:\n  b: 1\n  c: 2\n  b: 3",
    "a: { x: 1, x: 2 }",
    "- { x: 1 }\n- { x: 1 }",
    "1: a\n1.0: b",
    ".nan: a\n.NaN: b",
    "? [a]\n: 1\n? [a]\n: 2",
    "~: a\nnull: b",
    "x: &a [1, 2]\ny: *a\nz: *a",
    "a: [unclosed",
    "a: 1\n---\nb: 2",
    "",
    "plain scalar",
    "true: 1\n'true': 2",
  ];

  it("gives what the parser with its uniqueKeys check gives, value or error", () => {
    for (const text of texts)
      for (const aliases of [1, 100]) expect(viaSets(text, aliases), text).toEqual(viaParser(text, aliases));
  });

  it("reads a mapping of 20,000 keys, and finds one repeated at its end", () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `key${i}: v${i}`);
    expect(Object.keys(parseYamlValue(keys.join("\n"), 100) as object)).toHaveLength(20_000);
    expect(() => parseYamlValue([...keys, "key0: again"].join("\n"), 100)).toThrow();
  });
});
