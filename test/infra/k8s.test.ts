import { describe, expect, it } from "vitest";
import { docsFromText } from "../../src/infra/k8s.js";

describe("docsFromText", () => {
  const flowNamed = (data: string[]) =>
    ["apiVersion: v1", "kind: ConfigMap", "metadata: { name: flow-name, namespace: ns }", "data:", ...data].join("\n");

  it("reads a parsed document's flow-style metadata", () => {
    expect(docsFromText(flowNamed(["  a: 1", "  b: 2"]))).toEqual([
      { kind: "ConfigMap", name: "flow-name", namespace: "ns", line: 2 },
    ]);
  });

  it("takes a repeated key anywhere, block or flow, as a parse error and scans lines instead", () => {
    // The line scan does not read flow-style metadata: no name.
    const scanned = [{ kind: "ConfigMap", line: 2, kindChanged: false }];
    expect(docsFromText(flowNamed(["  a: 1", "  a: 2"]))).toEqual(scanned);
    expect(docsFromText(flowNamed(["  nested: { x: 1, x: 2 }"]))).toEqual(scanned);
    expect(docsFromText(flowNamed(["  nested: { x: 1, y: 2 }"]))[0]!.name).toBe("flow-name");
    // Keys equal as values are repeated (1 and 1.0); two NaN keys are not, as the parser compares with ===.
    expect(docsFromText(flowNamed(["  1: a", "  1.0: b"]))).toEqual(scanned);
    expect(docsFromText(flowNamed(["  .nan: a", "  .NaN: b"]))[0]!.name).toBe("flow-name");
  });

  it("parses a ConfigMap of 20,000 keys, and finds a key repeated at its end", () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `  key${i}: "v${i}"`);
    expect(docsFromText(flowNamed(keys))).toEqual([{ kind: "ConfigMap", name: "flow-name", namespace: "ns", line: 2 }]);
    expect(docsFromText(flowNamed([...keys, "  key0: again"]))[0]!.name).not.toBe("flow-name");
  });
});
