import { pieces, secretGroupRule } from "../secret-group.js";

export const providerTokenRule = secretGroupRule({
  id: "secrets/provider-token",
  category: "secrets",
  description:
    "A provider credential in its exact format (AWS, GitHub, GitLab, Slack, Stripe, Google, Azure, OpenAI, Anthropic, Hugging Face, npm, PyPI, Twilio, SendGrid, Mailgun, Shopify...) is added to the code.",
  severity: "critical",
  remediation:
    "Revoke and rotate the credential at its provider, remove it from the git history, and load it from a secret manager at runtime.",
  docs: {
    severity: "critical (some high, see table)",
    detects: "Provider credentials by exact format (below)",
  },
  group: "provider-token",
  says: "Hardcoded",
  samples: {
    path: "src/hub.py",
    match: [pieces('HF_TOKEN = "hf_', 'qsRRZlPoQjoPUlieInVsbBiRMarjfYZZqC"')],
    noMatch: ['HF_TOKEN = os.environ["HF_TOKEN"]', 'HF_TOKEN = "hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"'],
  },
});
