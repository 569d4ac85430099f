import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";

const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), "utf8");
const action = parse(read("action.yml")) as {
  name: string;
  description: string;
  branding: { icon: string; color: string };
  inputs: Record<string, { default?: string; description: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};

describe("action.yml", () => {
  test("metadata, node24 runtime and the committed bundle", () => {
    expect(action.name).toBeTruthy();
    expect(action.description.length).toBeGreaterThan(20);
    expect(action.branding).toEqual({ icon: expect.any(String), color: expect.any(String) });
    expect(action.runs).toEqual({ using: "node24", main: "dist/index.js" });
  });

  test("declares exactly the inputs the code reads, with the documented defaults", () => {
    const code = read("action/inputs.ts");
    const read_ = new Set([...code.matchAll(/(?:getInput|booleanInput)\("([a-z-]+)"/g)].map((m) => m[1]!));
    expect(new Set(Object.keys(action.inputs))).toEqual(read_);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression
    expect(action.inputs["github-token"]?.default).toBe("${{ github.token }}");
    expect(action.inputs.config?.default).toBe(".github/ai-review-gate.yml");
    expect(action.inputs["fail-on"]?.default).toBe("none");
    for (const b of ["comment", "labels", "annotations"]) expect(action.inputs[b]?.default).toBe("true");
    expect(action.inputs["sarif-file"]?.default).toBe("");
  });

  test("declares exactly the outputs the code sets", () => {
    const code = read("action/outputs.ts");
    const set = new Set([...code.matchAll(/setOutput\("([a-z-]+)"/g)].map((m) => m[1]!));
    expect(new Set(Object.keys(action.outputs))).toEqual(set);
    expect(set).toEqual(
      new Set(["ai-detected", "agents", "risk-score", "risk-level", "gate-required", "findings-count", "report"]),
    );
  });

  test("example workflows parse and only pass declared inputs", () => {
    const dir = new URL("../../examples/workflows/", import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith(".yml"));
    expect(files.sort()).toEqual(["basic.yml", "pull-request-target.yml", "sarif.yml", "workflow-dispatch.yml"]);
    for (const f of files) {
      const wf = parse(readFileSync(new URL(f, dir), "utf8")) as {
        jobs: Record<
          string,
          { permissions?: Record<string, string>; steps: Array<{ uses?: string; with?: Record<string, unknown> }> }
        >;
      };
      // The job that runs the Action is granted what the comment and the labels need (on the job only).
      for (const job of Object.values(wf.jobs).filter((j) =>
        j.steps.some((s) => s.uses?.startsWith("ai-review-gate/")),
      ))
        expect(job.permissions?.["pull-requests"], f).toBe("write");
      const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
      const ours = steps.filter((s) => s.uses?.startsWith("ai-review-gate/ai-review-gate@"));
      expect(ours, f).toHaveLength(1);
      for (const key of Object.keys(ours[0]!.with ?? {}))
        expect(Object.keys(action.inputs), `${f}: ${key}`).toContain(key);
      // The Action never needs the PR's code: no checkout in any example (essential under pull_request_target).
      expect(
        steps.some((s) => s.uses?.startsWith("actions/checkout")),
        f,
      ).toBe(false);
    }
  });
});
