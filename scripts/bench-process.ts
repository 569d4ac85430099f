/**
 * Timing a child process for the benchmarks: wall time from spawn to exit, and the child's own CPU time
 * and peak RSS (each measured program runs in its own process, so the peak is its own, not the bench's).
 */
import { spawn } from "node:child_process";

/**
 * Preloaded with `node --import`: at exit, the process prints its peak RSS (getrusage ru_maxrss, KB) and
 * the CPU time it used (user + system, all threads, µs) on stderr. CPU time barely moves when other jobs
 * share the machine, wall time does. A data: URL, so the measured program is loaded exactly as it ships,
 * with no loader or file of ours.
 */
export const USAGE_PRELOAD =
  "data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\nbench-usage='+u.maxRSS+','+(u.userCPUTime+u.systemCPUTime)+'\\n')})";

export function usage(stderr: string): { rssKb: number; cpuMs: number } {
  const m = /^bench-usage=(\d+),(\d+)$/m.exec(stderr);
  if (!m) throw new Error(`the child did not report its resource usage:\n${stderr.slice(-2000)}`);
  return { rssKb: Number(m[1]), cpuMs: Number(m[2]) / 1000 };
}

export interface Timed {
  ms: number;
  cpuMs: number;
  rssKb: number;
  stdout: string;
}

/**
 * `node --import USAGE_PRELOAD ...args`, timed; throws with the child's output when it fails, so a
 * broken build or a crash is never printed as a fast run.
 */
export function timedNode(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ["--import", USAGE_PRELOAD, ...args], {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const ms = performance.now() - t0;
      const stdout = Buffer.concat(out).toString("utf8");
      const stderr = Buffer.concat(err).toString("utf8");
      if (code !== 0) {
        reject(
          new Error(
            `node ${args.join(" ")} exited with ${code ?? signal}:\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`,
          ),
        );
        return;
      }
      try {
        resolve({ ms, ...usage(stderr), stdout });
      } catch (e) {
        reject(e);
      }
    });
  });
}
