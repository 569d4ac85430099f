import { BYPASS_FLAGS } from "../../agents/catalogue.js";
import { quote } from "../../text/quote.js";
import { bumpSeverity } from "../../types.js";
import { type Hit, linePatternRule } from "../line-pattern.js";

// A dev container is the isolated place bypass modes are meant for: one step lower there.
const DEV_CONTAINER = /(?:^|\/)\.devcontainer\//;

const HINT = new RegExp(
  [...new Set(BYPASS_FLAGS.map((f) => f.keyword))].map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"),
);

export const bypassFlagRule = linePatternRule({
  id: "agent-autonomy/bypass-flag",
  category: "agent-autonomy",
  description:
    "A script, workflow or config runs a coding agent with its approvals or sandbox switched off (--dangerously-skip-permissions, --yolo, danger-full-access…).",
  severity: "critical",
  remediation:
    "Run the agent with its default approvals and sandbox, or with an allow-list of the few commands it needs; keep bypass modes to disposable, network-restricted containers with no credentials.",
  docs: {
    severity:
      "**critical** for modes without approvals or sandbox (`claude --dangerously-skip-permissions`, `--permission-mode bypassPermissions`, `codex --dangerously-bypass-approvals-and-sandbox` / `--yolo`, `danger-full-access`, `gemini --yolo` / `--approval-mode yolo`, `cursor-agent --force`, `copilot --allow-all-tools`, `cline --yolo`); **high** for `codex --ask-for-approval never`; **medium** for `codex --full-auto`, `--permission-mode acceptEdits`, `--approval-mode auto_edit`, `aider --yes-always`; one step lower under `.devcontainer/`",
    detects:
      "Added lines of scripts, workflows, Makefiles, package.json scripts, Dockerfiles and dev container config (not docs or tests) that pass these switches. A line the removed lines already had (moved, re-indented) is not new.",
  },
  scope: "code",
  lines: "added",
  skipComments: true,
  hint: HINT,
  ignoreMoved: true,
  patterns: [
    {
      detect(text, at) {
        const hits: Hit[] = [];
        for (const f of BYPASS_FLAGS) {
          if (!text.includes(f.keyword) || !f.re.test(text)) continue;
          const severity = DEV_CONTAINER.test(at.path) ? bumpSeverity(f.severity, -1) : f.severity;
          hits.push({ label: `${f.agent}: ${f.means}`, severity });
          break;
        }
        return hits;
      },
    },
  ],
  message: (hit, file, text) => `Agent runs with approvals off (${hit.label}) in ${file}: ${quote(text, 90)}`,
  samples: {
    path: "scripts/agent.sh",
    match: [
      'claude -p "fix the build" --dangerously-skip-permissions',
      "codex exec --dangerously-bypass-approvals-and-sandbox 'migrate'",
      "codex exec -s danger-full-access",
      'gemini --yolo -p "triage"',
      "gemini --approval-mode=yolo",
      "cursor-agent -p --force 'refactor'",
      'copilot -p "ship it" --allow-all-tools',
      "codex --ask-for-approval never exec task",
    ],
    noMatch: [
      'claude -p "review" --allowedTools "Bash(npm test:*)"',
      "# claude --dangerously-skip-permissions",
      "codex exec --sandbox workspace-write",
      "yolo=1 make build",
      "gemini -p 'summarize'",
    ],
  },
});
