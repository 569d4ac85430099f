import * as core from "@actions/core";
import { DEFAULT_CONFIG_PATH } from "../src/config/load.js";
import { LEVELS, type Level } from "../src/types.js";

export interface ActionInputs {
  token: string;
  configPath: string;
  /** "none" never fails the step; a level fails it when the risk level reaches that level. */
  failOn: Level;
  comment: boolean;
  labels: boolean;
  annotations: boolean;
  /** Path to write SARIF to; empty for none. */
  sarifFile: string;
  /** Explicit PR number (workflow_dispatch, or any event that should analyze a given PR). */
  prNumber: number | null;
}

/** A bad input value, reported as-is by `core.setFailed`. */
export class InputError extends Error {
  override name = "InputError";
}

const TRUE = new Set(["true", "True", "TRUE", "yes", "on", "1"]);
const FALSE = new Set(["false", "False", "FALSE", "no", "off", "0"]);

function booleanInput(name: string, fallback: boolean): boolean {
  const raw = core.getInput(name);
  if (raw === "") return fallback;
  if (TRUE.has(raw)) return true;
  if (FALSE.has(raw)) return false;
  throw new InputError(`input ${name} must be true or false, got ${JSON.stringify(raw)}`);
}

/** Read and validate every input. Defaults mirror action.yml so the logic also runs without the runner. */
export function readInputs(): ActionInputs {
  const failOnRaw = (core.getInput("fail-on") || "none").toLowerCase();
  if (!(LEVELS as readonly string[]).includes(failOnRaw))
    throw new InputError(`input fail-on must be one of ${LEVELS.join(", ")}, got ${JSON.stringify(failOnRaw)}`);
  const prRaw = core.getInput("pr-number");
  let prNumber: number | null = null;
  if (prRaw !== "") {
    const n = Number(prRaw.replace(/^#/, ""));
    if (!Number.isInteger(n) || n <= 0)
      throw new InputError(`input pr-number must be a pull request number, got ${JSON.stringify(prRaw)}`);
    prNumber = n;
  }
  const token = core.getInput("github-token") || process.env.GITHUB_TOKEN || "";
  if (token) core.setSecret(token);
  return {
    token,
    configPath: core.getInput("config") || DEFAULT_CONFIG_PATH,
    failOn: failOnRaw as Level,
    comment: booleanInput("comment", true),
    labels: booleanInput("labels", true),
    annotations: booleanInput("annotations", true),
    sarifFile: core.getInput("sarif-file"),
    prNumber,
  };
}
