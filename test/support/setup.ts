import { createRequire } from "node:module";
import { afterEach } from "vitest";
import { validateGitHubRequest } from "./openapi.js";

/**
 * Every request that a test's nock interceptor answers for GitHub's API is checked against GitHub's
 * OpenAPI description. Problems are collected and fail the test afterwards: throwing inside the
 * interceptor would only look like a network error to the code under test, which may retry or degrade.
 */
const require = createRequire(import.meta.url);
const { Scope } = require("nock/lib/scope.js") as {
  Scope: { prototype: { emit: (...args: unknown[]) => boolean; basePath?: string } };
};

const violations: string[] = [];
const originalEmit = Scope.prototype.emit;

function isGitHubApi(url: URL): boolean {
  return url.hostname === "api.github.com" || url.pathname.startsWith("/api/v3/");
}

Scope.prototype.emit = function emit(this: unknown, event: unknown, ...args: unknown[]): boolean {
  if (event === "request") {
    const req = args[0] as { method?: string; url?: string } | undefined;
    const body = args[2] as string | undefined;
    if (req?.url && req.method) {
      try {
        const url = new URL(req.url);
        if (isGitHubApi(url)) violations.push(...validateGitHubRequest({ method: req.method, url: req.url, body }));
      } catch (e) {
        violations.push(`could not validate ${req.method} ${req.url}: ${(e as Error).message}`);
      }
    }
  }
  return originalEmit.call(this, event, ...args);
};

afterEach(() => {
  if (violations.length === 0) return;
  const found = violations.splice(0);
  throw new Error(`requests that do not match GitHub's OpenAPI description:\n  - ${found.join("\n  - ")}`);
});
