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
    {
      name: "program code deleting a plain variable or a fixed path",
      diff: addedFile("tools/build.py", [
        'subprocess.run(["rm", "-rf", build_dir], check=True)',
        "shutil.rmtree(tmpdir, ignore_errors=True)",
        'shutil.rmtree(os.path.join(base, "cache"))',
        'os.system("rm -rf ./dist")',
      ]),
    },
    {
      name: "fs.rmSync without recursive (one file) and a plain variable tree",
      diff: addedFile("src/clean.ts", ["fs.rmSync(file);", "fs.rmSync(outDir, { recursive: true, force: true });"]),
    },
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
    {
      name: "rm -rf run from Python: an unquoted value in a shell string, an empty-able root in an argv list",
      diff: addedFile("scripts/reset.py", [
        'subprocess.run("rm -rf " + cache_dir, shell=True)',
        'os.system(f"rm -rf {workspace}/*")',
        'subprocess.check_call(["rm", "-rf", f"{root}/"])',
      ]),
      findings: [
        { line: 1, severity: "high", message: "unquoted variable" },
        { line: 2, severity: "critical" },
        { line: 3, severity: "critical" },
      ],
    },
    {
      name: "rm -rf run from Node, Ruby and Go",
      diff:
        addedFile("scripts/clean.mjs", ["execSync(`rm -rf ${outDir}/`);", 'spawnSync("rm", ["-rf", `${root}/`]);']) +
        addedFile("lib/tasks/clean.rb", ['system("rm -rf #{dir}")', "`rm -rf #{tmp}/*`"]) +
        addedFile("cmd/wipe/main.go", ['exec.Command("sh", "-c", "rm -rf "+dir+"/").Run()']),
      findings: [
        { file: "scripts/clean.mjs", line: 1, severity: "critical" },
        { file: "scripts/clean.mjs", line: 2, severity: "critical" },
        { file: "lib/tasks/clean.rb", line: 1, severity: "high" },
        { file: "lib/tasks/clean.rb", line: 2, severity: "critical" },
        { file: "cmd/wipe/main.go", line: 1, severity: "critical" },
      ],
    },
    {
      name: "library deletes of a tree: a root that is / or home, an empty-able prefix, the environment",
      diff: addedFile("scripts/wipe.py", [
        'shutil.rmtree("/")',
        "shutil.rmtree(Path.home())",
        'shutil.rmtree(f"{prefix}/")',
        'shutil.rmtree(os.environ.get("BUILD_DIR", "."))',
      ]),
      findings: [
        { line: 1, severity: "critical", message: "shutil.rmtree(/)" },
        { line: 2, severity: "critical", message: "home directory" },
        { line: 3, severity: "critical" },
        { line: 4, severity: "high", message: "from the environment" },
      ],
    },
  ],
});
