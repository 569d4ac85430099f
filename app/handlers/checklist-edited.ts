import { fetchPull, type GitHubClient } from "../../src/github/index.js";
import { authorizeItem, authorizePerson, type Sender, type Verdict } from "../gate/authorize.js";
import { checkRequest, gateCheck } from "../gate/check-run.js";
import {
  looksLikeChecklist,
  type ParsedBody,
  parseBody,
  renderComment,
  signoffItems,
  soleStateLine,
} from "../gate/checklist-comment.js";
import { evaluate, type GateEnv, type GatePull } from "../gate/evaluate.js";
import {
  authorizeDeps,
  getComment,
  type IssueComment,
  isOwnComment,
  updateComment,
  upsertCheck,
} from "../gate/github-io.js";
import {
  type AuditEvent,
  appendAudit,
  decodeStateLine,
  type GateItem,
  type GateState,
  type Tick,
} from "../gate/state.js";
import { failClosed, type Log, type RepoPayload, repoOf } from "./shared.js";

export interface CommentEditedPayload extends RepoPayload {
  changes?: { body?: { from?: string } };
  comment: IssueComment & { body: string };
  issue: { number: number; pull_request?: unknown; user?: { login?: string } | null };
  sender: Sender;
}

interface Attempt {
  item: GateItem;
  tick: boolean;
}

function pickState(candidates: Array<GateState | null>): GateState | null {
  let best: GateState | null = null;
  for (const s of candidates) if (s && (!best || s.seq > best.seq)) best = s;
  return best;
}

function quote(item: GateItem): string {
  const t = item.text.length > 70 ? `${item.text.slice(0, 69)}…` : item.text;
  return `"${t}"`;
}

/**
 * A checklist edit. Only the checkbox flips of THIS edit (old body vs new body) are attributed to the
 * sender; they count when the sender is authorized, and everything else (unauthorized flips, reworded or
 * removed items, a touched hidden state, any other text) is reverted by re-rendering from the signed
 * state, with a visible note. Common case: GET pull, GET permission, GET comment, PATCH comment,
 * PATCH check run.
 */
export async function onChecklistEdited(
  env: GateEnv,
  client: GitHubClient,
  payload: CommentEditedPayload,
  log: Log,
): Promise<void> {
  if (!payload.issue.pull_request) return;
  const fromBody = payload.changes?.body?.from;
  if (typeof fromBody !== "string") return;
  const { botLogin } = await env.identity();
  const comment = payload.comment;
  // Only this App's checklist is the gate; a lookalike posted by anyone else is just a comment.
  if (!isOwnComment(comment, botLogin) || !looksLikeChecklist(fromBody)) return;
  if (payload.sender.login === botLogin) return; // our own re-render
  if (fromBody === comment.body) return;

  const repo = repoOf(payload);
  const number = payload.issue.number;
  const expect = { repo: payload.repository.id, pr: number };
  let pull: GatePull | null = null;
  let knownRun: number | undefined;
  try {
    pull = (await fetchPull(client, { ...repo, pull_number: number })) as GatePull;
    const current = await getComment(client, repo, comment.id);
    if (!current) return; // deleted meanwhile: the deletion handler recreates it
    const currentBody = current.body ?? "";

    const fromParsed = parseBody(fromBody);
    const newParsed = parseBody(comment.body);
    const decode = (p: ParsedBody) => {
      const line = soleStateLine(p);
      const d = line ? decodeStateLine(line, env.key, expect) : null;
      return d?.ok ? d.state : null;
    };
    const base = pickState([decode(fromParsed), decode(parseBody(currentBody))]);
    const at = env.now().toISOString();
    const sender = payload.sender;
    if (base?.head === pull.head.sha) knownRun = base.checkRunId;

    if (!base) {
      await evaluate(env, {
        client,
        repo,
        repoId: payload.repository.id,
        pull,
        dropTicks: true,
        notes: ["The checklist's hidden state failed verification: every tick was reset and the edit was refused."],
        audit: [
          { at, sha: pull.head.sha, kind: "restored", by: sender.login, note: "hidden state failed verification" },
        ],
      });
      return;
    }
    if (pull.state !== "open" || base.head !== pull.head.sha) {
      await evaluate(env, {
        client,
        repo,
        repoId: payload.repository.id,
        pull,
        notes: [
          pull.state !== "open"
            ? `@${sender.login}'s edit was refused: the PR is closed.`
            : `@${sender.login}'s edit was refused: the PR has new commits since this checklist was rendered. Review the new head and tick again.`,
        ],
      });
      return;
    }

    // What this edit changed, item by item.
    const notes: string[] = [];
    const events: AuditEvent[] = [];
    const refuse = (item: GateItem | null, reason: string) => {
      notes.push(`@${sender.login}: ${item ? `${quote(item)}: ` : ""}${reason}`);
      events.push({
        at,
        sha: base.head,
        kind: "refused",
        by: sender.login,
        ...(item ? { item: item.id } : {}),
        note: reason,
      });
    };
    const ticked = new Map(base.ticks.map((t) => [t.item, t]));
    const attempts: Attempt[] = [];
    const all = [...base.items, ...signoffItems(base)];
    let altered = false;
    for (const item of all) {
      const f = fromParsed.items.get(item.id);
      const n = newParsed.items.get(item.id);
      if (n?.count !== 1) {
        refuse(item, "removing, duplicating or altering a checklist item is not allowed; restored");
        altered = true;
        continue;
      }
      if (f && f.count === 1 && n.rest !== f.rest) {
        refuse(item, "item text cannot be edited; restored");
        altered = true;
        continue;
      }
      const was = f && f.count === 1 ? f.checked : ticked.has(item.id);
      if (n.checked !== was) attempts.push({ item, tick: n.checked });
    }
    const tampered = soleStateLine(newParsed) !== soleStateLine(fromParsed) || newParsed.stateLines.length !== 1;
    if (tampered) {
      refuse(null, "the hidden state of the checklist was modified; the whole edit was refused and the state restored");
      attempts.length = 0;
    }

    const ticks: Tick[] = [...base.ticks];
    let changed = false;
    if (attempts.length > 0) {
      const deps = authorizeDeps(client, repo);
      const person: Verdict = await authorizePerson(sender, pull.user?.login ?? null, base.disqualified, deps);
      for (const a of attempts) {
        const verb = a.tick ? "tick" : "untick";
        if (!person.ok) {
          refuse(a.item, `${verb} refused: ${person.reason}`);
          continue;
        }
        const route = await authorizeItem(sender, a.item, deps);
        if (!route.ok) {
          refuse(a.item, `${verb} refused: ${route.reason}`);
          continue;
        }
        const existing = ticks.findIndex((t) => t.item === a.item.id);
        if (a.tick) {
          if (existing !== -1) continue; // already ticked (a concurrent edit got there first)
          if (
            a.item.id.startsWith("signoff:") &&
            ticks.some((t) => t.item.startsWith("signoff:") && t.login === sender.login)
          ) {
            refuse(a.item, "each sign-off needs a different approver; you already signed off");
            continue;
          }
          ticks.push({ item: a.item.id, login: sender.login, userId: sender.id, at, sha: base.head });
          events.push({ at, sha: base.head, kind: "tick", by: sender.login, item: a.item.id });
        } else {
          if (existing === -1) continue;
          ticks.splice(existing, 1);
          events.push({ at, sha: base.head, kind: "untick", by: sender.login, item: a.item.id });
        }
        changed = true;
      }
    }
    if (!altered && !tampered && notes.length === 0 && attempts.length === 0)
      notes.push(`@${sender.login}: only the checkboxes of this comment can be changed; other edits are not kept.`);

    const next: GateState = { ...base, seq: base.seq + 1, ticks, notes };
    appendAudit(next, events);
    const body = renderComment(next, env.key);
    if (body !== currentBody) await updateComment(client, repo, comment.id, body);
    if (changed) {
      const id = await upsertCheck(
        client,
        repo,
        base.head,
        base.checkRunId,
        checkRequest(gateCheck(next, current.html_url ?? null), current.html_url ?? pull.html_url ?? null),
      );
      if (id !== base.checkRunId) {
        // The run was gone and got recreated: record its id so later ticks update it.
        next.checkRunId = id;
        await updateComment(client, repo, comment.id, renderComment(next, env.key));
      }
    }
  } catch (e) {
    if (!pull) throw e; // nothing known about the PR: let the delivery fail (and be redelivered)
    await failClosed(
      client,
      repo,
      pull.head.sha,
      e,
      `handling a checklist edit on PR #${number}`,
      pull.html_url ?? null,
      log,
      env,
      knownRun,
    );
  }
}
