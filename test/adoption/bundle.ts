import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Helpers for the tests that run what ships: a bundle built fresh, spawned with the Node running the tests. */

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Builds the named bundles with the project's build script. The folder sits under node_modules/.cache,
 * as dist/ sits in a clone: packages the bundle imports at run time (smee-client) resolve the same way.
 */
export function buildBundles(only: string[]): string {
  const cache = join(ROOT, "node_modules/.cache");
  mkdirSync(cache, { recursive: true });
  const outdir = mkdtempSync(join(cache, "arg-bundle-"));
  execFileSync(process.execPath, [join(ROOT, "scripts/build.mjs"), "--outdir", outdir, "--only", only.join(",")], {
    cwd: ROOT,
    stdio: "pipe",
  });
  writeFileSync(join(outdir, "package.json"), '{"type":"module"}\n');
  return outdir;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface Spawned {
  child: ChildProcess;
  /** stdout and stderr so far. */
  output(): { stdout: string; stderr: string };
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Runs `node <script>` with exactly this environment (plus PATH): nothing leaks in from the test's own. */
export function spawnNode(script: string, env: Record<string, string>, cwd: string): Spawned {
  const child = spawn(process.execPath, [script], {
    cwd,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
  return { child, output: () => ({ stdout, stderr }), exited };
}

/** Polls until `probe` returns a value or the deadline passes (then throws with the process output). */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  proc?: Spawned,
  ms = 15_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  const out = proc ? `\nstdout: ${proc.output().stdout}\nstderr: ${proc.output().stderr}` : "";
  throw new Error(`timed out waiting for ${what}${out}`);
}
