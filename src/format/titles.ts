import type { Category, Level, Severity } from "../types.js";

/** Human titles shared by every format. */
export const CATEGORY_TITLES: Record<Category, string> = {
  "migration-destructive": "Destructive migrations",
  migration: "Migrations",
  "infra-deletion": "Infrastructure deletions",
  "infra-change": "Infrastructure changes",
  "production-config": "Production scope",
  "ci-workflow": "CI/CD workflows",
  "agent-autonomy": "Agent autonomy",
  secrets: "Secrets",
  "destructive-command": "Destructive commands",
  "safety-bypass": "Safety bypasses",
  dependency: "Dependencies",
  "missing-tests": "Missing tests",
  custom: "Custom rules",
};

export const LEVEL_EMOJI: Record<Level, string> = {
  none: "⚪",
  low: "🟢",
  medium: "🟡",
  high: "🟠",
  critical: "🔴",
};

export const SEVERITY_EMOJI: Record<Severity, string> = {
  low: "🟢",
  medium: "🟡",
  high: "🟠",
  critical: "🔴",
};

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
