import { describe, expect, it } from "vitest";
import { defaultConfig, validateConfig } from "../../../src/config/load.js";
import { parseUnifiedDiff } from "../../../src/diff/parse.js";
import { productionFileChangedRule as rule } from "../../../src/rules/production-config/production-file-changed.js";
import { productionScope, productionSignals } from "../../../src/rules/production-config/scope.js";
import { createPathClassifier } from "../../../src/util/paths.js";
import { addedFile, deletedFile, modifiedFile, runRule, scan } from "../../helpers/diff.js";

function scopeOf(diff: string, production: string[] = []) {
  const config = production.length ? validateConfig({ paths: { production } }) : defaultConfig();
  return productionScope(parseUnifiedDiff(diff).files, createPathClassifier(config));
}

describe("production scope", () => {
  it("includes built-in and configured production paths", () => {
    const diff =
      modifiedFile("deploy/k8s/production/api.yaml", ["-  image: api:1", "+  image: api:2"]) +
      modifiedFile("terraform/prod.tfvars", ['-size = "small"', '+size = "large"']) +
      modifiedFile("live/eu/api.yaml", ["-a: 1", "+a: 2"]) +
      modifiedFile("deploy/k8s/staging/api.yaml", ["-  image: api:1", "+  image: api:2"]);
    expect([...scopeOf(diff)].sort()).toEqual(["deploy/k8s/production/api.yaml", "terraform/prod.tfvars"]);
    expect(scopeOf(diff, ["live/**"]).has("live/eu/api.yaml")).toBe(true);
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
    expect([...scopeOf(diff)].sort()).toEqual([
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
    expect([...scopeOf(diff)]).toEqual([]);
  });

  it("explains why a file is in scope", () => {
    const diff = modifiedFile("k8s/api.yaml", ["   namespace: prod", "+  replicas: 3"]);
    const signals = productionSignals(parseUnifiedDiff(diff).files, createPathClassifier(defaultConfig()));
    expect(signals.get("k8s/api.yaml")).toMatchObject({ via: "content", detail: "namespace: prod", line: 1 });
  });
});

describe("production-config/production-file-changed", () => {
  it("reports a production file medium, and high when it touches secrets, replicas or protections", async () => {
    const plain = modifiedFile("config/environments/production.rb", [
      "-  config.log_level = :info",
      "+  config.log_level = :debug",
    ]);
    const f = await runRule(rule, plain);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "medium", line: 1, file: "config/environments/production.rb" });
    expect(f[0]!.message).toContain("production path");

    const env = addedFile(".env.production", ["DATABASE_URL=postgres://u:p@db/app", "LOG_LEVEL=info"]);
    const g = await runRule(rule, env);
    expect(g[0]).toMatchObject({ severity: "high" });
    expect(g[0]!.message).toContain("secrets or credentials");

    const scale = modifiedFile("k8s/api.yaml", ["   namespace: production", "-  replicas: 6", "+  replicas: 0"]);
    const h = await runRule(rule, scale);
    expect(h[0]).toMatchObject({ severity: "high" });
    expect(h[0]!.message).toContain("namespace: production");
    expect(h[0]!.message).toContain("replica counts");
  });

  it("reports a deleted production file high with no line", async () => {
    const f = await runRule(rule, deletedFile("environments/prod/network.tf", ['resource "aws_vpc" "main" {', "}"]));
    expect(f[0]).toMatchObject({ severity: "high", line: null });
    expect(f[0]!.message).toContain("file deleted");
  });

  it("reports nothing for changes outside production", async () => {
    const diff = modifiedFile("environments/staging/main.tf", ["-  size = 1", "+  size = 2"]);
    expect(await runRule(rule, diff)).toEqual([]);
  });

  it("makes the engine raise other categories in production files but not its own", async () => {
    const diff = modifiedFile("deploy/k8s/production/checkout.yaml", [
      "   name: checkout",
      "   namespace: production",
      " spec:",
      "-  replicas: 6",
      "+  replicas: 0",
    ]);
    const report = await scan(diff);
    const infra = report.findings.find((x) => x.ruleId === "infra-change/k8s-risky-setting");
    const prod = report.findings.find((x) => x.category === "production-config");
    expect(infra?.severity).toBe("critical");
    expect(prod?.severity).toBe("high");
    expect(["high", "critical"]).toContain(report.risk.level);
  });
});
