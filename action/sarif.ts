import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import type { Config } from "../src/config/schema.js";
import { formatSarif } from "../src/format/index.js";
import { activeRules } from "../src/rules/index.js";
import type { Report } from "../src/types.js";

/** Write SARIF for github/codeql-action/upload-sarif; a relative path is relative to the workspace. */
export function writeSarif(path: string, report: Report, config: Config): string {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const full = isAbsolute(path) ? path : resolve(workspace, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, formatSarif(report, { rules: activeRules(config) }));
  return full;
}
