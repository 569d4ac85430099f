import { findingsFor } from "../../secrets/findings.js";
import type { Rule } from "../types.js";

export const providerTokenRule: Rule = {
  id: "secrets/provider-token",
  category: "secrets",
  description:
    "A provider credential in its exact format (AWS, GitHub, GitLab, Slack, Stripe, Google, Azure, OpenAI, Anthropic, Hugging Face, npm, PyPI, Twilio, SendGrid, Mailgun, Shopify...) is added to the code.",
  severity: "critical",
  remediation:
    "Revoke and rotate the credential at its provider, remove it from the git history, and load it from a secret manager at runtime.",
  run: (ctx) => findingsFor(ctx, ["provider-token"]),
};
