import { describe, expect, it } from "vitest";
import { validateConfig } from "../../src/config/load.js";
import { analyze } from "../../src/engine/analyze.js";
import {
  binaryAsTextDiff,
  catastrophicPatternConfig,
  hugeDiff,
  longLineDiff,
  manyFilesDiff,
  redosDiff,
} from "../support/catastrophic.js";

/**
 * Scaled-down catastrophic inputs in every run (`npm run stress` runs the full sizes: a 100 MB diff,
 * 50,000 files, 1 MB lines). Each must finish, bounded, with a report or a clear error. The time bounds
 * are generous ceilings against hangs (a backtracking blow-up takes minutes), not benchmarks.
 */
describe("catastrophic inputs", () => {
  it("a 10 MB diff", async () => {
    const started = performance.now();
    const report = await analyze({ diff: hugeDiff(10 * 1024 * 1024) });
    expect(report.stats.files).toBeGreaterThan(1000);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it("a 5,000-file pull request", async () => {
    const report = await analyze({ diff: manyFilesDiff(5_000) });
    expect(report.stats.files).toBe(5_000);
  });

  it("256 KB single lines shaped to stress regexes", async () => {
    const started = performance.now();
    const report = await analyze({ diff: longLineDiff(256 * 1024) });
    expect(report.stats.files).toBe(6);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("a binary file pasted as text", async () => {
    const bytes = Buffer.alloc(512 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24;
    const report = await analyze({ diff: binaryAsTextDiff(bytes.length, bytes) });
    expect(report.stats.files).toBe(1);
  });

  it("custom patterns that backtrack catastrophically in a backtracking engine run in linear time", async () => {
    const started = performance.now();
    const report = await analyze({ diff: redosDiff(), config: validateConfig(catastrophicPatternConfig) });
    expect(report.findings.filter((f) => f.ruleId.startsWith("custom/"))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
