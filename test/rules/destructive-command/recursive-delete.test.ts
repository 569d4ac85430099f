// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions and shell variables are literal text here
import { describe, expect, it } from "vitest";
import { classifyRmTarget, recursiveDeleteRule } from "../../../src/rules/destructive-command/recursive-delete.js";
import { addedFile, modifiedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

describe("destructive-command/recursive-delete", () => {
  it("is critical for rm -rf on /, ~ and an empty-able variable followed by /", async () => {
    const diff = addedFile("scripts/clean.sh", [
      "#!/bin/sh",
      "rm -rf /",
      "sudo rm -rf ~/",
      'rm -rf "$BUILD_DIR"/*',
      "rm -fr ${OUT}/",
    ]);
    const f = await runRule(recursiveDeleteRule, diff);
    expect(f.map((x) => [x.line, x.severity])).toEqual([
      [2, "critical"],
      [3, "critical"],
      [4, "critical"],
      [5, "critical"],
    ]);
    expect(f[2]!.message).toContain("$BUILD_DIR");
  });

  it("is high for an unquoted variable or a bare glob", async () => {
    const diff = modifiedFile("Makefile", ["clean:", "+\trm -rf $TMP", "+\tcd out && rm -r *"]);
    const f = await runRule(recursiveDeleteRule, diff);
    expect(f.map((x) => x.severity)).toEqual(["high", "high"]);
  });

  it("reads commands split with backslash continuations and package.json scripts", async () => {
    const diff =
      addedFile("deploy.sh", ["rm -rf \\", "  $HOME"]) +
      modifiedFile("package.json", ['   "scripts": {', '+    "nuke": "rm -rf $DIR/",']);
    const f = await runRule(recursiveDeleteRule, diff);
    expect(f.map((x) => `${x.file}:${x.line}`)).toEqual(["deploy.sh:1", "package.json:2"]);
  });

  it("ignores ordinary paths, guarded variables, quoted vars, subcommands, comments and docs", async () => {
    const diff =
      addedFile("Dockerfile", [
        "RUN rm -rf /var/lib/apt/lists/*",
        'RUN rm -rf ~/.bundle/ "${BUNDLE_PATH}"/ruby/*/cache',
        'RUN rm -rf "${DIR:?}/"',
        'RUN rm -rf "$DIR"',
        "RUN git rm -r --cached *",
        "# rm -rf /",
        "RUN rm ./file /",
      ]) +
      addedFile("README.md", ["Never run `rm -rf /`."]) +
      addedFile("test/cleanup.sh", ["rm -rf $DIR/"]);
    expect(await runRule(recursiveDeleteRule, diff)).toEqual([]);
  });

  it("classifies targets", () => {
    expect(classifyRmTarget("/*")?.severity).toBe("critical");
    expect(classifyRmTarget("$HOME")?.severity).toBe("critical");
    expect(classifyRmTarget("./dist")).toBeNull();
    expect(classifyRmTarget("$(BUILD)/")?.severity).toBe("high");
  });
});

ruleTester(recursiveDeleteRule, {
  valid: [
    { name: "a fixed path", diff: addedFile("scripts/clean.sh", ["rm -rf ./build"]) },
    { name: "a guarded variable", diff: addedFile("scripts/clean.sh", ['rm -rf "${OUT:?}/"']) },
    { name: "a test", diff: addedFile("test/cleanup.sh", ["rm -rf $DIR/"]) },
  ],
  invalid: [
    {
      name: "an empty-able variable before a slash",
      diff: addedFile("scripts/clean.sh", ['rm -rf "$BUILD_DIR"/*']),
      findings: [{ line: 1, severity: "critical", message: '`rm` on "$BUILD_DIR"/*' }],
    },
    {
      name: "a command split over continuation lines",
      diff: addedFile("deploy.sh", ["rm -rf \\", "  $HOME"]),
      findings: [{ line: 1, severity: "critical", message: "deletes the home directory" }],
    },
  ],
});
