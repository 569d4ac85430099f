import { isCommentLine } from "../../diff/line-syntax.js";
import type { ChangedFile } from "../../diff/model.js";
import { addedText, cutLine, RemovedTally } from "../../diff/side.js";
import { quote } from "../../text/quote.js";
import { basenameOf } from "../../util/paths.js";
import { isCiFile, isGithubWorkflow } from "../../workflows/ci-paths.js";
import { droppedNeeds } from "../../workflows/job-changes.js";
import type { Rule, RuleFinding } from "../types.js";

const HOOK_BYPASS = /(?:^|\s)--no-verify\b|\bHUSKY\s*=\s*["']?0\b|\bHUSKY_SKIP_HOOKS\s*=\s*["']?(?:1|true)\b/;
const CHECK_COMMAND =
  /\b(?:npm|yarn|pnpm|bun)\s+(?:run\s+)?(?:test|lint|typecheck|type-check|check|audit|e2e)\b|\b(?:npx\s+)?(?:jest|vitest|mocha|ava|karma|playwright\s+test|cypress\s+run|pytest|tox|nox|rspec|phpunit|eslint|tsc|mypy|pyright|ruff|flake8|pylint|rubocop|golangci-lint|staticcheck|shellcheck|hadolint|tflint|checkov|trivy|semgrep|bandit|brakeman)\b|\b(?:rake|rails)\s+(?:test|spec)\b|\bgo\s+(?:test|vet)\b|\bcargo\s+(?:test|clippy|audit)\b|\bmake\s+(?:test|check|lint)\b|\bdotnet\s+test\b|\b(?:mvn|gradlew?|\.\/gradlew)\b[^\n]{0,80}\b(?:test|check|verify)\b|\bbundle\s+exec\s+(?:rspec|rake|rubocop)\b/;
const SWALLOW = /\|\|\s*(?:true\b|:(?:\s|$|["'])|exit\s+0\b|echo\b)|;\s*exit\s+0\b/;

const COVERAGE_FILE =
  /(?:^|\/)(?:jest|vitest|vite|karma|playwright)\.config\.\w+$|(?:^|\/)(?:\.nycrc(?:\.\w+)?|\.c8rc(?:\.\w+)?|\.coveragerc|codecov\.ya?ml|\.codecov\.ya?ml|pyproject\.toml|setup\.cfg|tox\.ini|package\.json|\.simplecov|phpunit\.xml(?:\.dist)?|\.golangci\.ya?ml|Makefile|pytest\.ini|build\.gradle(?:\.kts)?|pom\.xml)$/;
const COVERAGE_VALUE =
  /["']?(branches|functions|lines|statements|fail_under|fail-under|minimum_coverage|minimum_coverage_by_file|min_coverage|coverage_threshold|coverageThreshold|threshold|target|minimum|cov-fail-under|coverage-threshold|covered ratio|minimum-coverage)["']?\s*(?:[:=]|\s)\s*["']?(\d{1,3}(?:\.\d+)?)%?/;

function coverageValues(
  lines: readonly { line: number; content: string }[],
): Map<string, { value: number; line: number }[]> {
  const out = new Map<string, { value: number; line: number }[]>();
  for (const l of lines) {
    const m = COVERAGE_VALUE.exec(cutLine(l.content));
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const list = out.get(key) ?? [];
    list.push({ value: Number(m[2]), line: l.line });
    out.set(key, list);
  }
  return out;
}

function coverageLowered(file: ChangedFile, out: RuleFinding[]): void {
  const before = coverageValues(file.removed);
  if (before.size === 0) return;
  const after = coverageValues(file.added);
  for (const [key, added] of after) {
    const removed = before.get(key);
    if (!removed) continue;
    for (let i = 0; i < added.length && i < removed.length; i++) {
      const a = added[i]!;
      const r = removed[i]!;
      if (a.value < r.value)
        out.push({
          file: file.path,
          line: a.line,
          message: `Coverage threshold ${key} lowered from ${r.value} to ${a.value} in ${file.path}`,
        });
    }
  }
}

function isScriptOrCi(path: string): boolean {
  const base = basenameOf(path);
  return (
    isCiFile(path) ||
    base === "package.json" ||
    base === "Makefile" ||
    base === "justfile" ||
    base === "Taskfile.yml" ||
    base === "tox.ini" ||
    base === "noxfile.py" ||
    /\.(?:sh|bash|zsh|ps1|mk)$/.test(base) ||
    /(?:^|\/)(?:scripts?|bin|ci|\.husky)\//.test(path)
  );
}

export const checkBypassedRule: Rule = {
  id: "safety-bypass/check-bypassed",
  category: "safety-bypass",
  description:
    "Checks made unable to fail or skipped: --no-verify, test/lint commands in CI ending in `|| true`, coverage thresholds lowered, a job dropped from a required job's needs.",
  severity: "medium",
  remediation:
    "Let the check fail the build; fix or explicitly quarantine what fails, and keep thresholds and required jobs intact.",
  docs: {
    severity: "medium",
    detects:
      "`--no-verify` / `HUSKY=0`; a test or lint command in CI, `package.json`, Makefiles or scripts made unable to fail (`npm test || true`, `pytest; exit 0`); a coverage threshold lowered (`lines: 80` → `60`, `fail_under`, `--cov-fail-under`, `minimum_coverage`…); a job dropped from the `needs:` of a gate job in a GitHub workflow.",
  },
  run(ctx) {
    const out: RuleFinding[] = [];
    for (const file of ctx.files) {
      // The path class (cached per file) before the hints, which scan the whole added text.
      if (file.binary || ctx.paths.isDoc(file.path)) continue;
      const workflow = isGithubWorkflow(file.path) && file.status === "modified";
      const hinted = file.added.length > 0 && /no-verify|HUSKY|\|\||exit 0/.test(addedText(file));
      const coverage =
        COVERAGE_FILE.test(file.path) || (file.added.length > 0 && addedText(file).includes("cov-fail-under"));
      if (!workflow && !hinted && !coverage) continue;
      if (workflow) {
        for (const d of droppedNeeds(file))
          out.push({
            file: file.path,
            line: d.line,
            side: "old",
            message: `Job ${d.job} (a gate other jobs roll up into) no longer waits for ${d.dropped.join(", ")} in ${file.path}: ${d.dropped.length > 1 ? "they" : "it"} can fail and the gate still passes`,
          });
      }
      if (file.status === "deleted" || file.added.length === 0) continue;
      if (!hinted) {
        if (coverage) coverageLowered(file, out);
        continue;
      }
      const scripty = isScriptOrCi(file.path);
      let tally: RemovedTally | null = null;
      for (const l of file.added) {
        const text = cutLine(l.content);
        const hook = text.includes("no-verify") || text.includes("HUSKY");
        const swallow = (scripty && text.includes("|")) || (scripty && text.includes("exit 0"));
        if (!hook && !swallow) continue;
        if (isCommentLine(file.path, text)) continue;
        if (!tally) {
          tally = new RemovedTally();
          for (const r of file.removed) {
            const rt = cutLine(r.content);
            if (HOOK_BYPASS.test(rt)) tally.add("hook");
            if (SWALLOW.test(rt) && CHECK_COMMAND.test(rt)) tally.add("swallow");
          }
        }
        if (hook && HOOK_BYPASS.test(text) && !tally.take("hook")) {
          out.push({
            file: file.path,
            line: l.line,
            message: `Git hooks bypassed in ${file.path}: ${quote(text, 90)}`,
          });
          continue;
        }
        if (swallow && SWALLOW.test(text) && CHECK_COMMAND.test(text) && !tally.take("swallow")) {
          const cmd = CHECK_COMMAND.exec(text)![0];
          out.push({
            file: file.path,
            line: l.line,
            message: `'${cmd}' can no longer fail the build (its failure is swallowed) in ${file.path}: ${quote(text, 90)}`,
          });
        }
      }
      if (coverage) coverageLowered(file, out);
    }
    return out;
  },
};
