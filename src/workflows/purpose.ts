/**
 * What a workflow (or one of its jobs) is for, read from its text: does it run checks that can gate a
 * merge (tests, linters, scanners on pull requests or pushes), and does it hold privileges (write
 * scopes, privileged triggers, secrets)? Removing a privileged automation that runs no checks drops
 * those privileges; removing a check may let unchecked code merge.
 */

/** Triggers under which a workflow can report a required status check. */
const GATING_TRIGGERS = ["pull_request", "push", "merge_group"];
/** Commands and actions that check code: tests, linters, type checkers, security and dependency scanners. */
const CHECK_WORK =
  /\b(?:test|tests|lint|linter|check|vet|typecheck|tsc|pytest|tox|nox|jest|vitest|mocha|rspec|phpunit|pest|cargo\s+(?:test|clippy)|go\s+test|gradle\w*\s+(?:test|check)|mvn\w*\s+(?:test|verify)|coverage|e2e|playwright|cypress|codeql|semgrep|trivy|snyk|gitleaks|trufflehog|scorecard|dependency-review|audit|actionlint|zizmor|shellcheck|eslint|biome|prettier|ruff|mypy|pyright|flake8|black|rubocop|hadolint|tflint|tfsec|checkov|kubeconform|kube-linter|validate|verify)\b/i;
/** Write scopes that only report results (a check's own output), not privileges over the repository. */
const REPORTING_WRITE = /^\s*(?:security-events|checks|statuses)\s*:\s*write\b/;
const WRITE_SCOPE = /^\s*[\w-]+\s*:\s*write\b|\bwrite-all\b/;
/** Events that run with the base repository's token and secrets, or on a timer, outside any review. */
const PRIVILEGED_EVENT =
  /^(?:pull_request_target|workflow_run|issue_comment|issues|discussion\w*|schedule|release|deployment\w*)$/;
/** A secret other than the workflow's own token. */
const SECRET = /\$\{\{\s*secrets\.(?!GITHUB_TOKEN\b)\w+/;

export interface WorkflowPurpose {
  /** Runs tests, linters or scanners on pull requests or pushes: a check a merge may depend on. */
  checks: boolean;
  /** Holds write scopes, privileged triggers or secrets. */
  privileged: boolean;
}

/**
 * The purpose of a workflow or job from its lines. `triggers` are the workflow's events when known (a
 * whole workflow parsed); unknown triggers count as gating, so a removed check is never played down.
 */
export function workflowPurpose(lines: readonly string[], triggers: ReadonlySet<string> | null): WorkflowPurpose {
  let checks = false;
  let privileged = false;
  // Indentation of an open `run: |` block: its deeper lines are commands.
  let runBlock = -1;
  for (const raw of lines) {
    const text = raw.replace(/(^|\s)#.*$/, "");
    if (text.trim() === "") continue;
    const indent = text.length - text.trimStart().length;
    if (runBlock >= 0 && indent <= runBlock) runBlock = -1;
    const step = /^\s*(?:-\s*)?(run|uses)\s*:\s*(.*)$/.exec(text);
    if (step?.[1] === "run" && /^[|>][-+]?\s*$/.test(step[2]!)) runBlock = indent;
    // The workflow's and jobs' names and ids (`name: Tests`, `  lint:`) say what they check; step names do not.
    const title =
      indent <= 4 ? (/^\s*(?:name\s*:\s*(.+)|([\w-]+)\s*:\s*)$/.exec(text)?.slice(1).find(Boolean) ?? "") : "";
    const command = runBlock >= 0 && indent > runBlock ? text : step ? step[2]! : title;
    if (!checks && command !== "" && CHECK_WORK.test(command)) checks = true;
    if (!privileged && ((WRITE_SCOPE.test(text) && !REPORTING_WRITE.test(text)) || SECRET.test(text)))
      privileged = true;
  }
  const gating = triggers === null || GATING_TRIGGERS.some((t) => triggers.has(t));
  if (triggers && [...triggers].some((t) => PRIVILEGED_EVENT.test(t))) privileged = true;
  return { checks: checks && gating, privileged };
}
