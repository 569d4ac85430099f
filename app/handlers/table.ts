import type { Probot } from "probot";
import { z } from "zod";
import type { KeyedLocks } from "../delivery.js";
import type { GateContext } from "../load.js";
import type { Outcome } from "../publish.js";

/**
 * The App's handlers as a table: each row names its webhook events, the payload fields it reads (a
 * zod schema: a delivery without them is refused before any request, naming the field), the lock keys
 * it needs, and the flow it runs.
 */

export type EventName = Extract<Parameters<Probot["on"]>[0], string>;

export interface HandlerEnv {
  locks: KeyedLocks;
}

export interface Handler {
  events: readonly EventName[];
  /** Parse the payload; a problem names the field. */
  parse(payload: unknown): { ok: true; run: Runner } | { ok: false; problem: string };
}

export interface Runner {
  repo: z.infer<typeof repository>;
  /** Lock keys known from the payload (more may be asked for while running). */
  keys(repoId: number): string[];
  run(ctx: GateContext, env: HandlerEnv): Promise<Outcome>;
}

export const actor = z.object({ id: z.number(), login: z.string(), type: z.string() });
export const repository = z.object({ id: z.number(), name: z.string(), owner: z.object({ login: z.string() }) });

/** A row of the table: its schema's output type flows into `keys` and `run`, no casts. */
export function defineHandler<S extends z.ZodType<{ repository: z.infer<typeof repository> }>>(def: {
  events: readonly EventName[];
  schema: S;
  keys(payload: z.output<S>, repoId: number): string[];
  run(ctx: GateContext, payload: z.output<S>, env: HandlerEnv): Promise<Outcome>;
}): Handler {
  return {
    events: def.events,
    parse(payload) {
      const parsed = def.schema.safeParse(payload);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return { ok: false, problem: `${issue?.path.join(".") || "(payload)"}: ${issue?.message ?? "invalid"}` };
      }
      const data = parsed.data;
      return {
        ok: true,
        run: {
          repo: data.repository,
          keys: (repoId) => def.keys(data, repoId),
          run: (ctx, env) => def.run(ctx, data, env),
        },
      };
    },
  };
}
