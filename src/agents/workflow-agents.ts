import { indentOf } from "../diff/line-syntax.js";
import type { ChangedFile } from "../diff/model.js";
import { type Side, type SideLine, sideOf } from "../diff/side.js";
import { isGithubWorkflow } from "../workflows/ci-paths.js";
import { enclosingKeys, jobOfKeys, parseKeyLine, scalarValue } from "../workflows/yaml-keys.js";
import { AGENT_ACTIONS, type AgentAction, COPILOT_SETUP_STEPS } from "./catalogue.js";

/**
 * Coding agents in GitHub workflows: the steps that run one (an agent's action, or its CLI in a `run:`
 * script), and the inputs those steps are given (tool lists, CLI arguments, settings, who may drive
 * the agent). A modified workflow is seen through its hunks, so each line is placed in its job by
 * indentation (src/workflows/yaml-keys.ts) and an input is tied to its step's `uses:` when the hunk
 * shows it, else recognised by an input name only that action has.
 */

export interface AgentStep {
  job: string | null;
  line: number;
  changed: boolean;
  agent: string;
  /** The action (`owner/repo`) or the CLI command that runs the agent. */
  via: string;
}

export interface AgentInput {
  job: string | null;
  action: AgentAction;
  input: string;
  /** The value (a block scalar's lines joined with newlines). */
  value: string;
  line: number;
  changed: boolean;
}

const USES = /^\s*(?:-\s+)?uses:\s*["']?([\w.-]+\/[\w./-]+?)(?:@[^\s"'#]*)?["']?\s*(?:#.*)?$/;

/** Agent CLIs run headless in scripts: the command and the arguments that make it act on its own. */
const AGENT_CLI =
  /(?:^|[\s;&|(`"'])(claude|codex|gemini|cursor-agent|aider|opencode|copilot|goose|amp)\s+(?:[^\n]*\s)?(-p|--print|exec|--prompt|--message|-m|run|--yolo|--dangerously-skip-permissions|--dangerously-bypass-approvals-and-sandbox|--full-auto|--force|--allow-all-tools)(?:\s|$|=)/;

const CLI_AGENT: Record<string, string> = {
  claude: "claude-code",
  codex: "codex",
  gemini: "gemini",
  "cursor-agent": "cursor",
  aider: "aider",
  opencode: "opencode",
  copilot: "copilot",
  goose: "goose",
  amp: "amp",
};

export function agentActionOf(uses: string): AgentAction | null {
  const u = uses.toLowerCase();
  return AGENT_ACTIONS.find((a) => u === a.uses.toLowerCase() || u.startsWith(`${a.uses.toLowerCase()}/`)) ?? null;
}

/** Input names that belong to one agent action only: enough to know the step when its `uses:` is not shown. */
const DISTINCTIVE_INPUTS = new Map<string, AgentAction>();
for (const a of AGENT_ACTIONS) {
  for (const i of [
    ...(a.allowInputs ?? []),
    ...(a.denyInputs ?? []),
    ...(a.argInputs ?? []),
    ...(a.driverInputs ?? []),
  ])
    if (!DISTINCTIVE_INPUTS.has(i)) DISTINCTIVE_INPUTS.set(i, a);
  for (const s of a.switches ?? []) if (s.input === "safety-strategy") DISTINCTIVE_INPUTS.set(s.input, a);
}

/**
 * Whether a side's lines can name an agent action's step: a `uses:` line holding the action (compared
 * lower-cased, as agentActionOf does). Without one, inputs are tied to an agent by a distinctive input
 * name only, so the other keys need no walk up to their step.
 */
const AGENT_USES = AGENT_ACTIONS.map((a) => a.uses.toLowerCase());

function namesAgentAction(lines: readonly SideLine[]): boolean {
  for (const l of lines) {
    if (!l.text.includes("uses")) continue;
    const lower = l.text.toLowerCase();
    if (AGENT_USES.some((u) => lower.includes(u))) return true;
  }
  return false;
}

/** A line that can hold a distinctive input's key (its name, as written). */
const DISTINCTIVE_NAME = new RegExp(
  [...DISTINCTIVE_INPUTS.keys()].map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"),
);

interface Scan {
  steps: readonly AgentStep[];
  inputs: readonly AgentInput[];
}

const scans = { old: new WeakMap<ChangedFile, Scan>(), new: new WeakMap<ChangedFile, Scan>() };
/** What every other file holds (shared by all of them, not cached per file). */
const NO_AGENTS: Scan = { steps: [], inputs: [] };

/** The `uses:` of the step a line is in, when the hunk shows the step's keys. */
function stepUses(lines: readonly SideLine[], index: number): string | null {
  const chain = enclosingKeys(lines, index);
  const item = chain.find((k, i) => k.item && chain[i + 1]?.key === "steps");
  if (!item) return null;
  if (item.key === "uses") return scalarValue(item.value).replace(/@.*$/, "");
  // The item is an enclosing key, so above `index` in its hunk (and a side numbers each line once):
  // searched upward from here, not from the file's top for every line asked.
  let start = index;
  while (start >= 0 && !(lines[start]!.line === item.line && lines[start]!.hunk === lines[index]!.hunk)) start--;
  if (start < 0) return null;
  for (let j = start + 1; j < lines.length && j < start + 200; j++) {
    const l = lines[j]!;
    if (l.hunk !== lines[start]!.hunk) break;
    const col = indentOf(l.text);
    if (l.text.trim() === "" || l.text.trimStart().startsWith("#")) continue;
    if (col <= item.col) break;
    const m = USES.exec(l.text);
    if (m && col === item.col + 2) return m[1]!;
  }
  return null;
}

function scan(file: ChangedFile, side: Side): Scan {
  // Several rules ask this of every changed file: most are no workflow, and need no cache entry.
  if (!isGithubWorkflow(file.path)) return NO_AGENTS;
  const cached = scans[side].get(file);
  if (cached) return cached;
  const steps: AgentStep[] = [];
  const inputs: AgentInput[] = [];
  const result: Scan = { steps, inputs };
  scans[side].set(file, result);
  const lines = sideOf(file, side).lines;
  const agentActionNamed = namesAgentAction(lines);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const text = l.text;
    const uses = USES.exec(text);
    if (uses) {
      const action = agentActionOf(uses[1]!);
      if (action) {
        const job = jobOfKeys(enclosingKeys(lines, i));
        steps.push({ job, line: l.line, changed: l.changed, agent: action.agent, via: uses[1]! });
      }
      continue;
    }
    const cli = AGENT_CLI.exec(text);
    if (cli && !text.trimStart().startsWith("#")) {
      const job = jobOfKeys(enclosingKeys(lines, i));
      steps.push({ job, line: l.line, changed: l.changed, agent: CLI_AGENT[cli[1]!]!, via: cli[1]! });
    }
    if (!agentActionNamed && !DISTINCTIVE_NAME.test(text)) continue;
    const key = parseKeyLine(text, l.line);
    if (!key || key.item || (!agentActionNamed && !DISTINCTIVE_INPUTS.has(key.key))) continue;
    const chain = enclosingKeys(lines, i);
    // Under `with:`, or in a hunk that starts below it (the walk reaches no nearer key): a distinctive name then.
    const parentUnseen = chain.length === 0 || chain[0]!.line === -1;
    if (chain[0]?.key !== "with" && !(parentUnseen && DISTINCTIVE_INPUTS.has(key.key))) continue;
    const usesOfStep = parentUnseen ? null : stepUses(lines, i);
    const action = usesOfStep ? agentActionOf(usesOfStep) : (DISTINCTIVE_INPUTS.get(key.key) ?? null);
    if (!action) continue;
    let value = scalarValue(key.value);
    let changed = l.changed;
    if (/^[|>][-+]?\d*$/.test(key.value.trim())) {
      // A block scalar: the more-indented lines that follow.
      const parts: string[] = [];
      for (let j = i + 1; j < lines.length; j++) {
        const n = lines[j]!;
        if (n.hunk !== l.hunk) break;
        if (n.text.trim() !== "" && indentOf(n.text) <= key.col) break;
        parts.push(n.text.trim());
        changed ||= n.changed;
      }
      value = parts.join("\n");
    }
    inputs.push({ job: jobOfKeys(chain), action, input: key.key, value, line: l.line, changed });
  }
  return result;
}

/** Agent steps on one side of a workflow. */
export function agentSteps(file: ChangedFile, side: Side): readonly AgentStep[] {
  return scan(file, side).steps;
}

/** Inputs given to agent steps on one side of a workflow. */
export function agentInputs(file: ChangedFile, side: Side): readonly AgentInput[] {
  return scan(file, side).inputs;
}

/** The Copilot coding agent's setup job (it runs before the agent, with the agent's environment). */
export function isCopilotSetupSteps(path: string): boolean {
  return path === COPILOT_SETUP_STEPS.path || path.endsWith(`/${COPILOT_SETUP_STEPS.path}`);
}

/** Jobs of a workflow that run an agent (on either side), null standing for "a job the hunk does not name". */
export function agentJobs(file: ChangedFile): Set<string | null> {
  const jobs = new Set<string | null>();
  for (const side of ["old", "new"] as const) {
    for (const s of agentSteps(file, side)) jobs.add(s.job);
    for (const i of agentInputs(file, side)) jobs.add(i.job);
  }
  if (isCopilotSetupSteps(file.path)) jobs.add(COPILOT_SETUP_STEPS.job);
  return jobs;
}
