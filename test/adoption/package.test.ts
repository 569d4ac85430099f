import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, normalize } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse as parseYaml } from "yaml";
import { ROOT } from "./bundle.js";

/**
 * The npm package as a user gets it: packed by npm, installed from the tarball into an empty project
 * (offline: it must need nothing else), then used through its bin, `import` and its type declarations.
 */

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const npm = (args: string[], cwd: string) =>
  execFileSync("npm", args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, npm_config_update_notifier: "false" },
  });

let packed: { filename: string; files: Array<{ path: string }> };
let work: string;
let installed: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "arg-pack-"));
  // --ignore-scripts: packing must not build; the package is dist/ as committed.
  packed = JSON.parse(npm(["pack", "--json", "--ignore-scripts", "--pack-destination", work], ROOT))[0];
  installed = join(work, "project");
  mkdirSync(installed);
  writeFileSync(
    join(installed, "package.json"),
    '{"name":"consumer","version":"1.0.0","private":true,"type":"module"}\n',
  );
  npm(["install", "--offline", "--no-audit", "--no-fund", join(work, packed.filename)], installed);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const packedPaths = () => new Set(packed.files.map((f) => f.path));

describe("package.json and LICENSE", () => {
  test("the LICENSE is the MIT licence package.json names", () => {
    expect(pkg.license).toBe("MIT");
    const text = readFileSync(join(ROOT, "LICENSE"), "utf8");
    expect(text).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
    expect(text).toContain("Permission is hereby granted, free of charge");
  });

  test("nothing is installed at run time: the bundles carry their libraries", () => {
    for (const field of ["dependencies", "peerDependencies", "optionalDependencies", "bundleDependencies"])
      expect(pkg[field], field).toBeUndefined();
  });

  test("engines name exactly the Node majors CI tests", () => {
    const ci = parseYaml(readFileSync(join(ROOT, ".github/workflows/ci.yml"), "utf8"));
    const tested = (ci.jobs.test.strategy.matrix.node as number[]).map(String).sort();
    const majors = (pkg.engines.node as string).split("||").map((r) => /^\s*\^(\d+)\./.exec(r)?.[1]);
    expect(majors.sort()).toEqual(tested);
  });

  test("exports point at files the build writes, with types first", () => {
    const main = pkg.exports["."];
    expect(Object.keys(main)[0]).toBe("types");
    for (const target of [main.types, main.default, pkg.exports["./schema.json"], pkg.types])
      expect(existsSync(join(ROOT, target)), target).toBe(true);
  });
});

describe("what npm packs", () => {
  test("the bundles, types, schema, docs and examples; no Action bundle, sources, tests or secrets", () => {
    const paths = packedPaths();
    for (const p of ["LICENSE", "README.md", "package.json", "bin/ai-review-gate.js", "dist/cli.js", "dist/engine.js"])
      expect(paths.has(p), p).toBe(true);
    for (const p of ["dist/server.js", "dist/lambda.js", "dist/types/index.d.ts", "schema/config.schema.json"])
      expect(paths.has(p), p).toBe(true);
    // The Action runs from the git tag, not from npm.
    expect(paths.has("dist/index.js")).toBe(false);
    for (const p of paths) expect(p).not.toMatch(/^(src|test|app|action|scripts|\.github|\.ci)\/|^\.env$|\.pem$/);
  });

  test("every file the README and the shipped docs link to is in the package", () => {
    const paths = [...packedPaths()];
    const docs = paths.filter((p) => p === "README.md" || /^docs\/.*\.md$/.test(p));
    const missing: string[] = [];
    for (const doc of docs) {
      // Links only: code blocks and code spans show link syntax without linking.
      const text = readFileSync(join(ROOT, doc), "utf8")
        .replace(/^```[\s\S]*?^```/gm, "")
        .replace(/`[^`\n]*`/g, "");
      for (const m of text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) {
        const target = m[1]!;
        if (/^[a-z]+:/i.test(target)) continue;
        const path = normalize(join(dirname(doc), target)).replace(/\/$/, "");
        const shipped = paths.some((p) => p === path || p.startsWith(`${path}/`));
        if (!shipped) missing.push(`${doc} → ${target}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("installed from the tarball", () => {
  test("is one package: nothing else is pulled in", () => {
    const nm = join(installed, "node_modules");
    const top = readdirSync(nm).filter((n) => !n.startsWith("."));
    expect(top).toEqual(["ai-review-gate"]);
  });

  test("the CLI scans the bundled example", () => {
    const out = execFileSync(
      process.execPath,
      [
        join(installed, "node_modules/.bin/ai-review-gate"),
        "scan",
        "--diff",
        join(ROOT, "examples/risky-ai-pr.diff"),
        "--format",
        "json",
      ],
      { cwd: installed, encoding: "utf8" },
    );
    const report = JSON.parse(out);
    expect(report.version).toBe(1);
    expect(report.findings.length).toBeGreaterThan(0);
  });

  const diff = [
    "diff --git a/db/m.sql b/db/m.sql",
    "new file mode 100644",
    "--- /dev/null",
    "+++ b/db/m.sql",
    "@@ -0,0 +1 @@",
    "+DROP TABLE users;",
    "",
  ].join("\n");
  const program = [
    'import { analyze, defaultConfig, parseConfigText } from "ai-review-gate";',
    `const report = await analyze({ diff: ${JSON.stringify(diff)} });`,
    'const config = parseConfigText("version: 1\\ngate:\\n  threshold: high\\n", "x.yml");',
    "console.log(JSON.stringify({ level: report.risk.level, categories: report.findings.map((f) => f.category), threshold: config.gate.threshold, policy: defaultConfig().gate.policy }));",
  ].join("\n");

  test("import() gives the engine API", () => {
    writeFileSync(join(installed, "use.mjs"), program);
    const out = JSON.parse(execFileSync(process.execPath, ["use.mjs"], { cwd: installed, encoding: "utf8" }));
    expect(out).toMatchObject({ threshold: "high", policy: "ai-authored" });
    expect(out.categories).toContain("migration-destructive");
  });

  test.runIf(Number(process.versions.node.split(".")[0]) >= 22)(
    "require() works too on Node 22.12+ (require of ESM)",
    () => {
      const out = execFileSync(process.execPath, ["-e", 'console.log(typeof require("ai-review-gate").analyze)'], {
        cwd: installed,
        encoding: "utf8",
      });
      expect(out.trim()).toBe("function");
    },
  );

  test("the declarations type-check a consumer, and catch a wrong use", () => {
    const consumer = [
      'import { analyze, type Config, defaultConfig, type Report } from "ai-review-gate";',
      "const config: Config = defaultConfig();",
      'const threshold: "low" | "medium" | "high" | "critical" = config.gate.threshold;',
      'export const level: Promise<Report["risk"]["level"]> = analyze({ diff: "" }).then((r) => r.risk.level);',
      "// @ts-expect-error: thresholds are levels, not numbers",
      "config.gate.threshold = 3;",
      "export { threshold };",
    ].join("\n");
    writeFileSync(join(installed, "consumer.ts"), consumer);
    const tsconfig = {
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: ["node"],
        typeRoots: [join(ROOT, "node_modules/@types")],
      },
      files: ["consumer.ts"],
    };
    writeFileSync(join(installed, "tsconfig.json"), JSON.stringify(tsconfig));
    const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
    let output = "";
    try {
      execFileSync(process.execPath, [tsc, "-p", "."], { cwd: installed, encoding: "utf8" });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(output).toBe("");
  }, 60_000);
});
