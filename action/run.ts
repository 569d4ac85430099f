import * as core from "@actions/core";
import type { ConfigError } from "../src/config/load.js";
import { analyze } from "../src/engine/analyze.js";
import { comparisonBase } from "../src/format/changes.js";
import { formatMarkdown, type MarkdownOptions } from "../src/format/index.js";
import type { ClientTuning } from "../src/github/client.js";
import { describeApiError, isRequestError } from "../src/github/errors.js";
import { upsertMarkedComment } from "../src/github/marked-comment.js";
import { markdownBlock, markdownCode, markdownText } from "../src/text/markdown.js";
import { levelRank, type Report } from "../src/types.js";
import { emitAnnotations } from "./annotations.js";
import { createActionPort } from "./client.js";
import { COMMENT_MARKER, previousReport } from "./comment.js";
import { type ActionPull, gather, readRunEnv, resolveTarget } from "./gather.js";
import { type ActionInputs, InputError, readInputs } from "./inputs.js";
import { applyLabels, desiredLabels, planLabels } from "./labels.js";
import { setOutputs, writeJsonReport } from "./outputs.js";
import { WRITE_PERMISSION, WriteAccess } from "./permissions.js";
import { writeSarif } from "./sarif.js";
import { notesBlock, SUMMARY_LIMIT, writeSummary } from "./summary.js";

export interface RunOptions {
  /** Retry/throttle tuning; tests make retries instant. The runner uses the defaults. */
  tuning?: ClientTuning;
}

/** The Action's entry: never throws; every failure ends in `core.setFailed` with a one-line reason first. */
export async function run(options: RunOptions = {}): Promise<void> {
  try {
    await runAction(options);
  } catch (e) {
    if (e instanceof InputError) core.setFailed(`ai-review-gate: ${e.message}`);
    else if (isRequestError(e)) core.setFailed(`ai-review-gate: ${describeApiError(e, "a GitHub API request")}`);
    else {
      if (e instanceof Error && e.stack) core.debug(e.stack);
      core.setFailed(`ai-review-gate: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

/** Why writes are impossible before trying: fork PRs on `pull_request` get a read-only GITHUB_TOKEN. */
function forkDenial(eventName: string, pull: ActionPull): string | null {
  if (eventName !== "pull_request") return null;
  const head = pull.head.repo?.full_name;
  if (head && head === pull.base.repo.full_name) return null;
  return `this pull request comes from the fork ${head ?? "(deleted)"} and runs on the pull_request event, where GITHUB_TOKEN is read-only`;
}

function configErrorMarkdown(err: ConfigError, marker?: string): string {
  const lines = [
    ...(marker ? [marker] : []),
    "## ⚠️ AI Review Gate: invalid configuration",
    "",
    `The config ${markdownCode(err.source)} on the base branch is invalid, so this pull request was not analyzed. Fix it on the base branch (the config is never read from the pull request).`,
    "",
    markdownBlock(err.message),
    "",
  ];
  return lines.join("\n");
}

function failOnReason(report: Report, inputs: ActionInputs): string | null {
  if (inputs.failOn === "none" || report.risk.level === "none") return null;
  if (levelRank(report.risk.level) < levelRank(inputs.failOn)) return null;
  const top = report.findings[0];
  const why = top ? `: ${top.message} (${top.file}${top.line !== null ? `:${top.line}` : ""})` : "";
  return `risk level ${report.risk.level} (score ${report.risk.score}) reaches fail-on: ${inputs.failOn}, ${report.findings.length} finding${report.findings.length === 1 ? "" : "s"}${why}`;
}

async function runAction(options: RunOptions): Promise<void> {
  const inputs = readInputs();
  const env = readRunEnv();
  if (!env.owner || !env.repo) throw new InputError("GITHUB_REPOSITORY is not set: run this inside GitHub Actions");
  if (!inputs.token) throw new InputError("no token: set the github-token input");
  const { port, requests } = createActionPort(inputs.token, env.apiUrl, options.tuning);

  const target = await resolveTarget(env, inputs, port);
  if ("skip" in target) {
    core.notice(target.skip, { title: "ai-review-gate: nothing to do" });
    return;
  }
  const pull = target.pull;
  const ref = { owner: env.owner, repo: env.repo, number: pull.number };
  const repoUrl = `${env.serverUrl}/${env.owner}/${env.repo}`;
  core.info(`Analyzing ${env.owner}/${env.repo}#${pull.number} at ${pull.head.sha} (base ${pull.base.sha})`);

  const gathered = await gather(env, inputs, port, pull);
  const writes = new WriteAccess(forkDenial(env.eventName, pull));

  if (gathered.configError) {
    const err = gathered.configError;
    for (const p of err.problems.slice(0, 5))
      core.error(`${p.path || "(root)"}: ${p.message}`, {
        title: "ai-review-gate: invalid config",
        file: err.source,
        ...(p.line ? { startLine: p.line } : {}),
      });
    if (inputs.comment)
      await writes.attempt("the pull request comment", () =>
        upsertMarkedComment(
          port,
          ref,
          COMMENT_MARKER,
          configErrorMarkdown(err, COMMENT_MARKER),
          gathered.context.comments,
        ),
      );
    writes.emitNotice();
    await writeSummary(notesBlock(writeNotes(writes)) + configErrorMarkdown(err));
    core.setFailed(`ai-review-gate: ${err.message}`);
    return;
  }
  core.info(
    `Config: ${gathered.configSource}; ${gathered.files.length} files, ${gathered.facts.commits?.length ?? 0} commits`,
  );

  const report = await analyze({
    diff: gathered.files,
    pr: gathered.facts,
    config: gathered.config,
    notAnalyzed: gathered.notAnalyzed,
  });
  report.warnings.push(...gathered.warnings);

  const reportPath = writeJsonReport(report, pull.number);
  setOutputs(report, reportPath);
  const notes: string[] = [];
  if (inputs.annotations) {
    const stats = emitAnnotations(report.findings);
    if (stats.omitted > 0)
      notes.push(
        `Inline annotations show the most severe findings only (GitHub's per-step limit); ${stats.omitted} more are listed below and in the SARIF report.`,
      );
  }
  if (inputs.sarifFile) core.info(`SARIF written to ${writeSarif(inputs.sarifFile, report, gathered.config)}`);

  // Findings link into the PR's "Files changed" view; the last report's digest says what changed since.
  const previous = previousReport(gathered.context.comments);
  const since = comparisonBase(previous.kind === "ok" ? previous.digest : null, pull.head.sha);
  const view: MarkdownOptions = {
    pullUrl: `${repoUrl}/pull/${pull.number}`,
    routes: gathered.config.gate.routes,
    ...(since ? { previous: since } : {}),
    ...(previous.kind === "invalid" ? { previousUnreadable: true } : {}),
  };
  if (inputs.comment) {
    const body = formatMarkdown(report, { ...view, headSha: pull.head.sha, marker: COMMENT_MARKER, digest: true });
    const res = await writes.attempt("the pull request comment", () =>
      upsertMarkedComment(port, ref, COMMENT_MARKER, body, gathered.context.comments),
    );
    if (res)
      core.info(`Comment ${res.action} (id ${res.id}${res.deleted ? `, ${res.deleted} duplicate(s) deleted` : ""})`);
  }
  if (inputs.labels) {
    const plan = planLabels(gathered.context.labels, desiredLabels(report));
    if (plan.add.length > 0 || plan.remove.length > 0)
      await writes.attempt("the labels", () => applyLabels(port, ref, plan, gathered.context.repoLabels));
  }
  writes.emitNotice();
  notes.push(...writeNotes(writes));

  await writeSummary(notesBlock(notes) + formatMarkdown(report, { ...view, maxLength: SUMMARY_LIMIT }));
  core.info(
    `Risk ${report.risk.level} (${report.risk.score}); ${report.findings.length} findings; API requests: ${requests()}`,
  );

  const failures = [...writes.errors];
  const reason = failOnReason(report, inputs);
  if (reason) failures.unshift(reason);
  if (failures.length > 0) core.setFailed(`ai-review-gate: ${failures.join("; ")}`);
}

function writeNotes(writes: WriteAccess): string[] {
  const notes: string[] = [];
  if (writes.readOnly && writes.skipped.length > 0)
    notes.push(
      `ℹ️ The ${markdownText(writes.skipped.join(" and "))} ${writes.skipped.length > 1 ? "were" : "was"} skipped: the token lacks \`${WRITE_PERMISSION}\`.`,
    );
  for (const e of writes.errors) notes.push(`❌ ${markdownText(e)}`);
  return notes;
}
