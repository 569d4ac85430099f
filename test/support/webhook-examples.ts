import { createRequire } from "node:module";

/**
 * Webhook payloads in the shapes GitHub documents (@octokit/webhooks-examples): the one loader the
 * Action, App, GitHub and end-to-end suites use. Each call returns a deep copy to patch freely.
 */

// biome-ignore lint/suspicious/noExplicitAny: example payloads are patched field by field
export type WebhookPayload = Record<string, any>;

const require = createRequire(import.meta.url);
const groups = require("@octokit/webhooks-examples/api.github.com/index.json") as Array<{
  name: string;
  examples: WebhookPayload[];
}>;

/**
 * The first example of event `name` (and `action`, when given); with `installation`, preferably one
 * sent to an App installation (what a GitHub App receives). Throws when the package has none.
 */
export function webhookExample(name: string, action?: string, opts: { installation?: boolean } = {}): WebhookPayload {
  const examples = groups.find((g) => g.name === name)?.examples ?? [];
  const matching = examples.filter((e) => action === undefined || e.action === action);
  const found = (opts.installation ? matching.find((e) => e.installation) : undefined) ?? matching[0];
  if (!found) throw new Error(`no ${name}${action ? `.${action}` : ""} example in @octokit/webhooks-examples`);
  return structuredClone(found);
}
