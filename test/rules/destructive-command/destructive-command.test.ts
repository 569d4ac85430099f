// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions and shell variables are literal text here
import { describe, expect, it } from "vitest";
import { cloudDeleteRule } from "../../../src/rules/destructive-command/cloud-delete.js";
import { databaseWipeRule } from "../../../src/rules/destructive-command/database-wipe.js";
import { gitHistoryRewriteRule } from "../../../src/rules/destructive-command/git-history-rewrite.js";
import { infraTeardownRule } from "../../../src/rules/destructive-command/infra-teardown.js";
import { classifyRmTarget, recursiveDeleteRule } from "../../../src/rules/destructive-command/recursive-delete.js";
import { addedFile, modifiedFile, runRule, scan } from "../../support/diff.js";

describe("destructive-command/recursive-delete", () => {
  it("is critical for rm -rf on /, ~ and an empty-able variable followed by /", async () => {
    const diff = addedFile("scripts/clean.sh", [
      "#!/bin/sh",
      "rm -rf /",
      "sudo rm -rf ~/",
      'rm -rf "$BUILD_DIR"/*',
      "rm -fr ${OUT}/",
    ]);
    const f = await runRule(recursiveDeleteRule, diff);
    expect(f.map((x) => [x.line, x.severity])).toEqual([
      [2, "critical"],
      [3, "critical"],
      [4, "critical"],
      [5, "critical"],
    ]);
    expect(f[2]!.message).toContain("$BUILD_DIR");
  });

  it("is high for an unquoted variable or a bare glob", async () => {
    const diff = modifiedFile("Makefile", ["clean:", "+\trm -rf $TMP", "+\tcd out && rm -r *"]);
    const f = await runRule(recursiveDeleteRule, diff);
    expect(f.map((x) => x.severity)).toEqual(["high", "high"]);
  });

  it("reads commands split with backslash continuations and package.json scripts", async () => {
    const diff =
      addedFile("deploy.sh", ["rm -rf \\", "  $HOME"]) +
      modifiedFile("package.json", ['   "scripts": {', '+    "nuke": "rm -rf $DIR/",']);
    const f = await runRule(recursiveDeleteRule, diff);
    expect(f.map((x) => `${x.file}:${x.line}`)).toEqual(["deploy.sh:1", "package.json:2"]);
  });

  it("ignores ordinary paths, guarded variables, quoted vars, subcommands, comments and docs", async () => {
    const diff =
      addedFile("Dockerfile", [
        "RUN rm -rf /var/lib/apt/lists/*",
        'RUN rm -rf ~/.bundle/ "${BUNDLE_PATH}"/ruby/*/cache',
        'RUN rm -rf "${DIR:?}/"',
        'RUN rm -rf "$DIR"',
        "RUN git rm -r --cached *",
        "# rm -rf /",
        "RUN rm ./file /",
      ]) +
      addedFile("README.md", ["Never run `rm -rf /`."]) +
      addedFile("test/cleanup.sh", ["rm -rf $DIR/"]);
    expect(await runRule(recursiveDeleteRule, diff)).toEqual([]);
  });

  it("classifies targets", () => {
    expect(classifyRmTarget("/*")?.severity).toBe("critical");
    expect(classifyRmTarget("$HOME")?.severity).toBe("critical");
    expect(classifyRmTarget("./dist")).toBeNull();
    expect(classifyRmTarget("$(BUILD)/")?.severity).toBe("high");
  });
});

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

describe("destructive-command/cloud-delete", () => {
  it("flags unconfirmed cloud deletions and names the target", async () => {
    const diff = addedFile("scripts/teardown.sh", [
      "aws s3 rb s3://billing-exports --force",
      "aws s3 rm s3://billing-exports/ --recursive",
      "aws rds delete-db-instance --db-instance-identifier billing \\",
      "  --skip-final-snapshot",
      "gcloud sql instances delete billing-db --quiet",
      "az group delete --name billing-rg --yes",
    ]);
    const f = await runRule(cloudDeleteRule, diff);
    expect(f.map((x) => x.line)).toEqual([1, 2, 3, 5, 6]);
    expect(f[0]!.message).toContain("s3://billing-exports");
    expect(f[2]!.message).toContain("--skip-final-snapshot");
    expect(f[4]!.message).toContain("resource group");
  });

  it("ignores confirmed or snapshot-keeping deletions and reads", async () => {
    const diff = addedFile("scripts/ops.sh", [
      "aws s3 rm s3://bucket/tmp/file.txt",
      "aws rds delete-db-instance --db-instance-identifier x --final-db-snapshot-identifier x-final",
      "gcloud compute instances delete vm-1",
      "az group show --name rg",
      "aws s3 ls s3://bucket --recursive",
    ]);
    expect(await runRule(cloudDeleteRule, diff)).toEqual([]);
  });
});

describe("destructive-command/database-wipe", () => {
  it("flags database drops and flushes in scripts and source", async () => {
    const diff =
      addedFile("script/load-dump", [
        "#!/bin/sh",
        "dropdb -U $pg_user $pg_database",
        'psql -c "DROP DATABASE billing;"',
      ]) +
      addedFile("app/admin/reset.py", ["db.drop_all()", "redis_client.flushall()"]) +
      addedFile("src/reset.ts", ["await mongo.db().dropDatabase();"]) +
      modifiedFile("package.json", ['   "scripts": {', '+    "db:reset": "prisma migrate reset --force",']) +
      addedFile("bin/reset", ["bin/rails db:drop db:create", "redis-cli FLUSHALL"]);
    const f = await runRule(databaseWipeRule, diff);
    expect(f.map((x) => `${x.file}:${x.line}`)).toEqual([
      "script/load-dump:2",
      "script/load-dump:3",
      "app/admin/reset.py:1",
      "app/admin/reset.py:2",
      "src/reset.ts:1",
      "package.json:2",
      "bin/reset:1",
      "bin/reset:2",
    ]);
    expect(f[0]!.message).toContain("$pg_database");
    expect(f[1]!.message).toContain("billing");
  });

  it("leaves migrations, tests, docs and lookalike text alone", async () => {
    const diff =
      addedFile("db/migrate/001_drop.sql", ["DROP DATABASE legacy;"]) +
      addedFile("tests/conftest.py", ["db.drop_all()"]) +
      addedFile("docs/ops.md", ["Run `dropdb app` to reset."]) +
      addedFile("src/log.ts", ['log("Dropping database connection pool");', "const flush = () => buffer.flush();"]);
    expect(await runRule(databaseWipeRule, diff)).toEqual([]);
  });
});

describe("destructive-command/git-history-rewrite", () => {
  it("flags force pushes high and lease/reset/clean lower", async () => {
    const diff = addedFile(".github/workflows/sync.yml", [
      "jobs:",
      "  sync:",
      "    steps:",
      "      - run: git push --force origin HEAD:main",
      "      - run: git push -f origin latest",
      "      - run: git push --force-with-lease origin bot/update",
      "      - run: git reset --hard origin/main",
      "      - run: git clean -fdx",
    ]);
    const f = await runRule(gitHistoryRewriteRule, diff);
    expect(f.map((x) => x.severity)).toEqual(["high", "high", "medium", "medium", "medium"]);
    expect(f[0]!.message).toContain("HEAD:main");
  });

  it("ignores normal pushes and unrelated -f flags", async () => {
    const diff = addedFile("scripts/release.sh", [
      "git push origin main --tags",
      "git tag -f v1 && git push origin v1",
      "git clean -n",
      "docker push -f image",
    ]);
    expect(await runRule(gitHistoryRewriteRule, diff)).toEqual([]);
  });
});

describe("destructive-command through the engine", () => {
  it("a README explaining rm -rf is not a finding", async () => {
    const report = await scan(addedFile("README.md", ["```sh", "rm -rf /tmp/cache && terraform destroy", "```"]));
    expect(report.findings.filter((f) => f.category === "destructive-command")).toEqual([]);
  });

  it("a production path bumps a teardown to critical", async () => {
    const report = await scan(addedFile("deploy/prod/teardown.sh", ["helm uninstall api"]));
    expect(report.findings.find((f) => f.category === "destructive-command")?.severity).toBe("critical");
  });
});
