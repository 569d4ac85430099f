import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { type Copy, DockerfileParser, type Instruction } from "dockerfile-ast";
import { validate } from "dockerfile-utils";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildBundles, freePort, ROOT, spawnNode, waitFor } from "./bundle.js";

/**
 * The container without a Docker engine (there is none here): the Dockerfile as parsed by dockerfile-ast,
 * checked by dockerfile-utils' validator, and its final stage laid out on disk from its COPY lines and run
 * with its ENV, CMD and HEALTHCHECK. Not covered: pulling the base image and building for real.
 */

const text = readFileSync(join(ROOT, "Dockerfile"), "utf8");
const dockerfile = DockerfileParser.parse(text);
const froms = dockerfile.getFROMs();
const finalFrom = froms[froms.length - 1]!;
const finalStage = dockerfile
  .getInstructions()
  .filter((i) => i.getRange().start.line > finalFrom.getRange().start.line);
const finalOf = (keyword: string) => finalStage.filter((i) => i.getKeyword() === keyword);
const jsonArgs = (i: Instruction) => JSON.parse(i.getArgumentsContent() ?? "null") as string[];

/** ARG defaults declared before the first FROM, as `docker build` substitutes them into FROM. */
const initialArgs = new Map(
  dockerfile.getInitialARGs().map((a) => [a.getProperty()!.getName(), a.getProperty()!.getValue() ?? ""]),
);
const image = (from: Instruction) =>
  (from.getArgumentsContent() ?? "")
    .split(/\s+/)[0]!
    .replace(/\$\{(\w+)\}/g, (_, n: string) => initialArgs.get(n) ?? "");

const env = new Map(
  finalOf("ENV").flatMap((i) =>
    (i as unknown as { getProperties(): Array<{ getName(): string; getValue(): string | null }> })
      .getProperties()
      .map((p) => [p.getName(), p.getValue() ?? ""] as const),
  ),
);

describe("Dockerfile", () => {
  test("dockerfile-utils finds no problem", () => {
    expect(validate(text).map((d) => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  test("every stage starts from a Node LTS that CI tests, pinned by version and digest", () => {
    const engines = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).engines.node as string;
    for (const from of froms) {
      const ref = image(from);
      const m = /^node:(\d+)\.\d+\.\d+-alpine[\d.]*@sha256:[0-9a-f]{64}$/.exec(ref);
      expect(m, ref).not.toBeNull();
      expect(Number(m![1]) % 2, "an even major: an LTS line").toBe(0);
      expect(engines).toContain(`^${m![1]}.`);
    }
  });

  test("the final stage runs as a non-root user, listens on all interfaces and installs nothing", () => {
    const user = finalOf("USER").at(-1)?.getArgumentsContent() ?? "";
    expect(user).toMatch(/^[1-9]\d*(:[1-9]\d*)?$/);
    expect(env.get("HOST")).toBe("0.0.0.0");
    expect(env.get("NODE_ENV")).toBe("production");
    expect(finalOf("EXPOSE").map((i) => i.getArgumentsContent())).toEqual([env.get("PORT")]);
    expect(finalOf("RUN")).toEqual([]);
    expect(finalOf("ADD")).toEqual([]);
  });
});

describe("the final stage, laid out and run", () => {
  let bundle: string;
  let root: string;
  beforeAll(() => {
    bundle = buildBundles(["server"]);
    root = mkdtempSync(join(tmpdir(), "arg-image-"));
    const workdir = finalOf("WORKDIR").at(-1)!.getArgumentsContent()!;
    for (const copy of finalOf("COPY")) {
      const fromBuild = (copy as Copy).getFromFlag() !== null;
      const paths = copy.getArguments().map((a) => a.getValue());
      const dest = join(root, workdir, paths.pop()!);
      for (const src of paths) {
        // A build-stage path /src/dist/x is the bundle folder's x; a context path is the repository's.
        const from = fromBuild ? join(bundle, src.replace(/^\/src\/dist\/?/, "")) : join(ROOT, src);
        const target = dest.endsWith("/") ? join(dest, basename(src)) : dest;
        mkdirSync(join(target, ".."), { recursive: true });
        cpSync(from, target, { recursive: true });
      }
    }
  }, 120_000);
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(bundle, { recursive: true, force: true });
  });

  test("it holds everything the server bundle needs", () => {
    const app = join(root, finalOf("WORKDIR").at(-1)!.getArgumentsContent()!);
    const wanted = readdirSync(bundle).filter((f) => f !== "package.json");
    expect(readdirSync(join(app, "dist")).sort()).toEqual(wanted.sort());
  });

  test("CMD serves /ping on HOST=0.0.0.0, and the HEALTHCHECK command sees it", async () => {
    const app = join(root, finalOf("WORKDIR").at(-1)!.getArgumentsContent()!);
    const cmd = jsonArgs(finalOf("CMD").at(-1)!);
    expect(cmd[0]).toBe("node");
    const port = String(await freePort());
    const settings = {
      APP_ID: "1",
      APP_SLUG: "ai-review-gate",
      PRIVATE_KEY: readFileSync(join(ROOT, "test/fixtures/app/mock-cert.pem"), "utf8"),
      WEBHOOK_SECRET: "container-secret",
    };
    const proc = spawnNode(join(app, cmd[1]!), { ...Object.fromEntries(env), PORT: port, ...settings }, app);
    try {
      await waitFor(async () => ((await fetch(`http://127.0.0.1:${port}/ping`)).ok ? true : undefined), "/ping", proc);
      const check = finalOf("HEALTHCHECK").at(-1)!;
      const command = JSON.parse((check.getArgumentsContent() ?? "").replace(/^.*?CMD\s+/s, "")) as string[];
      expect(command[0]).toBe("node");
      const run = () =>
        execFileSync(process.execPath, command.slice(1), {
          env: { PATH: process.env.PATH, PORT: port },
          stdio: "pipe",
        });
      expect(run).not.toThrow();
      proc.child.kill("SIGTERM");
      expect((await proc.exited).code).toBe(0);
      expect(run).toThrow();
    } finally {
      proc.child.kill("SIGKILL");
    }
  }, 60_000);
});

describe(".dockerignore", () => {
  const ignored = readFileSync(join(ROOT, ".dockerignore"), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));

  test("keeps secrets, installs and history out of the build context", () => {
    for (const p of [".env", ".env.*", "*.pem", "*.key", "node_modules", ".git"]) expect(ignored).toContain(p);
  });

  test("keeps what the build stage needs", () => {
    const needed = ["package.json", "package-lock.json", "scripts", "src", "app", "action"];
    for (const p of needed) expect(ignored.some((i) => i === p || i === `${p}/`)).toBe(false);
  });
});
