import * as core from "@actions/core";
import { escapeControls } from "../src/text/controls.js";
import type { Finding, Severity } from "../src/types.js";

/** GitHub shows at most this many annotations of each kind per step. */
export const ANNOTATIONS_PER_KIND = 10;

type Kind = "error" | "warning" | "notice";
const KIND: Record<Severity, Kind> = { critical: "error", high: "error", medium: "warning", low: "notice" };
/** The Action may itself emit one error (fail-on, setFailed) and one notice (skipped writes). */
const RESERVED: Record<Kind, number> = { error: 1, warning: 0, notice: 1 };

export interface AnnotationStats {
  emitted: number;
  /** Findings not annotated because of GitHub's per-step limit. */
  omitted: number;
}

type Emit = (message: string, props?: core.AnnotationProperties) => void;
const EMIT: Record<Kind, Emit> = { error: core.error, warning: core.warning, notice: core.notice };

/**
 * Inline annotations on the findings' lines, most severe first (the engine sorts findings that way).
 * When a kind overflows, its last slot says how many more there are and where to find them.
 */
export function emitAnnotations(findings: readonly Finding[]): AnnotationStats {
  const byKind: Record<Kind, Finding[]> = { error: [], warning: [], notice: [] };
  for (const f of findings) byKind[KIND[f.severity]].push(f);
  let emitted = 0;
  let omitted = 0;
  for (const kind of ["error", "warning", "notice"] as const) {
    const list = byKind[kind];
    const slots = ANNOTATIONS_PER_KIND - RESERVED[kind];
    const shown = list.length > slots ? list.slice(0, slots - 1) : list;
    for (const f of shown) {
      const props: core.AnnotationProperties = {
        title: escapeControls(`${f.severity}: ${f.ruleId}`),
        file: escapeControls(f.file),
      };
      // Removed lines and whole-file findings have no line in the head version to attach to.
      if (f.line !== null && f.side === "new") props.startLine = f.line;
      const where = f.side === "old" && f.line !== null ? ` (removed line ${f.line})` : "";
      // Messages are masked by the engine; controls are escaped here so no input writes raw to the log.
      EMIT[kind](escapeControls(`${f.message}${where}. ${f.remediation}`), props);
      emitted++;
    }
    const rest = list.length - shown.length;
    if (rest > 0) {
      EMIT[kind](
        `${rest} more ${kind === "error" ? "high/critical" : kind === "warning" ? "medium" : "low"} findings are not annotated (GitHub shows ${ANNOTATIONS_PER_KIND} ${kind} annotations per step): see the pull request comment, the job summary or the SARIF report.`,
        { title: "ai-review-gate: more findings" },
      );
      omitted += rest;
    }
  }
  return { emitted, omitted };
}
