import { readFileSync } from "node:fs";
import type { ApplicationFunction, Context, Probot } from "probot";
import { DEFAULT_CONFIG_PATH } from "../src/config/load.js";
import type { GitHubClient } from "../src/github/index.js";
import type { GateEnv } from "./gate/evaluate.js";
import { payloadProblem } from "./gate/payload-shape.js";
import { retrySecondaryRateLimits, type SecondaryRetryOptions } from "./gate/rate-limit.js";
import { PerKeyQueue, pullKeyOf } from "./gate/serialize.js";
import { deriveStateKey } from "./gate/state.js";
import { type CheckRerequestedPayload, onCheckRerequested } from "./handlers/check-rerequested.js";
import { type CommentEditedPayload, onChecklistEdited } from "./handlers/checklist-edited.js";
import { type CommentDeletedPayload, onCommentDeleted } from "./handlers/comment-deleted.js";
import { type MergeGroupPayload, onMergeGroup } from "./handlers/merge-group.js";
import { onPullRequest, PULL_REQUEST_EVENTS, type PullRequestPayload } from "./handlers/pull-request.js";
import { onPullRequestClosed, type PullRequestClosedPayload } from "./handlers/pull-request-closed.js";

export interface GateAppOptions {
  /** Secret the hidden state is signed with (default: GATE_STATE_SECRET, else the private key, else WEBHOOK_SECRET). */
  stateSecret?: string;
  /** Skip `GET /app` when both are known (APP_ID and APP_SLUG). */
  appId?: number;
  appSlug?: string;
  configPath?: string;
  now?: () => Date;
  /** Waiting out secondary rate limits (tests shorten the waits). */
  rateLimit?: SecondaryRetryOptions;
}

function secretFromEnv(env: NodeJS.ProcessEnv): string {
  if (env.GATE_STATE_SECRET) return env.GATE_STATE_SECRET;
  if (env.PRIVATE_KEY) return env.PRIVATE_KEY;
  if (env.PRIVATE_KEY_PATH) return readFileSync(env.PRIVATE_KEY_PATH, "utf8");
  if (env.WEBHOOK_SECRET) return env.WEBHOOK_SECRET;
  return "";
}

/**
 * The AI Review Gate App. `createApp(options)` for tests and custom servers; the default export reads
 * the environment (`probot run ./dist/app.js`).
 */
export function createApp(options: GateAppOptions = {}): ApplicationFunction {
  return (app: Probot) => {
    const key = deriveStateKey(options.stateSecret ?? secretFromEnv(process.env));
    let identity: Promise<{ appId: number; botLogin: string }> | null = null;
    const env: GateEnv = {
      key,
      configPath: options.configPath ?? process.env.GATE_CONFIG_PATH ?? DEFAULT_CONFIG_PATH,
      now: options.now ?? (() => new Date()),
      identity() {
        const fixedId = options.appId ?? (process.env.APP_ID ? Number(process.env.APP_ID) : undefined);
        const fixedSlug = options.appSlug ?? process.env.APP_SLUG;
        if (fixedId && fixedSlug) return Promise.resolve({ appId: fixedId, botLogin: `${fixedSlug}[bot]` });
        identity ??= (async () => {
          const octokit = await app.auth();
          const { data } = await octokit.request("GET /app");
          const d = data as { id: number; slug?: string };
          return { appId: d.id, botLogin: `${d.slug}[bot]` };
        })().catch((e) => {
          identity = null; // retry on the next delivery
          throw e;
        });
        return identity;
      },
    };
    const client = (context: Context): GitHubClient =>
      retrySecondaryRateLimits(context.octokit, {
        warn: (m) => context.log.warn(`ai-review-gate: ${m}`),
        ...options.rateLimit,
      }) as unknown as GitHubClient;
    const queue = new PerKeyQueue();
    /** Refuse malformed payloads with the field named, then run the handler in its PR's queue. */
    const handle = (context: Context, handler: () => Promise<void>): Promise<void> => {
      const problem = payloadProblem(context.name, context.payload);
      if (problem) {
        context.log.warn(`ai-review-gate: ignoring a malformed ${context.name} delivery (${problem})`);
        return Promise.resolve();
      }
      return queue.run(pullKeyOf(context.payload), handler);
    };

    app.on([...PULL_REQUEST_EVENTS], (context) =>
      handle(context, () =>
        onPullRequest(env, client(context), context.payload as unknown as PullRequestPayload, context.log),
      ),
    );
    app.on("pull_request.closed", (context) =>
      handle(context, () =>
        onPullRequestClosed(env, client(context), context.payload as unknown as PullRequestClosedPayload, context.log),
      ),
    );
    app.on("issue_comment.edited", (context) =>
      handle(context, () =>
        onChecklistEdited(env, client(context), context.payload as unknown as CommentEditedPayload, context.log),
      ),
    );
    app.on("issue_comment.deleted", (context) =>
      handle(context, () =>
        onCommentDeleted(env, client(context), context.payload as unknown as CommentDeletedPayload, context.log),
      ),
    );
    app.on("check_run.rerequested", (context) =>
      handle(context, () =>
        onCheckRerequested(env, client(context), context.payload as unknown as CheckRerequestedPayload, context.log),
      ),
    );
    app.on("merge_group.checks_requested", (context) =>
      handle(context, () =>
        onMergeGroup(env, client(context), context.payload as unknown as MergeGroupPayload, context.log),
      ),
    );
  };
}

const gateApp: ApplicationFunction = createApp();
export default gateApp;
