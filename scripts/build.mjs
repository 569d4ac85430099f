// Bundles the CLI, the Action, the App's server and Lambda entries and the engine's public API into dist/
// with esbuild (ESM; the Action runs on node24), and writes the engine's type declarations to dist/types/.
// `dist/` is committed: the Action runs from it, and .ci/run fails when it is stale. Every bundle is
// self-contained, which is why the package has no runtime dependencies.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import ts from "typescript";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const option = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const outdir = option("--outdir") ?? join(root, "dist");
/** `--only server,index`: just those bundles, without declarations (the container, the bundle tests). */
const only = option("--only")?.split(",");

// CJS dependencies (tunnel, undici, probot's) call require() for Node built-ins: give the ESM bundle a require.
// The bundle's own folder is kept on globalThis for CJS code that looks for files next to itself.
const banner =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url); globalThis.__aiReviewGateDist ??= new URL('.', import.meta.url).pathname;";

/** @cdktf/hcl2json finds its WASM next to its own file; in the bundle it lives in dist/hcl2json/. */
const hcl2jsonPlugin = {
  name: "hcl2json-wasm-path",
  setup(b) {
    b.onLoad({ filter: /@cdktf[\\/]hcl2json[\\/]lib[\\/]bridge\.js$/ }, (args) => {
      const src = readFileSync(args.path, "utf8").replace(
        /\(0, path_1\.join\)\(__dirname, "\.\.", "main\.wasm\.gz"\)/,
        // No import.meta here: it would make esbuild treat this CommonJS file as ESM.
        '(0, path_1.join)(globalThis.__aiReviewGateDist, "hcl2json", "main.wasm.gz")',
      );
      return { contents: src, loader: "js" };
    });
  },
};

/** libpg-query's Emscripten loader looks for its WASM in `__dirname`, which an ESM bundle lacks. */
const libpgQueryPlugin = {
  name: "libpg-query-wasm-path",
  setup(b) {
    b.onLoad({ filter: /libpg-query[\\/]wasm[\\/]libpg-query\.js$/ }, (args) => {
      const src = readFileSync(args.path, "utf8").replace(
        'scriptDirectory=__dirname+"/"',
        "scriptDirectory=globalThis.__aiReviewGateDist",
      );
      return { contents: src, loader: "js" };
    });
  },
};

/**
 * With REDIS_URL, Probot clusters its request throttling (Bottleneck) in Redis through an ioredis it
 * loads at run time with `npxImport("ioredis@…")`, and Bottleneck's IORedisConnection loads ioredis
 * again with a hidden require unless given the module: both fail in the container (no node_modules).
 * Load the ioredis the App bundles anyway, and hand it to Bottleneck (its documented `Redis` option).
 */
const probotRedisPlugin = {
  name: "probot-bundled-ioredis",
  setup(b) {
    b.onLoad({ filter: /probot[\\/]lib[\\/]octokit[\\/]get-octokit-throttle-options\.js$/ }, (args) => {
      let src = readFileSync(args.path, "utf8");
      const patches = [
        [/await npxImport\("ioredis@[^"]+", \{ onlyPackageRunner: true \}\)/, 'await import("ioredis")'],
        [
          /new Bottleneck\.IORedisConnection\(\{/,
          'new Bottleneck.IORedisConnection({ Redis: (await import("ioredis")).Redis,',
        ],
      ];
      for (const [pattern, replacement] of patches) {
        if (!pattern.test(src))
          throw new Error(`${args.path}: ${pattern} not found; Probot changed how it loads ioredis`);
        src = src.replace(pattern, replacement);
      }
      return { contents: src, loader: "js" };
    });
  },
};

const entries = [
  { in: "src/index.ts", out: "engine" },
  { in: "src/cli/index.ts", out: "cli" },
  { in: "action/main.ts", out: "index" },
  { in: "app/server.ts", out: "server" },
  { in: "app/lambda.ts", out: "lambda" },
].filter((e) => existsSync(join(root, e.in)) && (!only || only.includes(e.out)));
if (only && entries.length !== only.length) throw new Error(`--only: unknown bundle in ${only.join(",")}`);

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: entries.map((e) => ({ in: e.in, out: e.out })),
  outdir,
  bundle: true,
  splitting: false,
  platform: "node",
  target: "node20",
  format: "esm",
  banner: { js: banner },
  legalComments: "none",
  logLevel: "warning",
  plugins: [hcl2jsonPlugin, libpgQueryPlugin, probotRedisPlugin],
  // hcl2json's Go shim does `globalThis.performance ??= require("performance")`; Node always has
  // globalThis.performance, so that require never runs: leave it unresolved.
  external: ["performance"],
});

// WASM parsers load their binaries from beside the bundle.
const pg = join(root, "node_modules/libpg-query/wasm/libpg-query.wasm");
if (existsSync(pg)) copyFileSync(pg, join(outdir, "libpg-query.wasm"));
const hcl = join(root, "node_modules/@cdktf/hcl2json/main.wasm.gz");
if (existsSync(hcl)) {
  mkdirSync(join(outdir, "hcl2json"), { recursive: true });
  copyFileSync(hcl, join(outdir, "hcl2json/main.wasm.gz"));
}

/**
 * Declarations of the engine's public API (`types` in package.json). The libraries are bundled, so
 * the package does not depend on them, and a declaration may not import them either: a module whose
 * declaration would (the config's zod schema) is replaced by its exported types written out in full.
 */
function writeDeclarations(typesDir) {
  const options = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    skipLibCheck: true,
    resolveJsonModule: true,
    types: ["node"],
    declaration: true,
    emitDeclarationOnly: true,
    rootDir: join(root, "src"),
    outDir: typesDir,
    newLine: ts.NewLineKind.LineFeed,
  };
  const program = ts.createProgram([join(root, "src/index.ts")], options);
  const checker = program.getTypeChecker();
  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed });
  /** Packages a declaration imports (TypeScript's own pre-parser; relative and node: imports excepted). */
  const packagesImported = (text) =>
    ts
      .preProcessFile(text, true, true)
      .importedFiles.map((f) => f.fileName)
      .filter((name) => !name.startsWith(".") && !name.startsWith("node:"));
  const expanded = (sourcePath) => {
    const sf = program.getSourceFile(sourcePath);
    const flags =
      ts.NodeBuilderFlags.NoTruncation | ts.NodeBuilderFlags.InTypeAlias | ts.NodeBuilderFlags.MultilineObjectLiterals;
    const out = [
      `// Generated by scripts/build.mjs from ${relative(root, sourcePath)}: its types, written out in full.`,
    ];
    for (const st of sf.statements) {
      const exported = st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (!exported || !(ts.isTypeAliasDeclaration(st) || ts.isInterfaceDeclaration(st))) continue;
      const node = checker.typeToTypeNode(checker.getTypeAtLocation(st.name), undefined, flags);
      out.push(`export type ${st.name.text} = ${printer.printNode(ts.EmitHint.Unspecified, node, sf)};`);
    }
    return `${out.join("\n")}\n`;
  };
  const problems = [];
  const result = program.emit(undefined, (fileName, text, _bom, _onError, sourceFiles) => {
    const source = sourceFiles?.[0]?.fileName;
    let content = text;
    if (packagesImported(text).length > 0 && source) content = expanded(source);
    const left = packagesImported(content);
    if (left.length > 0) problems.push(`${relative(typesDir, fileName)} imports ${left.join(", ")}`);
    mkdirSync(dirname(fileName), { recursive: true });
    writeFileSync(fileName, content);
  });
  const errors = ts.getPreEmitDiagnostics(program).concat(result.diagnostics);
  for (const d of errors) problems.push(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  if (problems.length > 0) throw new Error(`declarations: ${problems.join("; ")}`);
}
if (!only) writeDeclarations(join(outdir, "types"));

console.log(`built ${entries.map((e) => `${e.out}.js`).join(", ")}${only ? "" : " and types/"} into ${outdir}`);
