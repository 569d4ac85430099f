import { randomBytes } from "node:crypto";

/** Hostile inputs for the engine: each builder returns a diff (and, for patterns, a config). */

export function hugeDiff(targetBytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
    const path = `src/pkg${i % 100}/file${i}.ts`;
    const head = `diff --git a/${path} b/${path}\nindex 1111111..2222222 100644\n--- a/${path}\n+++ b/${path}\n@@ -1,100 +1,100 @@\n`;
    const body: string[] = [];
    for (let k = 0; k < 100; k++) body.push(`-  const old${k} = legacy(${k}, "value-${i}-${k}");\n`);
    for (let k = 0; k < 100; k++) body.push(`+  const next${k} = modern(${k}, "value-${i}-${k}");\n`);
    const chunk = head + body.join("");
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join("");
}

export function manyFilesDiff(files: number): string {
  const parts: string[] = [];
  for (let i = 0; i < files; i++) {
    const path = `packages/p${i % 300}/src/m${i}.js`;
    parts.push(
      `diff --git a/${path} b/${path}\nnew file mode 100644\nindex 0000000..1111111\n--- /dev/null\n+++ b/${path}\n@@ -0,0 +1,2 @@\n+export const v${i} = ${i};\n+export default v${i};\n`,
    );
  }
  return parts.join("");
}

/** One added line of `bytes` characters in a few shapes that stress regexes (repetition, near-matches). */
export function longLineDiff(bytes: number): string {
  const shapes = [
    "a".repeat(bytes),
    `password = "${"x".repeat(bytes)}`,
    `${"rm -rf ".repeat(Math.floor(bytes / 7))}`,
    `{{${"${".repeat(Math.floor(bytes / 2))}`,
    `"${'\\"'.repeat(Math.floor(bytes / 2))}`,
    `${"AKIA".repeat(Math.floor(bytes / 4))}`,
  ];
  return shapes
    .map((line, i) => {
      const path = i % 2 === 0 ? `config/settings${i}.yml` : `scripts/run${i}.sh`;
      return `diff --git a/${path} b/${path}\nnew file mode 100644\nindex 0000000..1111111\n--- /dev/null\n+++ b/${path}\n@@ -0,0 +1 @@\n+${line}\n`;
    })
    .join("");
}

/** A binary file pasted as text: random bytes split on newlines, as added lines of a "text" file. */
export function binaryAsTextDiff(bytes: number, seedBytes = randomBytes(bytes)): Buffer {
  const lines = seedBytes.toString("latin1").split("\n");
  const head = Buffer.from(
    `diff --git a/assets/logo.png b/assets/logo.png\nnew file mode 100644\nindex 0000000..1111111\n--- /dev/null\n+++ b/assets/logo.png\n@@ -0,0 +1,${lines.length} @@\n`,
  );
  return Buffer.concat([head, Buffer.from(lines.map((l) => `+${l}`).join("\n") + "\n", "latin1")]);
}

/** A custom rule with a pattern that backtracks catastrophically in a backtracking engine. */
export const catastrophicPatternConfig = {
  custom_rules: [
    { id: "redos", pattern: "^(a+)+$", message: "catastrophic pattern", severity: "low" as const },
    { id: "redos2", pattern: "(x+x+)+y", message: "catastrophic pattern 2", severity: "low" as const },
  ],
};

export function redosDiff(): string {
  const lines = ["a".repeat(5000) + "!", "x".repeat(5000), "a".repeat(30) + "!"];
  return `diff --git a/data.txt b/data.txt\nnew file mode 100644\nindex 0000000..1111111\n--- /dev/null\n+++ b/data.txt\n@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join("\n")}\n`;
}
