import * as core from "@actions/core";

/** GitHub accepts up to 1 MiB of job summary per step; stay well below. */
export const SUMMARY_LIMIT = 512_000;

/** Append markdown to the job summary. Outside a runner (no GITHUB_STEP_SUMMARY) it is only logged. */
export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.info("GITHUB_STEP_SUMMARY is not set; job summary skipped");
    return;
  }
  await core.summary.addRaw(markdown, true).write();
}

/** Notes shown above the report in the job summary (skipped writes, annotation overflow...). */
export function notesBlock(notes: readonly string[]): string {
  return notes.length === 0 ? "" : `${notes.map((n) => `> ${n}`).join("\n>\n")}\n\n`;
}
