import { describe, expect, test } from "vitest";
import { upsertMarkedComment } from "../../src/github/marked-comment.js";
import { MemoryGitHub } from "../support/memory-github.js";

const MARKER = "<!-- ai-review-gate:action -->";

function world() {
  const gh = new MemoryGitHub();
  const author = gh.addUser({ id: 1, login: "octo" }, "write");
  gh.addPull({ number: 2, author, head: { sha: "a".repeat(40), ref: "f" } });
  const ref = { ...gh.repo, number: 2 };
  /** What the pull request context lists: `mine` for the token's own comments. */
  const known = () => gh.commentsOn(2).map((c) => ({ id: c.id, body: c.body, mine: c.author?.id === gh.bot.id }));
  return { gh, author, ref, known };
}

describe("upsertMarkedComment", () => {
  test("creates once, then updates in place, and sends nothing when the body is unchanged", async () => {
    const { gh, ref, known } = world();
    const first = await upsertMarkedComment(gh, ref, MARKER, `${MARKER}\nv1`, known());
    expect(first).toMatchObject({ action: "created", deleted: 0 });
    const second = await upsertMarkedComment(gh, ref, MARKER, `${MARKER}\nv2`, known());
    expect(second).toEqual({ action: "updated", id: first.id, deleted: 0 });
    const calls = gh.calls.length;
    const third = await upsertMarkedComment(gh, ref, MARKER, `${MARKER}\nv2\r\n`, known());
    expect(third).toEqual({ action: "unchanged", id: first.id, deleted: 0 });
    expect(gh.since(calls)).toEqual([]);
    expect(gh.commentsOn(2).map((c) => c.body)).toEqual([`${MARKER}\nv2`]);
  });

  test("keeps the oldest of its own marked comments, deletes the others, leaves other people's alone", async () => {
    const { gh, author, ref, known } = world();
    const forged = gh.post(2, author, `${MARKER}\nforged by someone else`);
    const oldest = gh.post(2, gh.bot, `${MARKER}\nold`);
    gh.post(2, gh.bot, `${MARKER}\nduplicate`);
    gh.post(2, gh.bot, "a comment of ours without the marker");
    const result = await upsertMarkedComment(gh, ref, MARKER, `${MARKER}\nnew`, known());
    expect(result).toEqual({ action: "updated", id: oldest.id, deleted: 1 });
    expect(gh.commentsOn(2).map((c) => c.body)).toEqual([
      `${MARKER}\nforged by someone else`,
      `${MARKER}\nnew`,
      "a comment of ours without the marker",
    ]);
    expect(gh.commentsOn(2)[0]!.id).toBe(forged.id);
  });

  test("two runs racing to create converge on the oldest comment", async () => {
    const { gh, ref } = world();
    // The other run created its comment after both read the (empty) list, just before ours.
    const racing = Object.create(gh) as MemoryGitHub;
    let raced = false;
    racing.upsertComment = async (repo, target, body) => {
      if (!raced) {
        raced = true;
        gh.post(2, gh.bot, `${MARKER}\nthe other run`);
      }
      return gh.upsertComment(repo, target, body);
    };
    const result = await upsertMarkedComment(racing, ref, MARKER, `${MARKER}\nours`, []);
    const left = gh.commentsOn(2);
    expect(left).toHaveLength(1);
    expect(result).toEqual({ action: "updated", id: left[0]!.id, deleted: 1 });
    expect(left[0]!.body).toBe(`${MARKER}\nours`);
  });

  test("a kept comment deleted meanwhile is written again rather than lost", async () => {
    const { gh, ref, known } = world();
    const kept = gh.post(2, gh.bot, `${MARKER}\nold`);
    const listed = known();
    gh.commentStore.delete(kept.id);
    const result = await upsertMarkedComment(gh, ref, MARKER, `${MARKER}\nnew`, listed);
    expect(result.action).toBe("created");
    expect(gh.commentsOn(2).map((c) => c.body)).toEqual([`${MARKER}\nnew`]);
  });
});
