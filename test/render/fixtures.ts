import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../../src/cli/main.js";
import type { Finding, PullRequestFacts, Report } from "../../src/types.js";
import { startAppServer, WEBHOOK_SECRET } from "../e2e/support/app-server.js";
import { pullRequestEvent } from "../e2e/support/payloads.js";
import { deliver } from "../support/deliver.js";
import { addedFile, modifiedFile } from "../support/diff.js";
import type { FakeFile, FakeGitHub } from "../support/fake-github.js";
import { startFakeGitHub } from "../support/fake-github.js";
import type { LineTarget } from "./links.js";
import type { CheckRunView } from "./page.js";

/**
 * The outputs the render tests and `npm run render:docs` look at, produced by the current code: the
 * CLI's Markdown for the bundled example (the README's command), and the same pull request opened on
 * a fake GitHub, where the App writes its checklist comment and check run (and, in the tests, the
 * Action its comment). Nothing here is hand-written Markdown.
 */

export const ROOT = join(import.meta.dirname, "../..");
export const EXAMPLE_DIFF = join(ROOT, "examples/risky-ai-pr.diff");
export const EXAMPLE_PR = join(ROOT, "examples/risky-ai-pr.json");

/** The README's `ai-review-gate scan --diff … --pr … --format F`, run in-process from the source. */
export async function cliScan(diffPath: string, prPath: string, format: "markdown" | "json"): Promise<string> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(["scan", "--diff", diffPath, "--pr", prPath, "--format", format], {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    readStdin: () => Buffer.from(""),
    cwd: ROOT,
    isTTY: false,
    env: {},
  });
  if (code !== 0) throw new Error(`scan exited ${code}: ${err.join("")}`);
  return out.join("");
}

/** Where the report's findings are: what every finding link must point at. */
export function findingTargets(findings: readonly Finding[]): LineTarget[] {
  return findings.map((f) => ({ path: f.file, line: f.line, side: f.side }));
}

/** A unified diff as GitHub's "list pull request files" gives it: one entry per file, hunks as `patch`. */
export function filesFromDiff(diff: string): FakeFile[] {
  const files: FakeFile[] = [];
  for (const block of diff.split(/^(?=diff --git )/m)) {
    if (!block.startsWith("diff --git ")) continue;
    const lines = block.replace(/\n$/, "").split("\n");
    const hunk = lines.findIndex((l) => l.startsWith("@@"));
    const header = hunk < 0 ? lines : lines.slice(0, hunk);
    const value = (prefix: string) => header.find((l) => l.startsWith(prefix))?.slice(prefix.length);
    const plus = value("+++ b/");
    const minus = value("--- a/");
    const renamedFrom = value("rename from ");
    const filename = value("rename to ") ?? plus ?? minus;
    if (!filename) throw new Error(`no file name in diff block: ${lines[0]}`);
    const body = hunk < 0 ? [] : lines.slice(hunk);
    files.push({
      filename,
      status: header.some((l) => l.startsWith("new file mode"))
        ? "added"
        : header.some((l) => l.startsWith("deleted file mode"))
          ? "removed"
          : renamedFrom
            ? "renamed"
            : "modified",
      ...(renamedFrom ? { previous_filename: renamedFrom } : {}),
      ...(body.length ? { patch: body.join("\n") } : {}),
      additions: body.filter((l) => l.startsWith("+")).length,
      deletions: body.filter((l) => l.startsWith("-")).length,
    });
  }
  return files;
}

export interface PullFixture {
  number: number;
  diff: string;
  facts: PullRequestFacts;
}

export function examplePull(number = 7): PullFixture {
  return {
    number,
    diff: readFileSync(EXAMPLE_DIFF, "utf8"),
    facts: JSON.parse(readFileSync(EXAMPLE_PR, "utf8")) as PullRequestFacts,
  };
}

/** Put the pull request on the fake as GitHub would list it (author, branch, body, commits, files). */
export function addPull(fake: FakeGitHub, p: PullFixture): void {
  const user = fake.addUser(
    {
      login: p.facts.author_login ?? "octo-dev",
      id: 3000 + p.number,
      type: p.facts.author_type === "Bot" ? "Bot" : "User",
    },
    "write",
  );
  const commits = (p.facts.commits ?? []).map((c, i) => ({
    sha: c.sha ?? `${String(i + 1).padStart(2, "0")}${"c".repeat(38)}`,
    message: c.message,
    author: { name: c.author_name ?? user.login, email: c.author_email ?? `${user.login}@example.com` },
  }));
  fake.addPull({
    number: p.number,
    title: p.facts.title ?? `PR ${p.number}`,
    body: p.facts.body ?? null,
    user,
    head: { ref: p.facts.head_ref ?? `change-${p.number}`, sha: commits.at(-1)?.sha ?? "d".repeat(40) },
    files: filesFromDiff(p.diff),
    commits,
  });
}

export interface AppOutputs {
  comment: string;
  check: CheckRunView;
  /** `owner/name` */
  repo: string;
  headSha: string;
  baseSha: string;
}

/** Open the pull request on a fake GitHub with the App's real server; return what the App wrote. */
export async function appOutputs(p: PullFixture): Promise<AppOutputs> {
  const fake = await startFakeGitHub();
  const app = await startAppServer(fake);
  try {
    addPull(fake, p);
    const res = await deliver({
      url: app.url,
      event: "pull_request",
      payload: pullRequestEvent(fake, "opened", p.number),
      secret: WEBHOOK_SECRET,
    });
    if (res.status !== 200) throw new Error(`App answered ${res.status}: ${res.body} ${app.errors.join("; ")}`);
    fake.assertClean();
    const comment = fake.commentsOn(p.number).find((c) => c.user.login === fake.botUser.login);
    const pull = fake.mustPull(p.number);
    const run = fake.runsFor(pull.head.sha)[0];
    if (!comment || !run?.output.title || !run.output.summary || !run.conclusion)
      throw new Error("the App wrote no checklist comment or check run");
    return {
      comment: comment.body,
      check: {
        name: run.name,
        conclusion: run.conclusion as CheckRunView["conclusion"],
        title: run.output.title,
        summary: run.output.summary,
        ...(run.output.text ? { text: run.output.text } : {}),
      },
      repo: `${fake.owner}/${fake.repoName}`,
      headSha: pull.head.sha,
      baseSha: pull.base.sha,
    };
  } finally {
    await app.close();
    await fake.close();
  }
}

/**
 * A large AI-authored change with about 12 findings per service across eight categories (destructive
 * commands, migrations, privileged CI triggers, Terraform protections, production scope, skipped tests,
 * removed auth checks, dependencies): `services` = 25 gives about 300 findings.
 */
export function manyFindingsPull(services: number, number = 8): PullFixture {
  const parts: string[] = [];
  for (let i = 1; i <= services; i++) {
    const svc = `svc${String(i).padStart(2, "0")}`;
    parts.push(
      addedFile(`services/${svc}/scripts/cleanup.sh`, [
        "#!/bin/sh",
        "set -e",
        `rm -rf $${svc.toUpperCase()}_DIR/*`,
        "git push --force origin HEAD:main",
      ]),
      addedFile(`services/${svc}/db/migrate/2026112010${String(i).padStart(4, "0")}_drop_legacy.rb`, [
        "class DropLegacy < ActiveRecord::Migration[7.1]",
        "  def change",
        `    remove_column :${svc}_users, :legacy_email, :string`,
        `    drop_table :${svc}_audit_log`,
        "  end",
        "end",
      ]),
      modifiedFile(
        `.github/workflows/${svc}-deploy.yml`,
        [
          " on:",
          "-  pull_request:",
          "+  pull_request_target:",
          " jobs:",
          "   deploy:",
          "     runs-on: ubuntu-latest",
          "     steps:",
          "-      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2",
          "+      - uses: actions/checkout@v4",
          "+        with:",
          // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, literal text in the workflow
          "+          ref: ${{ github.event.pull_request.head.sha }}",
          "       - run: ./deploy.sh",
        ],
        3,
      ),
      modifiedFile(
        `infra/production/${svc}.tf`,
        [
          ` resource "aws_db_instance" "${svc}" {`,
          `   identifier          = "${svc}-prod"`,
          "-  deletion_protection = true",
          "-  skip_final_snapshot = false",
          "+  deletion_protection = false",
          "+  skip_final_snapshot = true",
          " }",
        ],
        10,
      ),
      modifiedFile(`services/${svc}/spec/report_spec.rb`, [
        " RSpec.describe Report do",
        '-  it "computes totals" do',
        '+  xit "computes totals" do',
        "     expect(Report.totals).to eq(expected)",
      ]),
      modifiedFile(`services/${svc}/app/controllers/admin_controller.rb`, [
        " class AdminController < ApplicationController",
        "-  before_action :authenticate_admin!",
        "   def index",
      ]),
    );
  }
  return {
    number,
    diff: parts.join(""),
    facts: {
      author_login: "octo-dev",
      author_type: "User",
      head_ref: "claude/retire-legacy-services",
      title: "Retire the legacy services",
      body: "Retires the legacy services.\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)",
      commits: [
        {
          sha: "5d2e7a1c9b0f4e3d8c6a2b1f0e9d8c7b6a5f4e3d",
          message: "Retire the legacy services\n\nCo-Authored-By: Claude <noreply@anthropic.com>",
          author_name: "Octo Dev",
          author_email: "octo@example.com",
        },
      ],
      labels: [],
    },
  };
}

export function parseReport(json: string): Report {
  return JSON.parse(json) as Report;
}
