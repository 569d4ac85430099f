/**
 * The benchmark's synthetic pull requests: seeded, so every run and every machine scans the same bytes.
 * Two mixes over the same file kinds (source, tests, SQL migrations, Terraform, Kubernetes YAML,
 * workflows, lockfiles, Go, docs):
 *   mixed           ordinary changes; a few percent of the files raise a finding
 *   findings-heavy  the same files, but in two of every seven SQL migrations and Kubernetes manifests every
 *                   line is a destructive statement or a risky setting, so each raises its own finding: about
 *                   1,000 findings at the smallest size and 66,000 at 1,000,000 lines (the issue's reference run)
 * Files are 60 % modified (half the lines removed, half added), 35 % added, 5 % deleted.
 */
import { prng } from "../test/support/prng.js";

export interface Size {
  name: string;
  files: number;
  linesPerFile: number;
}

export const SIZES: readonly Size[] = [
  { name: "xs", files: 300, linesPerFile: 50 },
  { name: "s", files: 2_000, linesPerFile: 50 },
  { name: "m", files: 6_000, linesPerFile: 50 },
  { name: "l", files: 20_000, linesPerFile: 50 },
];

/**
 * The fixed cost of a scan, measured on a diff this small: a few lines in each file kind (the seed puts
 * every kind in it, heavy files included; bench-diff.test.ts checks that), so the first migration,
 * Terraform file and manifest pay their parsers' one-time load here, as they do in a large scan. An empty
 * diff loads none of them, and their load would count as per-line cost of the smaller sizes.
 */
export const WARM_UP: Size = { name: "warm-up", files: 60, linesPerFile: 4 };

export const MIXES = ["mixed", "findings-heavy"] as const;
export type Mix = (typeof MIXES)[number];

export const KINDS = ["ts", "py", "test", "sql", "tf", "k8s", "workflow", "lock", "go", "md"] as const;
type Kind = (typeof KINDS)[number];

/**
 * One statement per line, each a separate migration finding. One in nine is SQL Server's sp_rename, which
 * the PostgreSQL parser rejects: the tolerant path for other dialects is timed too.
 */
const HEAVY_SQL: ReadonlyArray<(t: string, c: string) => string> = [
  (t, c) => `ALTER TABLE ${t} DROP COLUMN ${c};`,
  (t, c) => `DROP TABLE ${t}_${c};`,
  (t, c) => `ALTER TABLE ${t} ALTER COLUMN ${c} TYPE bigint;`,
  (t, c) => `UPDATE ${t} SET ${c} = 0;`,
  (t, c) => `ALTER TABLE ${t} ALTER COLUMN ${c} SET NOT NULL;`,
  (t, c) => `DELETE FROM ${t}_${c};`,
  (t, c) => `EXEC sp_rename '${t}.${c}', '${c}_old', 'COLUMN';`,
  (t, c) => `ALTER TABLE ${t} RENAME COLUMN ${c} TO ${c}_new;`,
  (t, c) => `ALTER TABLE ${t} ADD COLUMN ${c} integer NOT NULL;`,
];

/** Settings that stop a workload or let data go, one per line. */
const HEAVY_K8S: readonly string[] = [
  "replicas: 0",
  "reclaimPolicy: Delete",
  "prune: true",
  "whenDeleted: Delete",
  "replicaCount: 0",
  "persistentVolumeReclaimPolicy: Delete",
];

function pathFor(kind: Kind, i: number): string {
  switch (kind) {
    case "ts":
      return `packages/p${i % 50}/src/module${i}.ts`;
    case "py":
      return `service/app/handlers/h${i}.py`;
    case "test":
      return `packages/p${i % 50}/test/module${i}.test.ts`;
    case "sql":
      return `db/migrations/V${i}__change_${i}.sql`;
    case "tf":
      return `infra/modules/m${i}/main.tf`;
    case "k8s":
      return `deploy/k8s/app${i}.yaml`;
    case "workflow":
      return `.github/workflows/ci${i}.yml`;
    case "lock":
      return `packages/p${i}/package-lock.json`;
    case "go":
      return `internal/svc${i}/handler.go`;
    default:
      return `docs/guide${i}.md`;
  }
}

/** Whether file i of the findings-heavy mix has a finding on every line (when it is a migration or a manifest). */
function heavyFile(mix: Mix, i: number): boolean {
  return mix === "findings-heavy" && i % 7 < 2;
}

function lineFor(kind: Kind, mix: Mix, i: number): (n: number) => string {
  switch (kind) {
    case "ts":
      return (n) => `  const value${n} = compute(input${n}, { retries: ${n % 7} }); // step ${n}`;
    case "py":
      return (n) => `    result_${n} = session.query(Model).filter(Model.id == ${n}).first()`;
    case "test":
      return (n) => `  it("handles case ${n}", () => expect(fn(${n})).toBe(${n * 2}));`;
    case "sql":
      if (heavyFile(mix, i)) return (n) => HEAVY_SQL[n % HEAVY_SQL.length]!(`t${i}`, `c${n}`);
      return (n) =>
        n % 10 === 0
          ? `ALTER TABLE t${i} ADD COLUMN c${n} integer;`
          : `INSERT INTO audit_log (event, n) VALUES ('seed', ${n});`;
    case "tf":
      return (n) =>
        n % 5 === 0
          ? `resource "aws_s3_bucket" "b${i}_${n}" {`
          : n % 5 === 4
            ? "}"
            : `  tags = { Name = "b${n}", Team = "platform" }`;
    case "k8s":
      if (heavyFile(mix, i)) return (n) => `  ${HEAVY_K8S[n % HEAVY_K8S.length]}`;
      return (n) => (n % 10 === 0 ? "---" : `    app.kubernetes.io/component-${n}: web`);
    case "workflow":
      return (n) => `      - run: npm run task-${n} -- --shard ${n % 4}`;
    case "lock":
      return (n) =>
        `      "integrity": "sha512-${Buffer.from(`pkg${i}-${n}-integrity-hash-value`).toString("base64")}",`;
    case "go":
      return (n) => `\tif err := h.store.Put(ctx, key${n}); err != nil { return fmt.Errorf("put: %w", err) }`;
    default:
      return (n) => `Step ${n}: run the command and check the output carefully.`;
  }
}

/** One file of the pull request, in the shape of GitHub's "list pull request files" answer. */
export interface GeneratedFile {
  filename: string;
  status: "added" | "modified" | "removed";
  additions: number;
  deletions: number;
  /** The hunks, as GitHub's `patch` field carries them. */
  patch: string;
}

export function* generateFiles(size: Size, mix: Mix, seed = 42): Generator<GeneratedFile> {
  const rand = prng(seed);
  const n = size.linesPerFile;
  for (let i = 0; i < size.files; i++) {
    const kind = KINDS[Math.floor(rand() * KINDS.length)]!;
    const filename = pathFor(kind, i);
    const line = lineFor(kind, mix, i);
    const mode = rand();
    const hunk: string[] = [];
    if (mode < 0.6) {
      // Modified: half the lines removed, half added, with a context line either side.
      const half = n / 2;
      hunk.push(`@@ -10,${half + 2} +10,${half + 2} @@ context`, ` ${line(0)}`);
      for (let k = 1; k <= half; k++) hunk.push(`-${line(k)}`);
      for (let k = 1; k <= half; k++) hunk.push(`+${line(k + 1000)}`);
      hunk.push(` ${line(9999)}`);
      yield { filename, status: "modified", additions: half, deletions: half, patch: hunk.join("\n") };
    } else if (mode < 0.95) {
      hunk.push(`@@ -0,0 +1,${n} @@`);
      for (let k = 1; k <= n; k++) hunk.push(`+${line(k)}`);
      yield { filename, status: "added", additions: n, deletions: 0, patch: hunk.join("\n") };
    } else {
      hunk.push(`@@ -1,${n} +0,0 @@`);
      for (let k = 1; k <= n; k++) hunk.push(`-${line(k)}`);
      yield { filename, status: "removed", additions: 0, deletions: n, patch: hunk.join("\n") };
    }
  }
}

/** The `git diff` headers of one file. */
function header(f: GeneratedFile): string {
  const p = f.filename;
  if (f.status === "added")
    return `diff --git a/${p} b/${p}\nnew file mode 100644\nindex 0000000..3333333\n--- /dev/null\n+++ b/${p}\n`;
  if (f.status === "removed")
    return `diff --git a/${p} b/${p}\ndeleted file mode 100644\nindex 4444444..0000000\n--- a/${p}\n+++ /dev/null\n`;
  return `diff --git a/${p} b/${p}\nindex 1111111..2222222 100644\n--- a/${p}\n+++ b/${p}\n`;
}

/** The whole pull request as one unified diff, with its count of changed (added + removed) lines. */
export function generateDiff(size: Size, mix: Mix = "mixed", seed = 42): { text: string; lines: number } {
  const parts: string[] = [];
  let lines = 0;
  for (const f of generateFiles(size, mix, seed)) {
    parts.push(header(f), f.patch, "\n");
    lines += f.additions + f.deletions;
  }
  return { text: parts.join(""), lines };
}
