import { lockfileOnlyRule } from "../../../src/rules/dependency/lockfile-only.js";
import { modifiedFile } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

ruleTester(lockfileOnlyRule, {
  valid: [
    {
      name: "a lock that changes with its manifest",
      diff:
        modifiedFile("package.json", [
          '   "dependencies": {',
          '-    "left-pad": "^1.3.0"',
          '+    "left-pad": "^1.4.0"',
        ]) + modifiedFile("yarn.lock", [' "left-pad@^1.3.0":', '-  version "1.3.0"', '+  version "1.4.0"']),
    },
    { name: "not a lockfile", diff: modifiedFile("src/yarn.ts", ["-const a = 1;", "+const a = 2;"]) },
    {
      name: "a lock regenerated with a Dockerfile's base image bump",
      diff:
        modifiedFile("Dockerfile", ["-FROM node:20-alpine", "+FROM node:22-alpine"]) +
        modifiedFile("yarn.lock", ['+"undici-types@^6.0.0":', '+  version "6.19.8"', ' "express@^4.18.2":'], 40),
    },
    {
      name: "a nested lock that moves with the root manifest",
      diff:
        modifiedFile("package.json", ['   "devDependencies": {', '-    "vite": "^5.0.0"', '+    "vite": "^6.0.0"']) +
        modifiedFile("web/yarn.lock", ['+"rollup@^4.0.0":', '+  version "4.20.0"', ' "vite@^6.0.0":'], 12),
    },
  ],
  invalid: [
    {
      name: "a package slipped into the lock alone (possible injection)",
      diff: modifiedFile("yarn.lock", ['+"evil-helper@^1.0.0":', '+  version "1.0.0"', ' "express@^4.18.2":'], 40),
      findings: [{ line: 40, severity: "medium", message: "evil-helper@1.0.0" }],
    },
    {
      name: "a new package in one app's lock while another app's Dockerfile changed",
      diff:
        modifiedFile("api/Dockerfile", ["-FROM python:3.11", "+FROM python:3.12"]) +
        modifiedFile("web/yarn.lock", ['+"evil-helper@^1.0.0":', '+  version "1.0.0"', ' "express@^4.18.2":'], 7),
      findings: [{ file: "web/yarn.lock", severity: "medium" }],
    },
    {
      name: "the same change by a dependency bot",
      diff: modifiedFile("yarn.lock", ['+"new-transitive@^1.0.0":', '+  version "1.0.0"', ' "express@^4.18.2":']),
      pr: { author_login: "dependabot[bot]", author_type: "Bot" },
      findings: [{ severity: "low" }],
    },
  ],
});
