import { describe, expect, it } from "vitest";
import { defaultConfig, validateConfig } from "../../src/config/load.js";
import { parseUnifiedDiff } from "../../src/diff/parse.js";
import { productionScope } from "../../src/engine/production-scope.js";
import { createPathClassifier } from "../../src/util/paths.js";
import { modifiedFile } from "../support/diff.js";

function scopeOf(diff: string, production: string[] = []): string[] {
  const config = production.length ? validateConfig({ paths: { production } }) : defaultConfig();
  return [...productionScope(parseUnifiedDiff(diff).files, createPathClassifier(config)).keys()];
}

describe("production scope", () => {
  it("includes built-in and configured production paths", () => {
    const diff =
      modifiedFile("deploy/k8s/production/api.yaml", ["-  image: api:1", "+  image: api:2"]) +
      modifiedFile("terraform/prod.tfvars", ['-size = "small"', '+size = "large"']) +
      modifiedFile("live/eu/api.yaml", ["-a: 1", "+a: 2"]) +
      modifiedFile("deploy/k8s/staging/api.yaml", ["-  image: api:1", "+  image: api:2"]);
    expect(scopeOf(diff).sort()).toEqual(["deploy/k8s/production/api.yaml", "terraform/prod.tfvars"]);
    expect(scopeOf(diff, ["live/**"])).toContain("live/eu/api.yaml");
  });

  it("includes files by content: k8s namespace, Terraform workspace/environment, workflow environment", () => {
    const diff =
      modifiedFile("k8s/api.yaml", [
        " metadata:",
        "   name: api",
        "   namespace: production",
        "-  replicas: 2",
        "+  replicas: 3",
      ]) +
      modifiedFile("infra/main.tf", [
        " locals {",
        '   is_live = terraform.workspace == "prod"',
        "-  size = 1",
        "+  size = 2",
      ]) +
      modifiedFile("infra/env.tfvars", ['-environment = "staging"', '+environment = "prod"']) +
      modifiedFile(".github/workflows/deploy.yml", [
        "   deploy:",
        "     environment:",
        "       name: production",
        "-    runs-on: ubuntu-22.04",
        "+    runs-on: ubuntu-24.04",
      ]);
    expect(scopeOf(diff).sort()).toEqual([
      ".github/workflows/deploy.yml",
      "infra/env.tfvars",
      "infra/main.tf",
      "k8s/api.yaml",
    ]);
  });

  it("leaves out staging, producer-like words, tests and docs about production", () => {
    const diff =
      modifiedFile("k8s/api.yaml", ["   namespace: staging", "-  replicas: 2", "+  replicas: 3"]) +
      modifiedFile("src/producer.ts", ["-const products = 1;", "+const products = 2;"]) +
      modifiedFile("docs/production/runbook.md", ["-old", "+new"]) +
      modifiedFile("test/fixtures/prod/config.yaml", ["-a: 1", "+a: 2"]) +
      modifiedFile(".github/workflows/ci.yml", ["   test:", "+    environment: staging"]);
    expect(scopeOf(diff)).toEqual([]);
  });

  it("leaves out workflow jobs that only plan against production, and templates naming production", () => {
    const plan = modifiedFile(".github/workflows/terraform-plan.yml", [
      "   plan-production:",
      "     runs-on: ubuntu-latest",
      "+    environment: production",
      "     steps:",
      "       - uses: hashicorp/setup-terraform@v3",
      "       - run: terraform init -input=false",
      "       - run: terraform plan -lock=false -var-file=prod.tfvars",
    ]);
    const apply = modifiedFile(".github/workflows/terraform-apply.yml", [
      "   apply-production:",
      "+    environment: production",
      "     steps:",
      "       - run: terraform plan -out=tfplan",
      "       - run: terraform apply -auto-approve tfplan",
    ]);
    const template = modifiedFile(".github/workflow-templates/deploy.yml", [
      "   deploy:",
      "+    environment: production",
      "     steps:",
      "       - run: ./deploy.sh",
    ]);
    expect(scopeOf(plan + apply + template)).toEqual([".github/workflows/terraform-apply.yml"]);
  });

  it("explains why a file is in scope", () => {
    const diff = modifiedFile("k8s/api.yaml", ["   namespace: prod", "+  replicas: 3"]);
    const signals = productionScope(parseUnifiedDiff(diff).files, createPathClassifier(defaultConfig()));
    expect(signals.get("k8s/api.yaml")).toMatchObject({ via: "content", detail: "namespace: prod", line: 1 });
  });
});
