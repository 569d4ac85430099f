import type { Severity } from "../types.js";
import { hasValidCrc32Suffix } from "./checksum.js";

/**
 * Catalogue of provider token formats: exact prefix, charset and length, plus a checksum where the
 * format has one. Every regex is anchored on a literal prefix and uses bounded repetitions, and is
 * only run on lines where its `hint` was found.
 */
export interface ProviderFormat {
  /** Stable kind id (close to the corpus kinds: github-token, aws-access-key, ...). */
  kind: string;
  /** Human label; may depend on the token's prefix. */
  label: string | ((token: string) => string);
  /** Where to revoke it, for the remediation hint. */
  service: string;
  /**
   * A case-sensitive regex fragment that every match of `re` contains (its literal prefix, tightened where
   * the prefix alone is common, like `-` or `SK`). The hints of all formats are found in one pass over a
   * line (detect.ts).
   */
  hint: string;
  /** Global regex; group 1 is the token. */
  re: RegExp;
  severity: Severity;
  /** False when the checksum embedded in the token does not verify (a fake or mistyped token). */
  checksum?: (token: string) => boolean;
  /** The random part, for the placeholder/entropy check (default: the whole token). */
  randomPart?: (token: string) => string;
}

const B = "(?<![A-Za-z0-9_])"; // left boundary
const E = "(?![A-Za-z0-9_])"; // right boundary
const E_DASH = "(?![A-Za-z0-9_-])";

function rx(body: string): RegExp {
  return new RegExp(body, "g");
}

const GITHUB_LABELS: Record<string, string> = {
  ghp: "GitHub personal access token",
  gho: "GitHub OAuth access token",
  ghu: "GitHub App user-to-server token",
  ghs: "GitHub App installation token",
  ghr: "GitHub refresh token",
};

const GITLAB_LABELS: Record<string, string> = {
  glpat: "GitLab personal access token",
  gldt: "GitLab deploy token",
  glptt: "GitLab pipeline trigger token",
  glrt: "GitLab runner token",
  gloas: "GitLab OAuth application secret",
  glcbt: "GitLab CI/CD job token",
  glft: "GitLab feed token",
  glimt: "GitLab incoming mail token",
  glagent: "GitLab agent token",
  glsoat: "GitLab service account token",
  glffct: "GitLab feature flags client token",
};

const afterUnderscore = (t: string) => t.slice(t.indexOf("_") + 1);
const afterDash = (t: string) => t.slice(t.indexOf("-") + 1);

export const PROVIDER_FORMATS: readonly ProviderFormat[] = [
  {
    kind: "aws-access-key",
    label: (t) => (t.startsWith("ASIA") ? "AWS temporary (STS) access key id" : "AWS access key id"),
    service: "AWS IAM",
    hint: "A(?:KIA|SIA|BIA|CCA|3T)",
    re: rx(`(?<![A-Za-z0-9])((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16})(?![A-Za-z0-9])`),
    severity: "high", // the secret key is what signs; raised to critical when paired with one
    randomPart: (t) => t.slice(4),
  },
  {
    kind: "github-token",
    label: (t) => GITHUB_LABELS[t.slice(0, 3)] ?? "GitHub token",
    service: "GitHub (Settings > Developer settings, or the App's installation)",
    hint: "gh[pousr]_",
    re: rx(`${B}(gh[pousr]_[A-Za-z0-9]{36})${E}`),
    severity: "critical",
    checksum: hasValidCrc32Suffix,
    randomPart: afterUnderscore,
  },
  {
    kind: "github-token",
    label: "GitHub fine-grained personal access token",
    service: "GitHub (Settings > Developer settings)",
    hint: "github_pat_",
    re: rx(`${B}(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})${E}`),
    severity: "critical",
    randomPart: (t) => t.slice(11),
  },
  {
    kind: "gitlab-token",
    label: (t) => GITLAB_LABELS[t.slice(0, t.indexOf("-"))] ?? "GitLab token",
    service: "GitLab",
    hint: "gl(?:pat|dt|ptt|rt|oas|cbt|ft|imt|agent|soat|ffct)-",
    re: rx(
      `${B}((?:glpat|gldt|glptt|glrt|gloas|glcbt|glft|glimt|glagent|glsoat|glffct)-[A-Za-z0-9_-]{20,64}(?:\\.[0-9a-z]{2}\\.?[0-9a-z]{2,12})?)${E_DASH}`,
    ),
    severity: "critical",
    randomPart: afterDash,
  },
  {
    kind: "gitlab-token",
    label: "GitLab runner registration token",
    service: "GitLab",
    hint: "GR1348941",
    re: rx(`${B}(GR1348941[A-Za-z0-9_-]{20,40})${E_DASH}`),
    severity: "critical",
    randomPart: (t) => t.slice(9),
  },
  {
    kind: "slack-token",
    label: (t) =>
      t.startsWith("xoxb") ? "Slack bot token" : t.startsWith("xoxp") ? "Slack user token" : "Slack token",
    service: "Slack (api.slack.com/apps)",
    hint: "xox[abposre]-",
    re: rx(`${B}((?:xoxe\\.)?xox[abposre]-\\d{1,14}-(?:\\d{6,14}-){0,3}[A-Za-z0-9]{16,64})${E_DASH}`),
    severity: "critical",
    randomPart: (t) => t.slice(t.lastIndexOf("-") + 1),
  },
  {
    kind: "slack-token",
    label: "Slack app-level token",
    service: "Slack (api.slack.com/apps)",
    hint: "xapp-",
    re: rx(`${B}(xapp-\\d-[A-Z0-9]{8,16}-\\d{8,16}-[a-f0-9]{32,80})${E_DASH}`),
    severity: "critical",
    randomPart: (t) => t.slice(t.lastIndexOf("-") + 1),
  },
  {
    kind: "slack-webhook",
    label: "Slack incoming webhook URL",
    service: "Slack (api.slack.com/apps, Incoming Webhooks)",
    hint: "hooks\\.slack\\.com/",
    re: rx(
      `(hooks\\.slack\\.com/(?:services|workflows|triggers)/T[A-Z0-9]{6,12}/[A-Za-z0-9]{6,14}/[A-Za-z0-9]{16,40})${E}`,
    ),
    severity: "high",
    randomPart: (t) => t.slice(t.lastIndexOf("/") + 1),
  },
  {
    kind: "stripe-key",
    label: (t) => (t.startsWith("rk_") ? "Stripe restricted live key" : "Stripe live secret key"),
    service: "Stripe (Dashboard > Developers > API keys)",
    hint: "[sr]k_live_",
    re: rx(`${B}((?:sk|rk)_live_[A-Za-z0-9]{24,247})${E}`),
    severity: "critical",
    randomPart: (t) => t.slice(8),
  },
  {
    kind: "stripe-key",
    label: (t) => (t.startsWith("rk_") ? "Stripe restricted test-mode key" : "Stripe test-mode secret key"),
    service: "Stripe (Dashboard > Developers > API keys, test mode)",
    hint: "[sr]k_test_",
    re: rx(`${B}((?:sk|rk)_test_[A-Za-z0-9]{24,247})${E}`),
    // Test mode moves no money but reads and writes the account's test data and settings.
    severity: "medium",
    randomPart: (t) => t.slice(8),
  },
  {
    kind: "stripe-key",
    label: "Stripe webhook signing secret",
    service: "Stripe (Dashboard > Developers > Webhooks)",
    hint: "whsec_",
    re: rx(`${B}(whsec_[A-Za-z0-9+/]{32,64})${E}`),
    severity: "high",
    randomPart: afterUnderscore,
  },
  {
    kind: "google-api-key",
    label: "Google API key",
    service: "Google Cloud (APIs & Services > Credentials)",
    hint: "AIza",
    re: rx(`${B}(AIza[0-9A-Za-z_-]{35})${E_DASH}`),
    severity: "high", // often browser keys restricted by referrer; still reviewed
    randomPart: (t) => t.slice(4),
  },
  {
    kind: "azure-storage-key",
    label: "Azure storage account key",
    service: "Azure (Storage account > Access keys)",
    hint: "AccountKey=",
    re: rx(`AccountKey=([A-Za-z0-9+/]{86}==)`),
    severity: "critical",
  },
  {
    kind: "azure-storage-key",
    label: "Azure shared access key",
    service: "Azure (Shared access policies)",
    hint: "SharedAccessKey=",
    re: rx(`SharedAccessKey=([A-Za-z0-9+/]{42,44}=)`),
    severity: "critical",
  },
  {
    kind: "azure-client-secret",
    label: "Microsoft Entra ID client secret",
    service: "Microsoft Entra ID (App registrations > Certificates & secrets)",
    hint: "\\dQ~",
    // `.` is part of the charset, so the end may be a sentence's period or a file extension (`….json`).
    re: rx(
      `(?<![A-Za-z0-9_~.])([A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.-]{31,34})(?=$|[^A-Za-z0-9_~.-]|\\.(?:[a-z]{1,5})?(?:$|[^A-Za-z0-9_~.-]))`,
    ),
    severity: "critical",
    randomPart: (t) => t.slice(6),
  },
  {
    kind: "anthropic-key",
    label: (t) => (t.startsWith("sk-ant-admin") ? "Anthropic admin key" : "Anthropic API key"),
    service: "Anthropic (console.anthropic.com > API keys)",
    hint: "sk-ant-",
    re: rx(`${B}(sk-ant-(?:api|admin|oat)\\d{2}-[A-Za-z0-9_-]{80,120})${E_DASH}`),
    severity: "critical",
    randomPart: (t) => t.slice(14),
  },
  {
    kind: "openai-key",
    label: "OpenAI API key",
    service: "OpenAI (platform.openai.com > API keys)",
    hint: "T3BlbkFJ",
    re: rx(`${B}(sk-(?:(?:proj|svcacct|admin|None)-)?[A-Za-z0-9_-]{16,200}?T3BlbkFJ[A-Za-z0-9_-]{16,200})${E_DASH}`),
    severity: "critical",
    randomPart: (t) => t.slice(t.indexOf("T3BlbkFJ") + 8),
  },
  {
    kind: "openai-key",
    label: "OpenAI project or service-account key",
    service: "OpenAI (platform.openai.com > API keys)",
    hint: "sk-(?:proj|svcacct|admin)-",
    re: rx(`${B}(sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{80,250})${E_DASH}`),
    severity: "high", // without the T3BlbkFJ marker the format is less certain
    randomPart: (t) => t.slice(t.indexOf("-", 3) + 1),
  },
  {
    kind: "huggingface-token",
    label: (t) => (t.startsWith("api_org_") ? "Hugging Face organization token" : "Hugging Face access token"),
    service: "Hugging Face (Settings > Access Tokens)",
    hint: "(?:hf|api_org)_",
    re: rx(`${B}((?:hf|api_org)_[A-Za-z0-9]{34})${E}`),
    severity: "critical",
    randomPart: (t) => t.slice(t.lastIndexOf("_") + 1),
  },
  {
    kind: "npm-token",
    label: "npm access token",
    service: "npm (npmjs.com > Access Tokens)",
    hint: "npm_",
    re: rx(`${B}(npm_[A-Za-z0-9]{36})${E}`),
    severity: "critical",
    checksum: hasValidCrc32Suffix,
    randomPart: afterUnderscore,
  },
  {
    kind: "pypi-token",
    label: "PyPI API token",
    service: "PyPI (Account settings > API tokens)",
    hint: "pypi-AgE",
    // The macaroon's first bytes encode the location: pypi.org or test.pypi.org.
    re: rx(`${B}(pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,400})${E_DASH}`),
    severity: "critical",
    randomPart: (t) => t.slice(24),
  },
  {
    kind: "twilio-key",
    label: "Twilio API key SID",
    service: "Twilio (Console > API keys)",
    hint: "SK[0-9a-f]",
    re: rx(`(?<![A-Za-z0-9])(SK[0-9a-f]{32})(?![A-Za-z0-9])`),
    severity: "high", // the SID names the key; raised when its secret sits on the same line
    randomPart: (t) => t.slice(2),
  },
  {
    kind: "sendgrid-key",
    label: "SendGrid API key",
    service: "SendGrid (Settings > API Keys)",
    hint: "SG\\.",
    re: rx(`${B}(SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43})${E_DASH}`),
    severity: "critical",
    randomPart: (t) => t.slice(3),
  },
  {
    kind: "mailgun-key",
    label: "Mailgun API key",
    service: "Mailgun (API Security)",
    hint: "key-[0-9a-f]",
    re: rx(`${B}(key-[0-9a-f]{32})${E}`),
    severity: "critical",
    randomPart: afterDash,
  },
  {
    kind: "mailgun-key",
    label: "Mailgun API key",
    service: "Mailgun (API Security)",
    // Found from its dash: trying 32 hex digits at every position of a line costs more than all other hints.
    hint: "-(?<=[0-9a-f]{32}-)",
    re: rx(`(?<![A-Za-z0-9_-])([0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})(?![A-Za-z0-9_-])`),
    severity: "critical",
  },
  {
    kind: "shopify-token",
    label: (t) =>
      t.startsWith("shpss_")
        ? "Shopify shared secret"
        : t.startsWith("shpca_")
          ? "Shopify custom app token"
          : t.startsWith("shppa_")
            ? "Shopify private app token"
            : "Shopify access token",
    service: "Shopify (Partner dashboard or the store's app settings)",
    hint: "shp(?:at|ss|ca|pa)_",
    re: rx(`${B}(shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32})${E}`),
    severity: "critical",
    randomPart: afterUnderscore,
  },
  {
    kind: "digitalocean-token",
    label: "DigitalOcean token",
    service: "DigitalOcean (API > Tokens)",
    hint: "do[opr]_v1_",
    re: rx(`${B}(do[opr]_v1_[a-f0-9]{64})${E}`),
    severity: "critical",
    randomPart: (t) => t.slice(7),
  },
  {
    kind: "postman-key",
    label: "Postman API key",
    service: "Postman (Settings > API keys)",
    hint: "PMAK-",
    re: rx(`${B}(PMAK-[a-f0-9]{24}-[a-f0-9]{34})${E}`),
    severity: "critical",
    randomPart: (t) => t.slice(5),
  },
  {
    kind: "linear-key",
    label: "Linear API key",
    service: "Linear (Settings > API)",
    hint: "lin_api_",
    re: rx(`${B}(lin_api_[A-Za-z0-9]{40})${E}`),
    severity: "critical",
    randomPart: (t) => t.slice(8),
  },
  {
    kind: "telegram-bot-token",
    label: "Telegram bot token",
    service: "Telegram (@BotFather > /revoke)",
    hint: "\\d:AA",
    // <bot id>:<35 characters>; the secret part starts with "AA" (Bot API tokens since 2015).
    re: rx(`(?<![A-Za-z0-9_:])(\\d{8,10}:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])`),
    severity: "critical",
    randomPart: (t) => t.slice(t.indexOf(":") + 3),
  },
  {
    kind: "doppler-token",
    label: "Doppler token",
    service: "Doppler",
    hint: "dp\\.(?:pt|st|sa|ct)\\.",
    re: rx(`${B}(dp\\.(?:pt|st|sa|ct)\\.[A-Za-z0-9]{40,44})${E}`),
    severity: "critical",
    randomPart: (t) => t.slice(6),
  },
];

export function providerLabel(format: ProviderFormat, token: string): string {
  return typeof format.label === "string" ? format.label : format.label(token);
}

/**
 * The literal that names a token's format (`ghp_`, `AKIA`, `sk_live_`, `xoxb-`): public by design, the
 * only characters of a provider token a masked form may show. Tokens without one show nothing.
 */
const PUBLIC_PREFIX =
  /^(?:AKIA|ASIA|ABIA|ACCA|A3T|gh[pousr]_|github_pat_|gl[a-z]{1,6}-|GR1348941|(?:xoxe\.)?xox[abposre]-|xapp-|hooks\.slack\.com\/(?:services|workflows|triggers)\/|[sr]k_live_|whsec_|AIza|sk-ant-(?:api|admin|oat)\d\d-|sk-(?:proj|svcacct|admin|None)-|sk-|hf_|api_org_|npm_|pypi-|SK|SG\.|key-|shp(?:at|ss|ca|pa)_|do[opr]_v1_|PMAK-|lin_api_|dp\.(?:pt|st|sa|ct)\.)/;

export function publicPrefix(token: string): string {
  return PUBLIC_PREFIX.exec(token)?.[0] ?? "";
}

/**
 * The part of a found value that must never show: without the prefix its detector named, else without a
 * provider's public prefix (a password `sk_live_…` given to `mysql -p`). The prefix is no secret: guarding
 * it would mask it in every finding about that provider and raise a false leak warning.
 */
export function secretPartOf(value: string, prefix?: string): string {
  return value.slice((prefix && value.startsWith(prefix) ? prefix : publicPrefix(value)).length);
}
