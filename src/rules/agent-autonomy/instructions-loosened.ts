import {
  type ClassifiedSentence,
  classifyInstructions,
  isInstructionFile,
  SimilarSets,
} from "../../agents/instructions.js";
import { cutLine } from "../../diff/side.js";
import { quote } from "../../text/quote.js";
import { severityRank } from "../../types.js";
import type { Rule, RuleFinding } from "../types.js";

/** Findings per file; a rewrite of a whole instruction file says enough with the first ones. */
const MAX_PER_FILE = 5;

interface Said extends ClassifiedSentence {
  line: number;
}

function said(lines: readonly { line: number; content: string }[]): Said[] {
  return lines.flatMap((l) => classifyInstructions(cutLine(l.content)).map((c) => ({ ...c, line: l.line })));
}

export const instructionsLoosenedRule: Rule = {
  id: "agent-autonomy/instructions-loosened",
  category: "agent-autonomy",
  description:
    'An instruction file agents read (AGENTS.md, CLAUDE.md, Cursor rules, Copilot instructions, skills) loses a safety instruction or gains a "never ask for confirmation"-style one.',
  severity: "medium",
  remediation:
    "Keep the instructions that make the agent ask before risky or irreversible actions; if the wording changes, keep the rule. Instructions are not a security boundary: enforce the same limits in the agent's settings.",
  docs: {
    severity:
      'added loosening: **critical** when it concerns production, secrets, deletion or deploys, **high** otherwise ("never ask for confirmation", "you have full permission", "proceed without approval", "push directly to main", "ignore previous instructions"); removed safety instruction: **high** when it concerned production, secrets, force pushes, deletion or deploys, **medium** otherwise',
    detects:
      'Sentence by sentence on changed lines of `AGENTS.md`, `CLAUDE.md`, `GEMINI.md`, `.cursorrules`, `.cursor/rules/**`, `.github/copilot-instructions.md`, `.github/instructions/**`, `.clinerules`, `.roo/rules*`, `.windsurfrules`, `.junie/guidelines.md`, `.goosehints`, `.kiro/steering/**`, and Claude Code commands, subagents and skills: safety instructions ("ask the user before…", "never push to main", "do not touch production") removed without a reworded one added, and loosening ones added that the removed lines did not already say. "Never push without asking" reads as a safety rule.',
  },
  run(ctx) {
    const out: RuleFinding[] = [];
    for (const file of ctx.files) {
      if (file.binary || !isInstructionFile(file.path)) continue;
      const added = said(file.added);
      const removed = said(file.removed);
      // Each side is compared only with the other side's sentences of the same kind, through an index: a
      // rewrite of a long instruction file would otherwise compare every added sentence with every removed one.
      const removedLoosening = new SimilarSets(
        removed.filter((r) => r.kind === "loosening").map((r) => r.words),
        0.6,
      );
      const addedSafety = new SimilarSets(
        added.filter((a) => a.kind === "safety").map((a) => a.words),
        0.5,
      );
      const found: RuleFinding[] = [];
      for (const a of added) {
        if (a.kind !== "loosening") continue;
        if (removedLoosening.hasSimilar(a.words)) continue;
        found.push({
          file: file.path,
          line: a.line,
          severity: a.severity,
          message: `Agent instructions loosened: a new instruction ${a.gist}: ${quote(a.sentence, 100)}`,
        });
      }
      for (const r of removed) {
        if (r.kind !== "safety") continue;
        if (addedSafety.hasSimilar(r.words)) continue;
        found.push({
          file: file.path,
          line: r.line,
          side: "old",
          severity: r.severity,
          message: `Agent instructions loosened: a removed instruction ${r.gist}: ${quote(r.sentence, 100)}`,
        });
      }
      found.sort((x, y) => severityRank(y.severity!) - severityRank(x.severity!));
      out.push(...found.slice(0, MAX_PER_FILE));
      if (found.length > MAX_PER_FILE)
        out.push({
          file: file.path,
          line: null,
          severity: "medium",
          message: `Agent instructions loosened: ${found.length - MAX_PER_FILE} more changes of the same kind in ${file.path}`,
        });
    }
    return out;
  },
};
