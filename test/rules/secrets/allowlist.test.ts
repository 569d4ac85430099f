import { describe, expect, it } from "vitest";
import { providerTokenRule } from "../../../src/rules/secrets/provider-token.js";
import { sha256Hex } from "../../../src/secrets/mask.js";
import { FAKE } from "../../secrets/fixtures.js";
import { addedFile, runRule } from "../../support/diff.js";

describe("secrets.allowlist", () => {
  const diff = addedFile("src/fixtures-data.ts", [`export const token = "${FAKE.githubInstallation}";`]);

  it("skips allowlisted paths", async () => {
    const config = { secrets: { allowlist: { paths: ["src/fixtures-*.ts"] } } };
    expect(await runRule(providerTokenRule, diff, { config })).toEqual([]);
  });

  it("skips values by SHA-256", async () => {
    const config = { secrets: { allowlist: { values_sha256: [sha256Hex(FAKE.githubInstallation)] } } };
    expect(await runRule(providerTokenRule, diff, { config })).toEqual([]);
  });

  it("skips values matching an RE2 pattern, and keeps others", async () => {
    const config = { secrets: { allowlist: { patterns: ["^ghs_Eeeby"] } } };
    expect(await runRule(providerTokenRule, diff, { config })).toEqual([]);
    const other = addedFile("src/x.ts", [`export const token = "${FAKE.githubPat}";`]);
    expect(await runRule(providerTokenRule, other, { config })).toHaveLength(1);
  });
});
