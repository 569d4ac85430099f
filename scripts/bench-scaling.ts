/**
 * Scaling check for a single large file (issue 15): the main bench spreads its lines over many 50-line
 * files, so a cost that grows with the square of one FILE's size never shows there. For each file kind the
 * engine reads specially, this generates ONE file of N changed lines (hunks of pure additions, pure
 * deletions and modifications with interleaved -/+ lines), times `analyze({ diff })` in process at N and
 * 4N lines, and prints ms, µs per changed line and the growth ratio. A linear engine grows about 4×; a
 * kind growing more than 6× is flagged (and the exit code is 1 with --strict).
 *
 *   npm run bench:scaling [-- --lines N] [--only terraform,k8s-multidoc] [--shape mixed,added,deleted] [--strict]
 *
 * Shapes: mixed (default N 5,000) and added (N 3,000) unless --shape names others.
 *
 * Seeded and deterministic (no clock or network in the input), in process, one warm-up pass first; each
 * size is timed twice and the faster run counts. The findings column shows the file reached its reader.
 */
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { analyze } from "../src/engine/analyze.js";
import { prng } from "../test/support/prng.js";

type Side = "old" | "new" | "ctx";

interface FileKind {
  name: string;
  path: string;
  /** Line `k` of the file's content on one side; the old and new sides differ in names and values. */
  line: (k: number, side: Side, pick: (n: number) => number) => string;
  /** One huge line instead of many (minified code): N scales its length, not its line count. */
  singleLine?: boolean;
}

/** A cycle of block templates: line k is line (k mod length) of block floor(k / length). */
function blocks(template: ReadonlyArray<(b: number, s: Side, pick: (n: number) => number) => string>) {
  return (k: number, side: Side, pick: (n: number) => number) =>
    template[k % template.length]!(Math.floor(k / template.length), side, pick);
}

const tag = (s: Side) => (s === "old" ? "legacy" : s === "new" ? "next" : "keep");

const KINDS: readonly FileKind[] = [
  {
    name: "terraform",
    path: "infra/main.tf",
    line: blocks([
      (b, s) => `resource "aws_s3_bucket" "${tag(s)}_${b}" {`,
      (b) => `  bucket = "data-${b}"`,
      (_, s) => `  force_destroy = ${s === "new"}`,
      () => "  lifecycle {",
      (_, s) => `    prevent_destroy = ${s !== "new"}`,
      () => "  }",
      () => "}",
      (b, s) => (s === "new" ? `moved {` : `module "m${b}" {`),
      (b, s) => (s === "new" ? `  from = aws_s3_bucket.legacy_${b}` : `  source = "./modules/m${b}"`),
      (b, s) => (s === "new" ? `  to   = aws_s3_bucket.next_${b}` : `  count = ${b % 3}`),
      () => "}",
      (b, s) => (s === "new" ? `removed {` : `data "aws_iam_policy_document" "d${b}" {`),
      (b, s) => (s === "new" ? `  from = module.m${b}` : `  version = "2012-10-17"`),
      () => "}",
    ]),
  },
  {
    name: "terraform-json",
    path: "infra/main.tf.json",
    line: blocks([
      (b, s) => `    "aws_db_instance": { "${tag(s)}_${b}": {`,
      (b) => `      "identifier": "db-${b}",`,
      (_, s) => `      "deletion_protection": ${s !== "new"},`,
      (_, s) => `      "skip_final_snapshot": ${s === "new"}`,
      () => "    } },",
    ]),
  },
  {
    name: "k8s-multidoc",
    path: "deploy/k8s/app.yaml",
    line: blocks([
      () => "---",
      () => "apiVersion: apps/v1",
      (_, s) => `kind: ${s === "old" ? "StatefulSet" : "Deployment"}`,
      () => "metadata:",
      (b, s) => `  name: ${tag(s)}-${b}`,
      () => "  namespace: production",
      () => "spec:",
      (_, s) => `  replicas: ${s === "new" ? 0 : 3}`,
      () => "  template:",
      () => "    spec:",
      (_, s) => `      hostNetwork: ${s === "new"}`,
      () => "      containers:",
      (b) => `        - name: c${b}`,
      (b) => `          image: registry.example.com/app:${b}`,
      () => "          securityContext:",
      (_, s) => `            privileged: ${s === "new"}`,
      () => "---",
      () => "apiVersion: v1",
      () => "kind: PersistentVolume",
      () => "metadata:",
      (b, s) => `  name: pv-${tag(s)}-${b}`,
      () => "spec:",
      (_, s) => `  persistentVolumeReclaimPolicy: ${s === "new" ? "Delete" : "Retain"}`,
    ]),
  },
  {
    name: "gh-workflow",
    path: ".github/workflows/ci.yml",
    line: blocks([
      (b, s) => `  ${tag(s)}_job_${b}:`,
      () => "    runs-on: ubuntu-latest",
      (_, s) => (s === "new" ? "    permissions: write-all" : "    permissions:"),
      (_, s) => (s === "new" ? "    continue-on-error: true" : "      contents: read"),
      () => "    steps:",
      (_, s) => `      - uses: actions/checkout@${s === "new" ? "main" : "b4ffde65f46336ab88eb53be808477a3936bae11"}`,
      (b, s) => `      - name: step ${b} ${s}`,
      (_, s) => `        run: echo "${s === "new" ? "$" + "{{ github.event.pull_request.title }}" : "ok"}"`,
      () => "        env:",
      (_, s) => `          TOKEN: \${{ secrets.${s === "new" ? "DEPLOY_KEY" : "GITHUB_TOKEN"} }}`,
      (b) => `      - uses: org/action-${b % 40}@v${b % 5}`,
      (b) => `        with: { target: t${b} }`,
    ]),
  },
  {
    name: "sql-flyway",
    path: "db/migrations/V7__big_change.sql",
    line: (k, s) => {
      const t = `t${k % 500}`;
      const c = `c${k}`;
      const forms = [
        `ALTER TABLE ${t} DROP COLUMN ${c};`,
        `DROP TABLE ${t}_${s};`,
        `ALTER TABLE ${t} ALTER COLUMN ${c} TYPE bigint;`,
        `UPDATE ${t} SET ${c} = 0;`,
        `CREATE INDEX idx_${k} ON ${t} (${c});`,
        `ALTER TABLE ${t} ADD COLUMN ${c}_${s} integer NOT NULL;`,
        `DELETE FROM ${t} WHERE id = ${k};`,
        `ALTER TABLE ${t} RENAME COLUMN ${c} TO ${c}_${s};`,
        `INSERT INTO ${t} (id) VALUES (${k});`,
      ];
      return forms[k % forms.length]!;
    },
  },
  {
    name: "sql-prisma",
    path: "prisma/migrations/20240101000000_init/migration.sql",
    line: blocks([
      (b, s) => `CREATE TABLE "T${b}_${s}" (`,
      (b) => `    "id" SERIAL NOT NULL, "v${b}" TEXT,`,
      (b) => `    CONSTRAINT "T${b}_pkey" PRIMARY KEY ("id")`,
      () => ");",
      (b, s) => `ALTER TABLE "T${b}" DROP COLUMN "c_${s}";`,
    ]),
  },
  {
    name: "prisma-schema",
    path: "prisma/schema.prisma",
    line: blocks([
      (b, s) => `model M${b}${s === "old" ? "Old" : ""} {`,
      () => "  id Int @id @default(autoincrement())",
      (b, s) => `  f${b} ${s === "new" ? "Int" : "String"}`,
      () => "}",
    ]),
  },
  {
    name: "rails",
    path: "db/migrate/20240101000000_big_change.rb",
    line: blocks([
      (b) => `    remove_column :users_${b % 50}, :c${b}`,
      (b, s) => `    rename_column :orders, :a${b}, :${tag(s)}${b}`,
      (b) => `    change_column_null :accounts, :f${b}, false`,
      (b) => `    add_index :events, :k${b}`,
      (b, s) => `    drop_table :t${b}_${s}`,
      (b) => `    execute "DELETE FROM logs_${b}"`,
    ]),
  },
  {
    name: "django",
    path: "app/migrations/0042_big_change.py",
    line: blocks([
      (b, s) => `        migrations.RemoveField(model_name="m${b % 40}", name="${tag(s)}${b}"),`,
      (b) => `        migrations.AlterField(model_name="m${b % 40}", name="f${b}", field=models.IntegerField()),`,
      (b) => `        migrations.DeleteModel(name="Model${b}"),`,
      (b, s) => `        migrations.RunSQL("DELETE FROM t${b} WHERE k = '${s}'"),`,
      (b) => `        migrations.AddField(model_name="m${b}", name="n${b}", field=models.TextField()),`,
    ]),
  },
  {
    name: "alembic",
    path: "alembic/versions/abc123_big_change.py",
    line: blocks([
      (b, s) => `    op.drop_column("t${b % 60}", "${tag(s)}${b}")`,
      (b) => `    op.drop_table("old_${b}")`,
      (b) => `    op.alter_column("t${b}", "c", nullable=False)`,
      (b) => `    op.execute("UPDATE t${b} SET x = 0")`,
      (b) => `    op.create_index("ix_${b}", "t${b}", ["c"])`,
    ]),
  },
  {
    name: "liquibase",
    path: "db/changelog/changes.xml",
    line: blocks([
      (b, s) => `  <changeSet id="${b}-${s}" author="dev">`,
      (b) => `    <dropColumn tableName="t${b % 30}" columnName="c${b}"/>`,
      (b) => `    <dropTable tableName="old_${b}"/>`,
      (b) => `    <sql>DELETE FROM t${b}</sql>`,
      () => "  </changeSet>",
    ]),
  },
  {
    name: "package.json",
    path: "package.json",
    line: (k, s) => `    "dep-${tag(s)}-${k}": "${s === "new" ? "^" : "~"}${k % 9}.${k % 7}.0",`,
  },
  {
    name: "requirements.txt",
    path: "requirements.txt",
    line: (k, s) =>
      k % 11 === 0 ? `git+https://github.com/o/p${k}.git@${s}` : `pkg-${tag(s)}-${k}==${k % 9}.0.${k % 5}`,
  },
  {
    name: "go.mod",
    path: "go.mod",
    line: (k, s) => `require github.com/org${k % 50}/mod${k}-${s} v${s === "new" ? 2 : 1}.${k % 9}.0`,
  },
  {
    name: "Cargo.toml",
    path: "Cargo.toml",
    line: (k, s) =>
      k % 13 === 0 ? `c${k} = { git = "https://example.com/r${k}" }` : `crate-${tag(s)}-${k} = "${k % 9}.1"`,
  },
  {
    name: "Gemfile",
    path: "Gemfile",
    line: (k, s) => `gem "gem_${tag(s)}_${k}", "~> ${k % 9}.${s === "new" ? 1 : 0}"`,
  },
  {
    name: "package-lock.json",
    path: "package-lock.json",
    line: blocks([
      (b, s) => `    "node_modules/pkg-${tag(s)}-${b}": {`,
      (b, s) => `      "version": "${b % 9}.${s === "new" ? 2 : 1}.0",`,
      (b, s) =>
        `      "resolved": "https://${s === "new" && b % 17 === 0 ? "evil.example.com" : "registry.npmjs.org"}/pkg-${b}/-/pkg-${b}.tgz",`,
      (b) => `      "integrity": "sha512-${(b * 2654435761).toString(36)}AAAA==",`,
      (_, s) => `      "hasInstallScript": ${s === "new"}`,
      () => "    },",
    ]),
  },
  {
    name: "cloudformation",
    path: "cfn/template.yaml",
    line: blocks([
      (b, s) => `  ${s === "old" ? "Legacy" : "Next"}Bucket${b}:`,
      () => "    Type: AWS::S3::Bucket",
      (_, s) => `    DeletionPolicy: ${s === "new" ? "Delete" : "Retain"}`,
      () => "    Properties:",
      (b) => `      BucketName: data-${b}`,
      (b) => `  Table${b}:`,
      () => "    Type: AWS::DynamoDB::Table",
      (_, s) => `    UpdateReplacePolicy: ${s === "new" ? "Delete" : "Retain"}`,
    ]),
  },
  {
    name: "cdk",
    path: "lib/stack.ts",
    line: (k, s) =>
      k % 2 === 0
        ? `    new s3.Bucket(this, "B${k}${s}", { removalPolicy: RemovalPolicy.${s === "new" ? "DESTROY" : "RETAIN"} });`
        : `    new rds.DatabaseInstance(this, "Db${k}", { deletionProtection: ${s !== "new"} });`,
  },
  {
    name: "pulumi",
    path: "infra/index.ts",
    line: (k, s) =>
      `const b${k} = new aws.s3.Bucket("b${k}-${s}", { forceDestroy: ${s === "new"} }, { protect: ${s !== "new"} });`,
  },
  {
    name: "claude-settings",
    path: ".claude/settings.json",
    line: blocks([
      () => '  "permissions": {',
      (_, s) => `    "${s === "new" ? "allow" : "deny"}": [`,
      ...Array.from(
        { length: 8 },
        (_, e) => (b: number, s: Side) =>
          s === "new" ? `      "Bash(cmd${b}-${e}:*)",` : `      "Read(src/dir${b}-${e}/**)",`,
      ),
      () => "    ],",
      (_, s) => `    "defaultMode": "${s === "new" ? "bypassPermissions" : "default"}"`,
      () => "  },",
    ]),
  },
  {
    name: "mcp.json",
    path: ".mcp.json",
    line: blocks([
      (b, s) => `    "server-${tag(s)}-${b}": {`,
      (b) => `      "command": "npx", "args": ["-y", "mcp-server-${b}"],`,
      (b, s) => `      "env": { "TOKEN_${b}": "${s}" }`,
      () => "    },",
    ]),
  },
  {
    name: "aider-conf",
    path: ".aider.conf.yml",
    line: (k, s) => (k === 0 ? `yes-always: ${s === "new"}` : `setting-${tag(s)}-${k}: value${k}`),
  },
  {
    name: "AGENTS.md",
    path: "AGENTS.md",
    line: (k, s) =>
      k % 4 === 0
        ? `- ${s === "new" ? "You may" : "Never"} run destructive commands without asking (rule ${k}).`
        : `- Keep module ${k} small; ${s === "old" ? "always" : "usually"} run the tests before committing.`,
  },
  {
    name: "CLAUDE.md",
    path: "CLAUDE.md",
    line: (k, s) => `${k % 30 === 0 ? "## Section" : "-"} ${s === "new" ? "Skip" : "Require"} review for change ${k}.`,
  },
  {
    name: "cursor-rules",
    path: ".cursor/rules/main.mdc",
    line: (k, s) => `- Rule ${k}: ${s === "new" ? "auto-approve" : "ask before"} shell commands in dir${k}.`,
  },
  {
    name: "Dockerfile",
    path: "Dockerfile",
    line: (k, s) =>
      k % 10 === 0
        ? `FROM node:${s === "new" ? "latest" : "20"} AS stage${k}`
        : `RUN apt-get install -y pkg${k} && curl -sSL https://example.com/i${k}.sh | sh # ${s}`,
  },
  {
    name: "source-bypass",
    path: "src/server/handlers.ts",
    line: (k, s) => {
      const forms = [
        `  // eslint-disable-next-line no-unused-vars`,
        `  // @ts-ignore ${s}`,
        `  if (!user.isAdmin) throw new Forbidden(); // ${k}`,
        `  await requireAuth(req${k});`,
        `  const v${k} = compute(${k}); // biome-ignore lint: ${s}`,
        `  verify: ${s === "new" ? "false" : "true"},`,
        `  rejectUnauthorized: ${s !== "new"},`,
        `  execSync("rm -rf /tmp/build${k}");`,
      ];
      return forms[k % forms.length]!;
    },
  },
  {
    name: "test-skips",
    path: "test/handlers.test.ts",
    line: (k, s) =>
      k % 3 === 0
        ? `  it${s === "new" ? ".skip" : ""}("case ${k}", () => {`
        : k % 3 === 1
          ? `    expect(handle(${k})).toBe(${s === "new" ? "undefined" : k});`
          : "  });",
  },
  {
    name: "shell-script",
    path: "scripts/deploy.sh",
    line: (k, s) => {
      const forms = [
        `rm -rf "/srv/app${k}"`,
        `terraform destroy -auto-approve -target=module.m${k}`,
        `git push --force origin ${s}-${k}`,
        `aws s3 rb s3://bucket-${k} --force`,
        `kubectl delete namespace ns-${k}`,
        `echo "step ${k} ${s}"`,
      ];
      return forms[k % forms.length]!;
    },
  },
  {
    name: "markdown",
    path: "docs/guide.md",
    line: (k, s, pick) =>
      k % 25 === 0
        ? `## Section ${k}`
        : `Paragraph ${k} (${s}) with [a link](https://example.com/${pick(1000)}) and \`code ${k}\` in it.`,
  },
  // One huge block each: loops over a block's lines, a document's keys or a statement's rows.
  {
    name: "tf-one-block",
    path: "infra/locals.tf",
    line: (k, s) => (k === 0 ? "locals {" : `  setting_${tag(s)}_${k} = "${k % 97}"`),
  },
  {
    name: "k8s-one-doc",
    path: "deploy/k8s/config.yaml",
    line: (k, s) =>
      k === 0 ? "apiVersion: v1" : k === 1 ? "kind: ConfigMap" : k === 2 ? "data:" : `  key_${tag(s)}_${k}: "v${k}"`,
  },
  {
    name: "workflow-one-job",
    path: ".github/workflows/big.yml",
    line: (k, s) =>
      k === 0
        ? "jobs:"
        : k === 1
          ? "  build:"
          : k === 2
            ? "    steps:"
            : k % 2
              ? `      - run: echo ${tag(s)} ${k}`
              : `      - uses: org/a${k % 30}@v${s === "new" ? 2 : 1}`,
  },
  {
    // One job whose steps run a coding agent: the agent rules read the job's permissions and gates.
    name: "workflow-agent-steps",
    path: ".github/workflows/agents.yml",
    line: (k, s) =>
      k === 0
        ? "jobs:"
        : k === 1
          ? "  review:"
          : k === 2
            ? "    permissions: { contents: write }"
            : k === 3
              ? "    steps:"
              : k % 3 === 1
                ? "      - uses: anthropics/claude-code-action@v1"
                : k % 3 === 2
                  ? "        with:"
                  : `          prompt: review part ${tag(s)} ${k}`,
  },
  {
    name: "sql-one-insert",
    path: "db/migrations/V8__seed.sql",
    line: (k, s) => (k === 0 ? "INSERT INTO seed (id, v) VALUES" : `  (${k}, '${s}-${k}'),`),
  },
  {
    name: "minified",
    path: "dist/app.min.js",
    singleLine: true,
    line: (k, s, pick) => `var a${k}=function(b){return b*${pick(997)}+"${s}"};`,
  },
];

const HUNK = 60;

/** mixed: a modified file in many hunks; added / deleted: a new or deleted file, one hunk. */
const SHAPES = ["mixed", "added", "deleted"] as const;
type Shape = (typeof SHAPES)[number];

/** One file of `lines` changed lines; mixed: hunks of HUNK, pure additions, pure deletions, then -/+ pairs. */
export function scalingDiff(kind: FileKind, lines: number, shape: Shape = "mixed", seed = 15): string {
  const random = prng(seed);
  const pick = (n: number) => Math.floor(random() * n);
  if (shape !== "mixed" && !kind.singleLine) {
    // The whole file in one hunk: readers that take an added or deleted file as a whole document.
    const added = shape === "added";
    const body: string[] = [];
    for (let k = 0; k < lines; k++) body.push(`${added ? "+" : "-"}${kind.line(k, added ? "new" : "old", pick)}`);
    return `${[
      `diff --git a/${kind.path} b/${kind.path}`,
      added ? "new file mode 100644" : "deleted file mode 100644",
      added ? "--- /dev/null" : `--- a/${kind.path}`,
      added ? `+++ b/${kind.path}` : "+++ /dev/null",
      added ? `@@ -0,0 +1,${lines} @@` : `@@ -1,${lines} +0,0 @@`,
      ...body,
    ].join("\n")}\n`;
  }
  const out = [`diff --git a/${kind.path} b/${kind.path}`, `--- a/${kind.path}`, `+++ b/${kind.path}`];
  if (kind.singleLine) {
    const parts = (side: Side) => {
      const chunks: string[] = [];
      for (let k = 0; k < lines; k++) chunks.push(kind.line(k, side, pick));
      return chunks.join("");
    };
    out.push("@@ -1 +1 @@", `-${parts("old")}`, `+${parts("new")}`);
    return `${out.join("\n")}\n`;
  }
  let oldLine = 1;
  let newLine = 1;
  let k = 0;
  for (let done = 0, segment = 0; done < lines; segment++) {
    const size = Math.min(HUNK, lines - done);
    const shape = segment % 3;
    const removed = shape === 0 ? 0 : shape === 1 ? size : size / 2;
    const added = size - removed;
    const body: string[] = [];
    for (let c = 0; c < 2; c++) body.push(` ${kind.line(k++, "ctx", pick)}`);
    if (shape === 2) {
      for (let j = 0; j < size / 2; j++, k++)
        body.push(`-${kind.line(k, "old", pick)}`, `+${kind.line(k, "new", pick)}`);
    } else {
      for (let j = 0; j < size; j++, k++)
        body.push(`${shape === 0 ? "+" : "-"}${kind.line(k, shape === 0 ? "new" : "old", pick)}`);
    }
    out.push(`@@ -${oldLine},${removed + 2} +${newLine},${added + 2} @@`, ...body);
    oldLine += removed + 2 + 5;
    newLine += added + 2 + 5;
    done += size;
  }
  return `${out.join("\n")}\n`;
}

/** Best of `runs` timings (two cores are often shared: the minimum is the least disturbed run), and the findings. */
async function timeAnalyze(diff: string, runs: number): Promise<{ ms: number; findings: number }> {
  let ms = Number.POSITIVE_INFINITY;
  let findings = 0;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const report = await analyze({ diff });
    ms = Math.min(ms, performance.now() - start);
    findings = report.findings.length;
  }
  return { ms, findings };
}

/**
 * Default sizes per shape. A new file is read whole (parsed as one document), but only up to the 512 KB
 * whole-file parse limit: its 4N lines must stay under it, or the larger size falls back to the cheap line
 * scan and a quadratic parse hides.
 */
const DEFAULT_LINES: Record<Shape, number> = { mixed: 5_000, added: 3_000, deleted: 3_000 };

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      lines: { type: "string" },
      only: { type: "string" },
      shape: { type: "string", default: "mixed,added" },
      strict: { type: "boolean", default: false },
    },
  });
  const shapes = values.shape.split(",") as Shape[];
  for (const shape of shapes) if (!SHAPES.includes(shape)) throw new Error(`--shape: one of ${SHAPES.join(", ")}`);
  const only = values.only ? new Set(values.only.split(",")) : null;
  const kinds = KINDS.filter((kind) => !only || only.has(kind.name));
  let flagged = 0;
  for (const shape of shapes) {
    const n = values.lines ? Number(values.lines) : DEFAULT_LINES[shape];
    // Warm-up: every parser and rule loads once before anything is timed.
    for (const kind of kinds) await timeAnalyze(scalingDiff(kind, 120, shape), 1);
    console.log(
      `\none ${shape} file per kind, ${n} and ${4 * n} changed lines; growth above 6x for 4x input is flagged\n`,
    );
    console.log(
      `${"kind".padEnd(20)}${"ms@N".padStart(9)}${"ms@4N".padStart(10)}${"µs/line".padStart(10)}${"growth".padStart(8)}${"findings@4N".padStart(13)}`,
    );
    for (const kind of kinds) {
      const small = (await timeAnalyze(scalingDiff(kind, n, shape), 2)).ms;
      const { ms: large, findings } = await timeAnalyze(scalingDiff(kind, 4 * n, shape), 2);
      const growth = large / Math.max(small, 0.01);
      const flag = growth > 6 ? "  <-- superlinear" : "";
      if (flag) flagged++;
      console.log(
        `${kind.name.padEnd(20)}${small.toFixed(0).padStart(9)}${large.toFixed(0).padStart(10)}` +
          `${((large * 1000) / (4 * n)).toFixed(1).padStart(10)}${`${growth.toFixed(1)}x`.padStart(8)}${String(findings).padStart(13)}${flag}`,
      );
    }
  }
  console.log(`\n${flagged} of ${kinds.length * shapes.length} kinds and shapes grow faster than the input`);
  if (values.strict && flagged > 0) process.exitCode = 1;
}

// Run only as a script, so a test or a profiler can import scalingDiff.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
