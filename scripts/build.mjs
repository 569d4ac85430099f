// Bundles the CLI, the Action and the App into dist/ with esbuild (ESM, Node 20+; the Action runs on node24).
// `dist/` is committed: the Action runs from it, and .ci/run fails when it is stale.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = process.argv.includes("--outdir")
  ? process.argv[process.argv.indexOf("--outdir") + 1]
  : join(root, "dist");

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

const entries = [
  { in: "src/cli/index.ts", out: "cli" },
  { in: "action/main.ts", out: "index" },
  { in: "app/index.ts", out: "app" },
  { in: "app/lambda.ts", out: "lambda" },
].filter((e) => existsSync(join(root, e.in)));

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
  plugins: [hcl2jsonPlugin, libpgQueryPlugin],
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
console.log(`built ${entries.map((e) => `${e.out}.js`).join(", ")} into ${outdir}`);
