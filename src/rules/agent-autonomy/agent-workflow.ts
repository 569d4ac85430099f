import { AGENT_OWN_SECRETS, UNTRUSTED_TRIGGERS } from "../../agents/catalogue.js";
import { agentInputs, agentJobs, agentSteps, isCopilotSetupSteps } from "../../agents/workflow-agents.js";
import type { ChangedFile } from "../../diff/model.js";
import { RemovedTally, sideOf } from "../../diff/side.js";
import { quote } from "../../text/quote.js";
import type { Severity } from "../../types.js";
import { isGithubWorkflow } from "../../workflows/ci-paths.js";
import { wholeWorkflow } from "../../workflows/workflow-file.js";
import { enclosingKeys, jobOfKeys, parseKeyLine } from "../../workflows/yaml-keys.js";
import type { Rule, RuleFinding } from "../types.js";

/** A job condition that limits who can trigger it: actor lists, author association, a label. */
const GATE =
  /author_association|github\.(?:actor|triggering_actor)\b|\.user\.login|sender\.login|labels\.\*\.name|\.label\.name|github\.event\.pull_request\.head\.repo\.full_name\s*==/;
const SECRET_REF = /\bsecrets\.([A-Za-z_][A-Za-z0-9_]*)/g;
const PROD_NAME = /(?:^|_)(?:PROD|PRODUCTION|PRD)(?:_|$)/i;
const PROD_ENV = /^\s*(?:environment|name):\s*["']?(?:prod|production|prd)(?:[-_][\w-]*)?["']?\s*(?:#.*)?$/i;
const WRITE_SCOPE = /^\s*([\w-]+):\s*["']?write["']?\s*(?:#.*)?$|^\s*permissions:\s*["']?write-all/;

/** A line declaring each trigger (compiled once, not per line). */
const TRIGGER_LINES = UNTRUSTED_TRIGGERS.map((t) => ({
  trigger: t,
  line: new RegExp(`^\\s*(?:-\\s*)?["']?${t}["']?\\s*(?::|$)|^\\s*on:.*\\b${t}\\b`),
}));

function visibleUntrustedTriggers(file: ChangedFile): string[] {
  const doc = wholeWorkflow(file);
  if (doc) return UNTRUSTED_TRIGGERS.filter((t) => doc.triggers.has(t));
  const found = new Set<string>();
  for (const l of sideOf(file, "new").lines)
    for (const { trigger, line } of TRIGGER_LINES) if (line.test(l.text)) found.add(trigger);
  return [...found];
}

interface JobLine {
  job: string | null;
  text: string;
  line: number;
  changed: boolean;
  inIf: boolean;
}

function jobLines(file: ChangedFile, side: "old" | "new"): JobLine[] {
  const lines = sideOf(file, side).lines;
  return lines.map((l, i) => {
    const chain = enclosingKeys(lines, i);
    const own = parseKeyLine(l.text);
    return {
      job: jobOfKeys(own && !own.item ? [own, ...chain] : chain),
      text: l.text,
      line: l.line,
      changed: l.changed,
      inIf: own?.key === "if" || chain.some((k) => k.key === "if"),
    };
  });
}

function jobMatches(agentJob: string | null, job: string | null): boolean {
  return agentJob === job || agentJob === null || job === null;
}

export const agentWorkflowRule: Rule = {
  id: "agent-autonomy/agent-workflow",
  category: "agent-autonomy",
  description:
    "A CI workflow gives a coding agent more reach: a new agent step, more people who can drive it, its trigger gate removed, secrets, a production environment or write permissions for its job.",
  severity: "medium",
  remediation:
    "Run agents on events from people with write access (check `author_association` or an actor list), give their jobs read permissions plus the one write scope they need, never production environments or deploy secrets, and leave `allowed_non_write_users` / `allowed_bots` empty.",
  docs: {
    severity:
      '**critical** when an agent job gets a production environment or a production secret; **high** when anyone may drive the agent (`allowed_non_write_users: "*"`, `allowed_bots: "*"`, codex-action `allow-users: "*"`), when the gate that limited who triggers an agent job is removed, when an agent job is handed other secrets, and for a new agent on issue/comment/`pull_request_target` events with no gate and write permissions; **medium** for a new agent step or job, named users allowed to drive it, and write scopes added to an agent job (Copilot\'s `copilot-setup-steps` included)',
    detects:
      "Steps that run claude-code-action, codex-action, run-gemini-cli and other agent actions, or an agent CLI headless (`claude -p`, `codex exec`, `gemini -p`, `cursor-agent`, `aider --message`, `opencode run`, `copilot -p`), and the `copilot-setup-steps` job: compared old with new, only what the change adds counts.",
  },
  run(ctx) {
    const out: RuleFinding[] = [];
    for (const file of ctx.files) {
      if (!isGithubWorkflow(file.path) || file.status === "deleted") continue;
      const jobs = agentJobs(file);
      if (jobs.size === 0) continue;
      const setupSteps = isCopilotSetupSteps(file.path);
      const newLines = jobLines(file, "new");
      const inAgentJob = (job: string | null) => [...jobs].some((j) => jobMatches(j, job));

      // New agent steps.
      const oldSteps = new Set(agentSteps(file, "old").map((s) => `${s.job}\u0000${s.via}`));
      const untrusted = visibleUntrustedTriggers(file);
      // Per job, once: a workflow adding thousands of agent steps to one job re-read the job per step.
      const jobFacts = new Map<string | null, { writes: string[]; gated: boolean }>();
      const factsOf = (job: string | null) => {
        let facts = jobFacts.get(job);
        if (!facts) {
          const lines = newLines.filter((l) => l.job === job || l.job === null);
          const writes = [
            ...new Set(
              lines.flatMap((l) => {
                const m = WRITE_SCOPE.exec(l.text);
                return m ? [m[1] ?? "write-all"] : [];
              }),
            ),
          ];
          facts = { writes, gated: lines.some((l) => l.inIf && GATE.test(l.text)) };
          jobFacts.set(job, facts);
        }
        return facts;
      };
      for (const step of agentSteps(file, "new")) {
        if (!step.changed || oldSteps.has(`${step.job}\u0000${step.via}`)) continue;
        const { writes, gated } = factsOf(step.job);
        const open = file.status === "added" && untrusted.length > 0 && !gated && writes.length > 0;
        const severity: Severity = open ? "high" : "medium";
        const on = untrusted.length > 0 ? ` on ${untrusted.join(", ")}` : "";
        const perms = writes.length > 0 ? ` with ${writes.map((w) => `${w}: write`).join(", ")}` : "";
        out.push({
          file: file.path,
          line: step.line,
          severity,
          message: `Coding agent (${step.agent}, via ${quote(step.via, 50)}) added to ${step.job ? `job ${step.job}` : "the workflow"}${on}${perms}${open ? ", and nothing limits who can trigger it" : ""}`,
        });
      }

      // Who may drive the agent.
      const oldDrivers = new Set(
        agentInputs(file, "old").map((i) => `${i.job}\u0000${i.input}\u0000${i.value.trim()}`),
      );
      for (const input of agentInputs(file, "new")) {
        if (!input.changed || !input.action.driverInputs?.includes(input.input)) continue;
        const value = input.value.trim();
        if (value === "" || oldDrivers.has(`${input.job}\u0000${input.input}\u0000${value}`)) continue;
        const anyone = value.split(/[\s,]+/).includes("*");
        out.push({
          file: file.path,
          line: input.line,
          severity: anyone ? "high" : "medium",
          message: anyone
            ? `${input.input}: "*" lets anyone who can open an issue or comment drive the agent${input.job ? ` in job ${input.job}` : ""}`
            : `${input.input} lets ${quote(value, 60)} drive the agent without write access${input.job ? ` in job ${input.job}` : ""}`,
        });
      }

      // Gates removed from agent jobs.
      const oldLines = jobLines(file, "old");
      const addedGates = new Set(newLines.filter((l) => l.changed && l.inIf && GATE.test(l.text)).map((l) => l.job));
      const reported = new Set<string | null>();
      for (const l of oldLines) {
        if (!l.changed || !l.inIf || !GATE.test(l.text) || !inAgentJob(l.job) || reported.has(l.job)) continue;
        if (addedGates.has(l.job)) continue;
        reported.add(l.job);
        out.push({
          file: file.path,
          line: l.line,
          side: "old",
          severity: "high",
          message: `${l.job ? `Job ${l.job}` : "The workflow"} no longer limits who can trigger its agent (removed: ${quote(l.text, 80)})`,
        });
      }

      // Secrets, production environments and write scopes given to agent jobs (not those the removed lines had).
      const before = new RemovedTally();
      for (const l of oldLines) if (l.changed) before.add(l.text.trim());
      for (const l of newLines) {
        if (l.changed && before.take(l.text.trim())) continue;
        if (!l.changed || !(inAgentJob(l.job) || setupSteps)) continue;
        if (PROD_ENV.test(l.text)) {
          out.push({
            file: file.path,
            line: l.line,
            severity: "critical",
            message: `Agent job${l.job ? ` ${l.job}` : ""} runs in a production environment: ${quote(l.text, 60)}`,
          });
          continue;
        }
        for (const m of l.text.matchAll(SECRET_REF)) {
          const name = m[1]!;
          if (AGENT_OWN_SECRETS.test(name)) continue;
          const prod = PROD_NAME.test(name);
          out.push({
            file: file.path,
            line: l.line,
            severity: prod ? "critical" : "high",
            message: `Agent job${l.job ? ` ${l.job}` : ""} is handed ${prod ? "the production secret" : "the secret"} ${name}: the agent can read and use it`,
          });
        }
        const w = WRITE_SCOPE.exec(l.text);
        if (w && file.status !== "added")
          out.push({
            file: file.path,
            line: l.line,
            severity: "medium",
            message: `Agent job${l.job ? ` ${l.job}` : ""} gets ${w[1] ?? "write-all"}: write`,
          });
      }
    }
    return out;
  },
};
