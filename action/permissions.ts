import * as core from "@actions/core";
import { describeApiError, isPermissionError } from "../src/github/errors.js";

export const WRITE_PERMISSION = "pull-requests: write";

/**
 * Runs the write steps (comment, labels) and degrades to read-only once the token proves it cannot write:
 * the remaining writes are skipped and ONE notice names the missing permission. Other API errors are
 * collected and reported at the end of the run, never swallowed.
 */
export class WriteAccess {
  private denied: string | null;
  readonly skipped: string[] = [];
  readonly errors: string[] = [];

  constructor(initialDenial: string | null) {
    this.denied = initialDenial;
  }

  get readOnly(): boolean {
    return this.denied !== null;
  }

  async attempt<T>(what: string, fn: () => Promise<T>): Promise<T | undefined> {
    if (this.denied) {
      this.skipped.push(what);
      return undefined;
    }
    try {
      return await fn();
    } catch (e) {
      if (isPermissionError(e)) {
        const msg = e instanceof Error ? e.message.split("\n")[0] : String(e);
        this.denied = `GitHub answered 403 "${msg}" when ${what}`;
        this.skipped.push(what);
        return undefined;
      }
      this.errors.push(describeApiError(e, what));
      return undefined;
    }
  }

  /** The single notice about skipped writes, or null when nothing was skipped. */
  noticeText(): string | null {
    if (!this.denied || this.skipped.length === 0) return null;
    return `ai-review-gate skipped ${this.skipped.join(" and ")}: the token lacks \`${WRITE_PERMISSION}\` (${this.denied}). The report is in the job summary, the annotations and the outputs. Grant \`permissions: ${WRITE_PERMISSION}\`, or for fork pull requests run on \`pull_request_target\` (safe: this action never checks out or runs the PR's code).`;
  }

  emitNotice(): void {
    const text = this.noticeText();
    if (text) core.notice(text, { title: "ai-review-gate: read-only token" });
  }
}
