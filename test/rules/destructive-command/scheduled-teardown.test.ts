import { describe, expect, it } from "vitest";
import { scheduledTeardownRule } from "../../../src/rules/destructive-command/scheduled-teardown.js";
import { addedFile, modifiedYamlFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

const destroyDev = [
  "name: Destroy dev environment",
  "on:",
  "  workflow_dispatch:",
  "#  schedule:",
  '#    - cron: "0 22 * * 1-5"',
];

describe("destructive-command/scheduled-teardown", () => {
  it("reports a schedule uncommented for a workflow named for destroying, when its steps are out of view", async () => {
    const diff = modifiedYamlFile(".github/workflows/terragrunt_destroy_environment.yml", [
      "name: Destroy dev environment",
      "on:",
      "  workflow_dispatch:",
      "-#  schedule:",
      '-#    - cron: "0 22 * * 1-5"',
      "+  schedule:",
      '+    - cron: "0 22 * * 1-5"',
    ]);
    const f = await runRule(scheduledTeardownRule, diff);
    expect(f).toMatchObject([{ line: 5, severity: "high" }]);
    expect(f[0]!.message).toContain("workflow 'Destroy dev environment'");
  });

  it("names the destroyer when the diff shows it, and is critical for production", async () => {
    const diff = addedFile(".github/workflows/nightly.yml", [
      "name: Nightly",
      "on:",
      "  schedule:",
      '    - cron: "0 3 * * *"',
      "jobs:",
      "  wipe:",
      "    steps:",
      "      - run: aws-nuke run -c nuke.cfg --no-dry-run --force --account prod",
    ]);
    const f = await runRule(scheduledTeardownRule, diff);
    expect(f).toMatchObject([{ line: 4, severity: "critical" }]);
    expect(f[0]!.message).toContain("aws-nuke");
  });
});

ruleTester(scheduledTeardownRule, {
  valid: [
    {
      name: "a schedule retimed (it was already on)",
      diff: modifiedYamlFile(".github/workflows/destroy.yml", [
        "name: Destroy sandbox",
        "on:",
        "  schedule:",
        '-    - cron: "0 22 * * *"',
        '+    - cron: "0 23 * * *"',
      ]),
    },
    {
      name: "a schedule added to a workflow that plans and tests",
      diff: modifiedYamlFile(".github/workflows/plan.yml", [
        "name: Plan",
        "on:",
        "+  schedule:",
        '+    - cron: "0 6 * * *"',
        "jobs:",
        "  plan:",
        "    steps:",
        "      - run: terraform plan",
      ]),
    },
    {
      name: "a destroyer left manual",
      diff: modifiedYamlFile(".github/workflows/destroy.yml", [...destroyDev, "+  # keep this manual"]),
    },
  ],
  invalid: [
    {
      name: "a schedule turned on for a workflow running terraform destroy",
      diff: modifiedYamlFile(".github/workflows/cleanup.yml", [
        "name: Cleanup",
        "on:",
        "+  schedule:",
        '+    - cron: "0 1 * * *"',
        "jobs:",
        "  cleanup:",
        "    steps:",
        "      - run: terraform -chdir=envs/preview destroy -auto-approve",
      ]),
      findings: [{ line: 4, severity: "high", message: "terraform destroy" }],
    },
  ],
});
