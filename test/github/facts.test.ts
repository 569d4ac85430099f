import { describe, expect, test } from "vitest";
import { type ApiPull, prFactsFromApi } from "../../src/github/facts.js";
import { webhookExample } from "../support/webhook-examples.js";

describe("prFactsFromApi", () => {
  test("reads a real pull_request webhook payload and REST commits", () => {
    const opened = webhookExample("pull_request", "opened");
    const pull = { ...(opened.pull_request as ApiPull), labels: [{ name: "bug" }, { name: "ai-authored" }] };
    const facts = prFactsFromApi(pull, [
      {
        sha: "abc123",
        commit: {
          message: "Add feature\n\nCo-authored-by: Claude <noreply@anthropic.com>",
          author: { name: "Mona", email: "mona@example.com" },
          committer: { name: "GitHub", email: "noreply@github.com" },
        },
        author: { login: "mona" },
        committer: { login: "web-flow" },
      },
    ]);
    expect(facts).toMatchObject({
      number: 2,
      author_login: "Codertocat",
      author_type: "User",
      head_ref: "changes",
      base_ref: "master",
      title: "Update the README with new information.",
      labels: ["bug", "ai-authored"],
      assignees: [],
    });
    expect(facts.commits).toEqual([
      {
        sha: "abc123",
        message: "Add feature\n\nCo-authored-by: Claude <noreply@anthropic.com>",
        author_name: "Mona",
        author_email: "mona@example.com",
        author_login: "mona",
        committer_name: "GitHub",
        committer_email: "noreply@github.com",
        committer_login: "web-flow",
      },
    ]);
  });

  test("tolerates missing users and null fields (ghost accounts, unlinked commit emails)", () => {
    const facts = prFactsFromApi({ number: 7, user: null, body: null, assignees: [null, { login: "copilot" }] }, [
      { sha: "1", commit: { message: "x", author: null, committer: null }, author: null, committer: null },
    ]);
    expect(facts.author_login).toBeNull();
    expect(facts.assignees).toEqual(["copilot"]);
    expect(facts.commits?.[0]).toMatchObject({ author_login: null, author_name: null });
  });
});
