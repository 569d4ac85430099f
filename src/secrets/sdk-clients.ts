import type { Detection } from "./detect.js";
import { looksLikeIdentifier } from "./generic.js";
import { isKnownNonSecretFormat, isPlaceholderValue, isReference, looksRandom } from "./placeholder.js";

/**
 * Credentials passed positionally to well-known SDK constructors and login calls, where no key name
 * says "token": `Stripe("…")`, `Client(sid, "…")`, `TeleBot("…")`, `client.login("…")`. A catalogue of
 * rows, each with the argument positions that hold a credential and sample lines checked by a test.
 * Prefixed tokens are left to the provider formats; a row only adds literals that look random.
 */
export interface SdkClientRow {
  /** Callee names (the last identifier before `(`, or before `.new(` in Ruby). */
  callees: readonly string[];
  /** Zero-based positions of the arguments that are credentials. */
  args: readonly number[];
  /** Who issued the credential, for the message. */
  sdk: string;
  samples: { match: readonly string[]; noMatch: readonly string[] };
}

/** Sample values are built from pieces so that no scanner reports this file. */
const R = ["Xq7Lp2Vd9Rk4", "Tz8Mw3Nc6Hb1", "Fj5Gs0Ya2Ue7"].join("");

export const SDK_CLIENTS: readonly SdkClientRow[] = [
  {
    callees: ["Client"],
    args: [0, 1],
    sdk: "an SDK client (Twilio, Discord, Mailjet...)",
    samples: {
      match: [`const client = new Client("${R}");`, `client = Client("AC${"0a1b2c3d".repeat(4)}", "${R}")`],
      noMatch: ['new Client("https://api.acme.io")', 'new Client("inventory-service")', "new Client(config.token)"],
    },
  },
  {
    callees: ["Stripe", "StripeClient"],
    args: [0],
    sdk: "Stripe",
    samples: { match: [`stripe = Stripe("${R}")`], noMatch: ['stripe = Stripe(os.environ["STRIPE_KEY"])'] },
  },
  {
    callees: ["Twilio", "twilio"],
    args: [1],
    sdk: "Twilio",
    samples: {
      match: [`const c = twilio(accountSid, "${R}");`],
      noMatch: ["const c = twilio(accountSid, authToken);"],
    },
  },
  {
    callees: ["TeleBot", "Bot", "Updater", "AsyncTeleBot"],
    args: [0],
    sdk: "Telegram",
    samples: { match: [`bot = TeleBot("${R}")`], noMatch: ["bot = TeleBot(TOKEN)"] },
  },
  {
    callees: ["login"],
    args: [0],
    sdk: "a bot login (Discord...)",
    samples: {
      match: [`client.login("${R}");`],
      noMatch: ["client.login(process.env.DISCORD_TOKEN);", 'login("admin")'],
    },
  },
  {
    callees: ["Github", "GitHub", "Gitlab", "Dropbox", "WebClient", "SendGridAPIClient", "SendGridClient"],
    args: [0],
    sdk: "a hosted service SDK (GitHub, Dropbox, Slack, SendGrid...)",
    samples: { match: [`gh = Github("${R}")`], noMatch: ['gh = Github(os.getenv("GH_TOKEN"))'] },
  },
  {
    callees: ["algoliasearch", "SearchClient"],
    args: [1],
    sdk: "Algolia",
    samples: {
      match: [`const c = algoliasearch("APPID42", "${R}");`],
      noMatch: ['algoliasearch("APPID42", searchKey)'],
    },
  },
];

const BY_CALLEE = new Map<string, SdkClientRow>();
for (const row of SDK_CLIENTS) for (const c of row.callees) BY_CALLEE.set(c, row);

const CALL = /([A-Za-z_$][\w$]*)(?:\.new)?\s*\(/g;
/** Twilio account SIDs name the account; only the token next to them is secret. */
const ACCOUNT_ID = /^AC[0-9a-f]{32}$/;

interface Argument {
  value: string | null;
  start: number;
}

/** The arguments of the call whose `(` is at `open`: string literals with their offsets, others as null. */
/** Catalogued calls read on one line (minified bundles repeat them; a real credential sits in the first). */
const MAX_CALLS_PER_LINE = 16;
/** How far past `(` the arguments are read: credentials sit in the first few, and the scan stays linear. */
const MAX_ARGUMENTS_SPAN = 400;

function argumentsAt(text: string, open: number): Argument[] {
  const line = text.slice(0, open + 1 + MAX_ARGUMENTS_SPAN);
  const args: Argument[] = [];
  let i = open + 1;
  while (i < line.length && args.length < 6) {
    while (line[i] === " " || line[i] === "\t") i++;
    const q = line[i];
    if (q === '"' || q === "'" || q === "`") {
      const end = line.indexOf(q, i + 1);
      if (end < 0 || end - i > 1000) return args;
      args.push({ value: line.slice(i + 1, end), start: i + 1 });
      i = end + 1;
    } else {
      let depth = 0;
      const from = i;
      while (i < line.length && (depth > 0 || (line[i] !== "," && line[i] !== ")"))) {
        if (line[i] === "(" || line[i] === "[" || line[i] === "{") depth++;
        else if (line[i] === ")" || line[i] === "]" || line[i] === "}") depth--;
        i++;
      }
      args.push({ value: null, start: from });
    }
    while (line[i] === " " || line[i] === "\t") i++;
    if (line[i] !== ",") return args;
    i++;
  }
  return args;
}

function isCredentialLiteral(value: string): boolean {
  const v = value.trim();
  if (v.length < 16 || ACCOUNT_ID.test(v)) return false;
  // URLs, paths, sentences and e-mail addresses (a user name for `login()`) are not tokens.
  if (/^https?:|[/\\\s@]/.test(v) || looksLikeIdentifier(v)) return false;
  if (isReference(v) || isPlaceholderValue(v) || isKnownNonSecretFormat(v)) return false;
  return looksRandom(v, true);
}

const CALLEES = [...BY_CALLEE.keys()].join("|");
/**
 * Where CALL below can find a catalogued callee: its name (after a word boundary, or after a digit as in
 * `9Client(`, which CALL reads as `Client`) and the call's `(`. A literal alternation is several times
 * cheaper than CALL, which tries every identifier of the line.
 */
const SDK_CALL = new RegExp(`(?:\\b|\\d)(?:${CALLEES})(?:\\.new)?\\s*\\(`);

export function detectSdkClientCredentials(line: string, out: Detection[]): void {
  if (!SDK_CALL.test(line)) return;
  CALL.lastIndex = 0;
  let calls = 0;
  for (let m = CALL.exec(line); m !== null && calls < MAX_CALLS_PER_LINE; m = CALL.exec(line)) {
    const row = BY_CALLEE.get(m[1]!);
    if (!row) continue;
    calls++;
    const args = argumentsAt(line, m.index + m[0].length - 1);
    for (const position of row.args) {
      const arg = args[position];
      if (!arg?.value || !isCredentialLiteral(arg.value)) continue;
      out.push({
        group: "generic-secret",
        kind: "sdk-client-credential",
        label: "secret value",
        value: arg.value,
        start: arg.start,
        end: arg.start + arg.value.length,
        severity: "high",
        detail: `passed to ${m[1]}() (${row.sdk})`,
      });
    }
  }
}

const SDK_CALL_HINT = new RegExp(`\\b(?:${CALLEES})(?:\\.new)?\\s*\\(`);

/** Cheap gate for lines with no secret keyword: does the line call one of the catalogued SDKs? */
export function callsSdkClient(line: string): boolean {
  return SDK_CALL_HINT.test(line);
}
