import type { CheckRunBody } from "../../src/github/port.js";
import { CHECK_NAME, gateTitle } from "./check-run.js";
import { inlineText } from "./checklist-comment.js";
import { type GateState, progress } from "./state.js";

/**
 * A merge group's check: `success` only when every pull request in the group (the queued one and
 * every entry ahead of it, whose changes the group's commit contains) has a satisfied record at the
 * head it has now, for the base the group merges into. Anything the App cannot confirm fails.
 */

export interface GroupMember {
  number: number;
  headSha: string;
  baseRef: string;
  /** The PR's record in force, or null when the App has none. */
  record: GateState | null;
}

function memberProblem(m: GroupMember, baseRef: string): string | null {
  const r = m.record;
  if (!r) return "the gate has no record of it";
  if (r.head !== m.headSha || r.next !== null)
    return `the gate last evaluated ${r.head.slice(0, 7)}, not its head ${m.headSha.slice(0, 7)}`;
  if (r.base.ref !== baseRef)
    return `the gate evaluated it against \`${inlineText(r.base.ref, 100)}\`, not \`${inlineText(baseRef, 100)}\``;
  if (r.status !== "open") return `it is ${r.status}`;
  if (!progress(r).satisfied) return gateTitle(r);
  return null;
}

export function mergeGroupCheck(input: {
  baseRef: string;
  /** The group's PRs, or why they could not be determined. */
  members: GroupMember[] | { error: string };
}): CheckRunBody {
  const fail = (title: string, summary: string): CheckRunBody => ({
    name: CHECK_NAME,
    conclusion: "failure",
    title: title.slice(0, 240),
    summary,
  });
  if (!Array.isArray(input.members))
    return fail("cannot tell which pull requests this merge group holds", inlineText(input.members.error, 600));
  if (input.members.length === 0)
    return fail("cannot tell which pull requests this merge group holds", "The merge queue lists no entry for it.");
  const problems = input.members
    .map((m) => ({ m, problem: memberProblem(m, input.baseRef) }))
    .filter((x) => x.problem !== null);
  const list = input.members.map((m) => `#${m.number}`).join(", ");
  if (problems.length > 0)
    return fail(
      `${problems.map((x) => `PR #${x.m.number}: ${x.problem}`).join("; ")}`,
      [
        `The merge group holds ${list}; each must have passed the AI Review Gate at its current head for \`${inlineText(input.baseRef, 100)}\`.`,
        "",
        ...problems.map((x) => `- PR #${x.m.number}: ${inlineText(x.problem ?? "", 300)}`),
      ].join("\n"),
    );
  return {
    name: CHECK_NAME,
    conclusion: "success",
    title: `${list}: gate satisfied`.slice(0, 240),
    summary: `Every pull request in this merge group (${list}) passed the AI Review Gate at its current head for \`${inlineText(input.baseRef, 100)}\`.`,
  };
}
