/**
 * Hostile inputs for the output-safety properties (issue 12): random secrets of every provider kind and
 * random passwords, built from a seed (fast-check shrinks the seed, not the characters, so values stay as
 * random as real ones), and the places a hostile PR can put them.
 */

import { emitAnnotations } from "../../action/annotations.js";
import { notesBlock, SUMMARY_LIMIT } from "../../action/summary.js";
import { validateConfig } from "../../src/config/load.js";
import type { ConfigInput } from "../../src/config/schema.js";
import { analyze } from "../../src/engine/analyze.js";
import { formatJson, formatMarkdown, formatSarif, formatText } from "../../src/format/index.js";
import type { PullRequestFacts, Report } from "../../src/types.js";
import { BEGIN, END, makeJwt } from "../secrets/fixtures.js";
import { addedFile, deletedFile } from "../support/diff.js";
import { prng } from "../support/prng.js";

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const UPPER_NUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const HEX = "0123456789abcdef";
const B64 = `${ALNUM}+/`;
const URLSAFE = `${ALNUM}_-`;
const DIGITS = "0123456789";
/** Password characters that stay part of the value in every carrier (no quotes, spaces, `;`, `,`, `@`, `/`). */
const PASSWORD_CHARS = `${ALNUM}!%+-._~*^`;

export type Random = () => number;

export function pick(rand: Random, chars: string, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += chars[Math.floor(rand() * chars.length)];
  return s;
}

export interface Secret {
  kind: string;
  /** The whole value as it is written. */
  value: string;
  /** The part that must never show (the value minus its public prefix). */
  secret: string;
  /** Values that need a key name to be recognizable are placed as `<key>=<value>`. */
  keyed?: string;
}

type Maker = (r: Random) => Secret;
const token =
  (kind: string, prefix: string, body: (r: Random) => string): Maker =>
  (r) => {
    const rest = body(r);
    return { kind, value: prefix + rest, secret: rest };
  };

/** One maker per provider kind the scanner knows, plus prefix-less keys and generic passwords. */
export const SECRET_KINDS: Record<string, Maker> = {
  "aws-access-key": token("aws-access-key", "AKIA", (r) => pick(r, UPPER_NUM, 16)),
  "aws-secret-key": (r) => {
    const v = pick(r, B64, 40);
    return { kind: "aws-secret-key", value: v, secret: v, keyed: "AWS_SECRET_ACCESS_KEY" };
  },
  "github-pat": token("github-pat", "ghp_", (r) => pick(r, ALNUM, 36)),
  "github-fine-grained": token(
    "github-fine-grained",
    "github_pat_",
    (r) => `${pick(r, ALNUM, 22)}_${pick(r, ALNUM, 59)}`,
  ),
  gitlab: token("gitlab", "glpat-", (r) => pick(r, ALNUM, 20)),
  slack: token("slack", "xoxb-", (r) => `${pick(r, DIGITS, 12)}-${pick(r, DIGITS, 13)}-${pick(r, ALNUM, 24)}`),
  "slack-webhook": token(
    "slack-webhook",
    "hooks.slack.com/services/",
    (r) => `T${pick(r, UPPER_NUM, 8)}/B${pick(r, UPPER_NUM, 8)}/${pick(r, ALNUM, 24)}`,
  ),
  stripe: token("stripe", "sk_live_", (r) => pick(r, ALNUM, 40)),
  google: token("google", "AIza", (r) => pick(r, URLSAFE, 35)),
  "azure-storage": (r) => {
    const v = `${pick(r, B64, 86)}==`;
    return { kind: "azure-storage", value: v, secret: v, keyed: "AccountKey" };
  },
  "azure-client-secret": (r) => {
    const v = `${pick(r, ALNUM, 3)}${pick(r, DIGITS, 1)}Q~${pick(r, `${ALNUM}_~.`, 34)}`;
    return { kind: "azure-client-secret", value: v, secret: v };
  },
  anthropic: token("anthropic", "sk-ant-api03-", (r) => pick(r, URLSAFE, 95)),
  openai: token("openai", "sk-proj-", (r) => `${pick(r, URLSAFE, 24)}T3BlbkFJ${pick(r, URLSAFE, 24)}`),
  huggingface: token("huggingface", "hf_", (r) => pick(r, ALNUM, 34)),
  npm: token("npm", "npm_", (r) => pick(r, ALNUM, 36)),
  pypi: token("pypi", "pypi-", (r) => `AgEIcHlwaS5vcmc${pick(r, URLSAFE, 70)}`),
  twilio: token("twilio", "SK", (r) => pick(r, HEX, 32)),
  sendgrid: token("sendgrid", "SG.", (r) => `${pick(r, URLSAFE, 22)}.${pick(r, URLSAFE, 43)}`),
  mailgun: token("mailgun", "key-", (r) => pick(r, HEX, 32)),
  shopify: token("shopify", "shpat_", (r) => pick(r, HEX, 32)),
  digitalocean: token("digitalocean", "dop_v1_", (r) => pick(r, HEX, 64)),
  postman: token("postman", "PMAK-", (r) => `${pick(r, HEX, 24)}-${pick(r, HEX, 34)}`),
  linear: token("linear", "lin_api_", (r) => pick(r, ALNUM, 40)),
  doppler: token("doppler", "dp.pt.", (r) => pick(r, ALNUM, 43)),
  jwt: (r) => {
    const v = makeJwt({ sub: pick(r, ALNUM, 12), exp: 4102444800 }, "HS256", pick(r, URLSAFE, 43));
    return { kind: "jwt", value: v, secret: v };
  },
  password: (r) => {
    const v = pick(r, PASSWORD_CHARS, 10 + Math.floor(r() * 15));
    return { kind: "password", value: v, secret: v };
  },
};

/** How a password is written where only its context says it is one. */
const PASSWORD_CARRIERS = [
  (p: string) => `mysql -uroot -p${p} -e "DROP DATABASE prod"`,
  (p: string) => `terraform destroy -auto-approve -var db_password=${p}`,
  (p: string) => `rm -rf /var/lib/data # pw=${p}`,
  (p: string) => `psql postgres://admin:${p}@db.internal:5432/prod -c "DROP TABLE users"`,
  (p: string) => `PGPASSWORD=${p} dropdb prod`,
  (p: string) => `curl -k -u admin:${p} https://ci.internal/reset`,
  (p: string) => `docker login -u ci -p ${p} registry.internal`,
  (p: string) => `vault write auth/userpass/users/ci --password ${p}`,
];

/** The secret written so the masker can know it: bare, under its key, or in a password carrier. */
export function written(s: Secret, variant: number): string {
  if (s.kind === "password") return PASSWORD_CARRIERS[variant % PASSWORD_CARRIERS.length]!(s.value);
  if (s.keyed === "AccountKey") return `DefaultEndpointsProtocol=https;AccountName=prod;AccountKey=${s.value}`;
  if (s.keyed) return `${s.keyed}=${s.value}`;
  return variant % 2 === 0 ? s.value : `--token=${s.value}`;
}

export const PLACES = [
  "destructive-command",
  "cloud-delete",
  "safety-bypass",
  "ci-workflow",
  "dependency",
  "migration",
  "infra-deletion",
  "custom-rule",
  "file-name",
  "branch",
  "title",
  "body",
  "commit-message",
  "commit-trailer",
  "rollback-plan",
  "config-value",
  "private-key",
] as const;
export type Place = (typeof PLACES)[number];

export interface Scenario {
  diff: string;
  pr: PullRequestFacts;
  config: ConfigInput;
}

const AGENT_PR: PullRequestFacts = {
  author_login: "octocat",
  head_ref: "feature",
  title: "Update",
  body: "",
  commits: [{ sha: "a1b2c3d4e5f6", message: "Update\n\nCo-authored-by: Claude <noreply@anthropic.com>" }],
};

/**
 * A PR that puts `text` (a written secret, or any hostile string) at `place`, with `pad` characters in
 * front of it so that every cut a message may make falls somewhere in it.
 */
export function scenario(place: Place, text: string, pad: number): Scenario {
  const filler = "x".repeat(pad);
  const pr: PullRequestFacts = { ...AGENT_PR, commits: [...(AGENT_PR.commits ?? [])] };
  const config: ConfigInput = {};
  const base = addedFile("README.md", ["hello"]);
  switch (place) {
    case "destructive-command":
      return { diff: addedFile("deploy/teardown.sh", [`kubectl delete namespace prod ${filler} ${text}`]), pr, config };
    case "cloud-delete":
      return {
        diff: addedFile("deploy/cleanup.sh", [`aws s3 rb s3://prod-data --force ${filler} ${text}`]),
        pr,
        config,
      };
    case "safety-bypass":
      return { diff: addedFile("scripts/push.sh", [`git commit --no-verify -m "${filler}" ${text}`]), pr, config };
    case "ci-workflow":
      return {
        diff: addedFile(".github/workflows/ci.yml", [
          "on: pull_request_target",
          "jobs:",
          "  build:",
          "    runs-on: ubuntu-latest",
          "    steps:",
          `      - run: echo "\${{ github.event.pull_request.title }}" ${filler} ${text}`,
        ]),
        pr,
        config,
      };
    case "dependency":
      return {
        diff: addedFile("package.json", [
          "{",
          '  "dependencies": {',
          `    "left-pad": "git+https://ci:${filler}@github.com/x/left-pad.git#${text}"`,
          "  }",
          "}",
        ]),
        pr,
        config,
      };
    case "migration":
      return {
        diff: addedFile("db/migrate/20260101_drop.sql", [`ALTER TABLE users DROP COLUMN email; -- ${filler} ${text}`]),
        pr,
        config,
      };
    case "infra-deletion":
      return {
        diff: deletedFile("infra/prod/db.tf", [
          'resource "aws_db_instance" "orders" {',
          `  # ${filler} ${text}`,
          '  engine = "postgres"',
          "}",
        ]),
        pr,
        config,
      };
    case "custom-rule":
      return {
        diff: addedFile("src/app.js", [`debugger; // ${filler} ${text}`]),
        pr,
        config: { custom_rules: [{ id: "dbg", pattern: "debugger", severity: "high", message: "debugger left in" }] },
      };
    case "file-name":
      return {
        diff: [
          addedFile(`db/migrate/${text.replace(/[\s"\\]/g, "_")}.sql`, ["DROP TABLE users;"]),
          [
            `diff --git a/assets/${text.replace(/[\s"\\]/g, "_")}.bin b/assets/${text.replace(/[\s"\\]/g, "_")}.bin`,
            "new file mode 100644",
            "Binary files /dev/null and b/assets/x.bin differ",
            "",
          ].join("\n"),
        ].join(""),
        pr,
        config,
      };
    case "branch":
      return { diff: base, pr: { ...pr, head_ref: `claude/fix-${text.replace(/\s/g, "-")}` }, config };
    case "title":
      return { diff: base, pr: { ...pr, title: `[Codex] ${filler} ${text}` }, config };
    case "body":
      return {
        diff: base,
        pr: { ...pr, body: `Done. https://claude.ai/code/session_0123456789abcdef ${filler} ${text}` },
        config,
      };
    case "commit-message":
      return {
        diff: base,
        pr: { ...pr, commits: [{ sha: "b1", message: `[Codex] ${filler} ${text}\n\nGenerated with Claude Code` }] },
        config,
      };
    case "commit-trailer":
      return {
        diff: base,
        pr: { ...pr, commits: [{ sha: "c1", message: `fix\n\n${filler}\n\nAssisted-by: Claude Code ${text}` }] },
        config,
      };
    case "rollback-plan":
      // Quoted whole into gate.rollback.text (the App shows the plan to reviewers).
      return {
        diff: addedFile("db/migrate/20260101_drop.sql", ["DROP TABLE users;"]),
        pr: { ...pr, body: `Done.\n\n## Rollback\n\nRestore it: ${filler} ${text}\n\n## Notes\nnone` },
        config,
      };
    case "config-value":
      return {
        diff: addedFile("src/app.js", ["debugger;"]),
        pr,
        config: {
          custom_rules: [
            { id: "dbg", pattern: "debugger", message: `debugger ${text}`, remediation: `remove it ${text}` },
          ],
          checklist: { extra: [{ id: "extra", text: `Check ${text}` }] },
          gate: { policy: "all", threshold: "low" },
        },
      };
    case "private-key":
      return {
        diff: addedFile("deploy/id_rsa", [BEGIN("RSA "), text, text.split("").reverse().join(""), END("RSA ")]),
        pr,
        config,
      };
  }
}

/** Every output of a run: the four formats, the Action's job summary and its annotations. */
export const FORMATS = ["text", "color", "json", "markdown", "sarif", "summary", "annotations"] as const;
export type Outputs = Record<(typeof FORMATS)[number], string>;

export async function allOutputs(s: Scenario): Promise<{ report: Report; outputs: Outputs }> {
  const report = await analyze({ diff: s.diff, pr: s.pr, config: validateConfig(s.config) });
  return { report, outputs: render(report) };
}

export function render(report: Report): Outputs {
  return {
    text: formatText(report),
    color: formatText(report, { color: true }),
    json: formatJson(report),
    markdown: formatMarkdown(report, { repoUrl: "https://github.com/o/r", headSha: "abc123" }),
    sarif: formatSarif(report),
    summary: notesBlock(["note"]) + formatMarkdown(report, { maxLength: SUMMARY_LIMIT }),
    annotations: annotations(report),
  };
}

function annotations(report: Report): string {
  const out: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    emitAnnotations(report.findings);
  } finally {
    process.stdout.write = write;
  }
  return out.join("");
}

/** The longest run of `secret` found in `output` (0 when none of length 8 is there). */
export function longestLeak(secret: string, output: string, from = 8): number {
  let longest = 0;
  for (let i = 0; i + from <= secret.length; i++) {
    let n = from;
    if (!output.includes(secret.slice(i, i + n))) continue;
    while (i + n < secret.length && output.includes(secret.slice(i, i + n + 1))) n++;
    longest = Math.max(longest, n);
  }
  return longest;
}

export function seeded(seed: number): Random {
  return prng(seed);
}
