import type { ChangedFile } from "../../diff/model.js";
import { basenameOf, extensionOf, SOURCE_EXTENSIONS } from "../../util/paths.js";
import type { Rule, RuleFinding } from "../types.js";

// Snapshots, fixtures and test data are not tests: deleting them is housekeeping.
const NOT_A_TEST = /(?:^|\/)(?:__snapshots__|fixtures?|testdata|__fixtures__|__mocks__|mocks?|helpers?|support)\//;

/** The stem that identifies a test across moves: `user.test.ts` and `user.spec.ts` share `user`. */
function testStem(path: string): string {
  return basenameOf(path)
    .toLowerCase()
    .replace(/\.[^.]+$/, "")
    .replace(/(?:[._-](?:test|spec|tests|specs))+$/, "")
    .replace(/^(?:test[_-])/, "")
    .replace(/(?:tests?)$/, "");
}

export const testFileDeletedRule: Rule = {
  id: "safety-bypass/test-file-deleted",
  category: "safety-bypass",
  description: "A test file is deleted and no test file with the same name is added or renamed in the PR.",
  severity: "medium",
  remediation: "Keep the tests (move or rewrite them) unless the code they cover is deleted in the same PR.",
  docs: {
    severity: "medium",
    detects:
      "A test source file deleted with no test of the same name added or renamed in the PR, and the code it covered still present. Snapshots, fixtures and test data are ignored.",
  },
  run(ctx) {
    const deleted: ChangedFile[] = [];
    for (const file of ctx.files) {
      if (file.status !== "deleted" || NOT_A_TEST.test(file.path)) continue;
      if (!SOURCE_EXTENSIONS.has(extensionOf(file.path)) || !ctx.paths.isTest(file.path)) continue;
      deleted.push(file);
    }
    if (deleted.length === 0) return [];
    // Replacement tests and deleted sources, by stem (one pass over the PR; no per-file rescans).
    const wanted = new Set(deleted.map((f) => testStem(f.path)));
    const replacementStems = new Set<string>();
    const deletedSourceStems = new Set<string>();
    for (const f of ctx.allFiles) {
      // Only a test that stays or a source file that goes counts: the stem (four replaces) only for those.
      const gone = f.status === "deleted";
      if (gone === ctx.paths.isTest(f.path)) continue;
      const stem = testStem(f.path);
      if (!wanted.has(stem)) continue;
      if (gone) deletedSourceStems.add(stem);
      else replacementStems.add(stem);
    }
    const out: RuleFinding[] = [];
    for (const file of deleted) {
      const stem = testStem(file.path);
      if (replacementStems.has(stem)) continue;
      // The code under test went away too: removing its tests is expected.
      if (deletedSourceStems.has(stem)) continue;
      out.push({
        file: file.path,
        line: null,
        side: "old",
        message: `Test file ${file.path} deleted (${file.removed.length} lines) with no replacement test in the PR`,
      });
    }
    return out;
  },
};
