import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as core from "@actions/core";
import { formatJson } from "../src/format/index.js";
import type { Report } from "../src/types.js";

/** Write the JSON report (the CLI's versioned contract) to $RUNNER_TEMP and return its path. */
export function writeJsonReport(report: Report, prNumber: number): string {
  const dir = join(process.env.RUNNER_TEMP || tmpdir(), "ai-review-gate");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `report-pr-${prNumber}.json`);
  writeFileSync(path, formatJson(report));
  return path;
}

export function setOutputs(report: Report, reportPath: string): void {
  core.setOutput("ai-detected", String(report.ai.detected));
  core.setOutput("agents", report.ai.agents.join(","));
  core.setOutput("risk-score", String(report.risk.score));
  core.setOutput("risk-level", report.risk.level);
  core.setOutput("gate-required", String(report.gate.required));
  core.setOutput("findings-count", String(report.findings.length));
  core.setOutput("report", reportPath);
}
