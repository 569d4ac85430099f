/**
 * `npm run stress`: catastrophic inputs, each in its own process, with wall time and peak RSS:
 * a 100 MB diff, a 50,000-file PR, 1 MB single lines, a binary file pasted as text, and custom
 * patterns that backtrack catastrophically in a backtracking engine. Bounded time and memory, clear messages.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { validateConfig } from "../src/config/load.js";
import { analyze } from "../src/engine/analyze.js";
import {
  binaryAsTextDiff,
  catastrophicPatternConfig,
  hugeDiff,
  longLineDiff,
  manyFilesDiff,
  redosDiff,
} from "../test/support/catastrophic.js";

const CASES: Record<string, () => { diff: string | Buffer; config?: unknown }> = {
  "100MB-diff": () => ({ diff: hugeDiff(100 * 1024 * 1024) }),
  "50000-files": () => ({ diff: manyFilesDiff(50_000) }),
  "1MB-single-lines": () => ({ diff: longLineDiff(1024 * 1024) }),
  "binary-as-text": () => ({ diff: binaryAsTextDiff(5 * 1024 * 1024) }),
  "redos-custom-pattern": () => ({ diff: redosDiff(), config: catastrophicPatternConfig }),
};

async function worker(name: string): Promise<void> {
  const { diff, config } = CASES[name]!();
  const bytes = Buffer.byteLength(diff);
  const t0 = performance.now();
  let outcome: string;
  try {
    const report = await analyze({ diff, config: config ? validateConfig(config) : undefined });
    outcome = `ok: ${report.stats.files} files, ${report.findings.length} findings, level ${report.risk.level}${report.warnings.length ? `, ${report.warnings.length} warnings (first: ${report.warnings[0]!.slice(0, 80)})` : ""}`;
  } catch (e) {
    outcome = `error: ${(e as Error).message.slice(0, 120)}`;
  }
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ name, bytes, ms, rssMb: process.resourceUsage().maxRSS / 1024, outcome }));
}

const args = process.argv.slice(2);
if (args[0] === "--worker") {
  await worker(args[1]!);
} else {
  console.log("case                     input      time     peak RSS  outcome");
  for (const name of Object.keys(CASES)) {
    const out = execFileSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--worker", name], {
      encoding: "utf8",
      maxBuffer: 1 << 20,
      timeout: 120_000,
    });
    const r = JSON.parse(out.trim().split("\n").at(-1)!);
    console.log(
      `${r.name.padEnd(24)} ${(r.bytes / 1e6).toFixed(1).padStart(6)} MB ${(r.ms / 1000).toFixed(2).padStart(7)} s ${r.rssMb.toFixed(0).padStart(7)} MB  ${r.outcome}`,
    );
  }
}
