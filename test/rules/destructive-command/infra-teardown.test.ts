// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions and shell variables are literal text here
import { describe, expect, it } from "vitest";
import { infraTeardownRule } from "../../../src/rules/destructive-command/infra-teardown.js";
import { addedFile, modifiedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

describe("destructive-command/infra-teardown", () => {
  it("flags terraform destroy, kubectl delete namespace and helm uninstall", async () => {
    const diff = modifiedFile("Makefile", [
      " apply:",
      " \tterraform apply",
      "+teardown:",
      "+\tterraform -chdir=infra destroy -auto-approve",
      "+\tkubectl delete namespace billing --wait=false",
      "+\thelm uninstall billing-api -n billing",
    ]);
    const f = await runRule(infraTeardownRule, diff);
    expect(f.map((x) => x.line)).toEqual([4, 5, 6]);
    expect(f[0]!.message).toContain("terraform destroy");
    expect(f[1]!.message).toContain("namespace billing");
    expect(f[2]!.message).toContain("billing-api");
  });

  it("is critical against production, and flags auto-approved applies only there", async () => {
    const diff = addedFile(".github/workflows/deploy.yml", [
      "jobs:",
      "  d:",
      "    steps:",
      "      - run: terraform destroy -var-file=prod.tfvars -auto-approve",
      "      - run: terraform apply -auto-approve -var-file=env/production.tfvars",
      "      - run: terraform apply -auto-approve",
      "      - run: kubectl delete pods --all -n production",
    ]);
    const f = await runRule(infraTeardownRule, diff);
    expect(f.map((x) => [x.line, x.severity])).toEqual([
      [4, "critical"],
      [5, "high"],
      [7, "critical"],
    ]);
  });

  it("flags docker volume prunes but not routine cleanup", async () => {
    const diff = addedFile("scripts/ci-clean.sh", [
      "docker system prune -af --volumes",
      "docker system prune -f",
      "docker image prune -a -f",
      "kubectl delete pod web-0",
      "terraform plan -destroy-target=x",
      "helm upgrade --install web ./chart",
    ]);
    const f = await runRule(infraTeardownRule, diff);
    expect(f.map((x) => x.line)).toEqual([1]);
  });
});

ruleTester(infraTeardownRule, {
  valid: [
    { name: "documentation", diff: addedFile("README.md", ["Run `terraform destroy` to clean up."]) },
    { name: "a plan", diff: addedFile("Makefile", ["plan:", "\tterraform plan -out tf.plan"]) },
  ],
  invalid: [
    {
      name: "terraform destroy",
      diff: addedFile("Makefile", ["teardown:", "\tterraform -chdir=infra destroy -auto-approve"]),
      findings: [{ line: 2, severity: "high", message: "terraform destroy in Makefile" }],
    },
    {
      name: "kubectl delete in production",
      diff: addedFile("scripts/clean.sh", ["kubectl delete pods --all -n production"]),
      findings: [{ line: 1, severity: "critical", message: "in production" }],
    },
  ],
});
