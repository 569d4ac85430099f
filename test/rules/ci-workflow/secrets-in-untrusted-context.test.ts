// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions and shell variables are literal text here
import { describe, expect, it } from "vitest";
import { secretsInUntrustedContextRule } from "../../../src/rules/ci-workflow/secrets-in-untrusted-context.js";
import { addedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

describe("ci-workflow/secrets-in-untrusted-context", () => {
  const base = [
    "on:",
    "  pull_request_target:",
    "jobs:",
    "  build:",
    "    steps:",
    "      - uses: actions/checkout@v4",
    "        with:",
    "          ref: ${{ github.event.pull_request.head.sha }}",
    "      - run: npm test",
    "        env:",
  ];
  it("flags a secret given to a job that runs PR head code", async () => {
    const diff = addedFile(".github/workflows/pr.yml", [...base, "          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}"]);
    const f = await runRule(secretsInUntrustedContextRule, diff);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("NPM_TOKEN");
    expect(f[0]!.message).toContain("job build");
  });

  it("does not flag secrets when no PR code is checked out, or under pull_request", async () => {
    const noCheckout = addedFile(".github/workflows/l.yml", [
      "on: pull_request_target",
      "jobs:",
      "  label:",
      "    steps:",
      "      - uses: actions/labeler@v5",
      "        with:",
      "          repo-token: ${{ secrets.GITHUB_TOKEN }}",
    ]);
    expect(await runRule(secretsInUntrustedContextRule, noCheckout)).toEqual([]);
    const plain = addedFile(".github/workflows/pr.yml", [
      ...base.map((l) => l.replace("pull_request_target", "pull_request")),
      "          T: ${{ secrets.T }}",
    ]);
    expect(await runRule(secretsInUntrustedContextRule, plain)).toEqual([]);
  });
});

ruleTester(secretsInUntrustedContextRule, {
  valid: [
    {
      name: "secrets in a pull_request workflow",
      diff: addedFile(".github/workflows/ci.yml", [
        "on: pull_request",
        "jobs:",
        "  build:",
        "    steps:",
        "      - uses: actions/checkout@v4",
        "        with:",
        "          ref: ${{ github.event.pull_request.head.sha }}",
        "      - run: make",
        "        env:",
        "          TOKEN: ${{ secrets.DEPLOY_TOKEN }}",
      ]),
    },
  ],
  invalid: [
    {
      name: "a secret in the job that checks out the PR head under pull_request_target",
      diff: addedFile(".github/workflows/pr.yml", [
        "on: pull_request_target",
        "jobs:",
        "  build:",
        "    steps:",
        "      - uses: actions/checkout@v4",
        "        with:",
        "          ref: ${{ github.event.pull_request.head.sha }}",
        "      - run: make",
        "        env:",
        "          TOKEN: ${{ secrets.DEPLOY_TOKEN }}",
      ]),
      findings: [{ line: 10, message: "secret DEPLOY_TOKEN passed to job build" }],
    },
  ],
});
