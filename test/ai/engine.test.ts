import { describe, expect, it } from "vitest";
import { addedFile, scan } from "../support/diff.js";

describe("engine uses detectAi", () => {
  const diff = addedFile("src/retry.ts", ["export const retries = 3;"]);

  it("reports the agent and evidence for an AI-authored PR", async () => {
    const report = await scan(diff, {
      pr: {
        author_login: "mokafor",
        author_type: "User",
        head_ref: "feature/retry",
        title: "Add retries",
        body: "Adds retries.\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)",
        commits: [{ message: "Add retries\n\nCo-Authored-By: Claude <noreply@anthropic.com>" }],
      },
    });
    expect(report.ai).toMatchObject({ detected: true, agents: ["claude-code"], confidence: "certain", commitShare: 1 });
  });

  it("leaves a human PR alone, and config extras flow through", async () => {
    const pr = { author_login: "mokafor", head_ref: "ai/retry", commits: [{ message: "Add retries" }] };
    expect((await scan(diff, { pr })).ai.detected).toBe(false);
    expect((await scan(diff, { pr, config: { ai: { branches: ["ai/"] } } })).ai.detected).toBe(true);
  });
});
