import { describe, expect, it } from "vitest";
import { trailerLines } from "../../src/ai/trailers.js";

describe("trailer block, read from the end as git does", () => {
  it("is the last paragraph when its lines are trailers (continuations allowed)", () => {
    expect(
      trailerLines("Fix\n\nBody text.\n\nCo-authored-by: A <a@x.io>\n  continued\nSigned-off-by: B <b@x.io>\n\n"),
    ).toEqual(["Co-authored-by: A <a@x.io>", "Signed-off-by: B <b@x.io>"]);
  });

  it("is nothing for a one-paragraph message or a last paragraph of prose", () => {
    expect(trailerLines("Co-authored-by: A <a@x.io>")).toEqual([]);
    expect(trailerLines("Fix\n\nSee Co-authored-by: A <a@x.io> for details\nand more")).toEqual([]);
    expect(trailerLines("Fix\n\n```\nCo-authored-by: A <a@x.io>\n```")).toEqual([]);
  });

  it("accepts a quarter of trailers when git wrote one of them", () => {
    expect(trailerLines("Fix\n\nnote one\nnote two\nCo-authored-by: A <a@x.io>\nSigned-off-by: B <b@x.io>")).toEqual([
      "Co-authored-by: A <a@x.io>",
      "Signed-off-by: B <b@x.io>",
    ]);
  });

  it("is found behind any amount of text, in time linear in the block", () => {
    const message = `Subject\n\n${"x".repeat(5_000_000)}\n\nCo-authored-by: Claude <noreply@anthropic.com>`;
    const started = performance.now();
    expect(trailerLines(message)).toEqual(["Co-authored-by: Claude <noreply@anthropic.com>"]);
    expect(performance.now() - started).toBeLessThan(100);
  });
});
