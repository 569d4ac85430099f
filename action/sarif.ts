import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { activeRules, type Config, formatSarif, type Report } from "../src/index.js";

/** Write SARIF for github/codeql-action/upload-sarif; a relative path is relative to the workspace. */
export function writeSarif(path: string, report: Report, config: Config): string {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const full = isAbsolute(path) ? path : resolve(workspace, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, formatSarif(report, { rules: activeRules(config) }));
  return full;
}
