/**
 * The fields each handler reads, checked before it runs: a malformed delivery (a payload shape GitHub
 * does not send, or a forged one) is refused with the missing field named, instead of failing deep
 * inside a handler with "cannot read properties of undefined". Refusing writes nothing, so it can never
 * turn the gate green.
 */
const REPOSITORY = ["repository.id:number", "repository.name:string", "repository.owner.login:string"];

export const REQUIRED_FIELDS: Record<string, string[]> = {
  pull_request: [
    ...REPOSITORY,
    "pull_request.number:number",
    "pull_request.head.sha:string",
    "pull_request.base.sha:string",
    "pull_request.user.login:string",
  ],
  issue_comment: [
    ...REPOSITORY,
    "issue.number:number",
    "comment.id:number",
    "comment.user.login:string",
    "sender.login:string",
  ],
  check_run: [...REPOSITORY, "check_run.id:number", "check_run.head_sha:string", "check_run.name:string"],
  merge_group: [...REPOSITORY, "merge_group.head_sha:string", "merge_group.head_ref:string"],
};

function valueAt(payload: unknown, path: string): unknown {
  let node: unknown = payload;
  for (const key of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** The first problem with this payload for `event`, or null when every required field is there. */
export function payloadProblem(event: string, payload: unknown): string | null {
  for (const spec of REQUIRED_FIELDS[event] ?? []) {
    const [path, type] = spec.split(":") as [string, string];
    const value = valueAt(payload, path);
    if (typeof value !== type)
      return `${path} is ${value === undefined ? "missing" : `a ${typeof value}, not a ${type}`}`;
  }
  return null;
}
