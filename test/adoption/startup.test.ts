import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { applyDotEnv, checkStartup } from "../../app/startup.js";
import { ROOT } from "./bundle.js";

/** The start-up check outside production (production is covered by spawning the bundle: server.test.ts). */

const KEY = readFileSync(join(ROOT, "test/fixtures/app/mock-cert.pem"), "utf8");
const emptyDir = () => mkdtempSync(join(tmpdir(), "arg-startup-"));

describe("start-up check outside production", () => {
  test("no APP_ID: Probot's setup page, with nothing to warn about (it writes the secret)", () => {
    expect(checkStartup({}, emptyDir())).toEqual({ problems: [], warnings: [] });
  });

  test("a configured App without a webhook secret starts, with a warning", () => {
    const report = checkStartup({ APP_ID: "3", PRIVATE_KEY: KEY }, emptyDir());
    expect(report.problems).toEqual([]);
    expect(report.warnings).toEqual([expect.stringContaining("WEBHOOK_SECRET is not set")]);
  });

  test("a broken key is a problem in every mode: Probot would fall back to its setup page", () => {
    const report = checkStartup({ APP_ID: "3", PRIVATE_KEY_PATH: "./nope.pem", WEBHOOK_SECRET: "s" }, emptyDir());
    expect(report.problems).toEqual([expect.stringContaining("PRIVATE_KEY_PATH")]);
  });

  test("a lone *.pem in the working directory is the key, as Probot finds it", () => {
    const dir = emptyDir();
    writeFileSync(join(dir, "my-app.2026-01-01.private-key.pem"), KEY);
    expect(checkStartup({ NODE_ENV: "production", APP_ID: "3", WEBHOOK_SECRET: "s" }, dir).problems).toEqual([]);
  });

  test(".env overrides the environment, as Probot's run() applies it", () => {
    const dir = emptyDir();
    writeFileSync(join(dir, ".env"), "APP_ID=9\nWEBHOOK_SECRET='quoted value'\n");
    const env: NodeJS.ProcessEnv = { APP_ID: "1" };
    applyDotEnv(env, dir);
    expect(env).toEqual({ APP_ID: "9", WEBHOOK_SECRET: "quoted value" });
    applyDotEnv(env, emptyDir());
    expect(env.APP_ID).toBe("9");
  });
});
