// biome-ignore-all lint/suspicious/noTemplateCurlyInString: workflow expressions are literal text here
import { describe, expect, it } from "vitest";
import { productionFileChangedRule as rule } from "../../../src/rules/production-config/production-file-changed.js";
import { addedFile, deletedFile, modifiedFile, runRule, scan } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

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

  it("rates a deleted production pipeline low: it changes no production state, the CI rules rate its removal", async () => {
    const workflow = deletedFile(".github/workflows/deploy_production.yml", [
      "name: Deploy (Production)",
      "on: { push: { branches: [main] } }",
      "jobs:",
      "  deploy:",
      "    environment: production",
      "    steps:",
      "      - run: ./deploy.sh",
      "        env:",
      "          AWS_SECRET_ACCESS_KEY: ${{ secrets.PROD_AWS_SECRET }}",
    ]);
    const f = await runRule(rule, workflow);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "low", line: null });
    expect(f[0]!.message).toContain("pipeline deleted");
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

  it("does not raise the CI rules' findings on a deleted production pipeline", async () => {
    const lines = [
      "name: Build image (production)",
      "on: { workflow_dispatch: {} }",
      "permissions: { id-token: write, contents: read }",
      "jobs:",
      "  build:",
      "    runs-on: ubuntu-latest",
      "    steps:",
      "      - run: docker build -t app .",
    ];
    const report = await scan(deletedFile(".github/workflows/build_production.yml", lines));
    const removed = report.findings.find((x) => x.ruleId === "ci-workflow/workflow-removed");
    const kept = await scan(deletedFile(".github/workflows/build_image.yml", lines));
    expect(removed?.severity).toBe(kept.findings.find((x) => x.ruleId === "ci-workflow/workflow-removed")?.severity);
    expect(report.findings.find((x) => x.category === "production-config")?.severity).toBe("low");
  });
});

ruleTester(rule, {
  valid: [
    {
      name: "a staging manifest",
      diff: modifiedFile("deploy/k8s/staging/api.yaml", ["-  image: api:1", "+  image: api:2"]),
    },
    { name: "a runbook about production", diff: modifiedFile("docs/production/runbook.md", ["-old", "+new"]) },
    {
      name: "a workflow job that only plans against production",
      diff: modifiedFile(".github/workflows/plan.yml", [
        "   plan:",
        "+    environment: production",
        "     steps:",
        "       - run: terragrunt plan --terragrunt-non-interactive",
      ]),
    },
    {
      name: "the released migration set in a migrations folder's prod/ (not an environment)",
      diff: modifiedFile("store/db/mysql/migration/prod/0.22/00__resource_storage_type.sql", [
        "-ALTER TABLE a;",
        "+ALTER TABLE b;",
      ]),
    },
  ],
  invalid: [
    {
      name: "a production manifest",
      diff: modifiedFile("deploy/k8s/production/api.yaml", ["-  image: api:1", "+  image: api:2"]),
      findings: [
        {
          line: 1,
          severity: "medium",
          message: "Production config changed: deploy/k8s/production/api.yaml (production path)",
        },
      ],
    },
    {
      name: "a namespace: production manifest touching replicas",
      diff: modifiedFile("k8s/api.yaml", ["   namespace: production", "-  replicas: 3", "+  replicas: 1"]),
      findings: [{ line: 2, severity: "high", message: "touches replica counts" }],
    },
  ],
});
