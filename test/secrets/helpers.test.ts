// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the tests feed literal ${VAR} placeholders to the filters
import { describe, expect, it } from "vitest";
import { base62, crc32, hasValidCrc32Suffix } from "../../src/secrets/checksum.js";
import { charClassCount, shannonEntropy } from "../../src/secrets/entropy.js";
import { classifyKey, judgeGenericValue } from "../../src/secrets/generic.js";
import { maskSecret, sha256Hex } from "../../src/secrets/mask.js";
import { isPlaceholderValue, isReference, sequentialShare } from "../../src/secrets/placeholder.js";
import { FAKE } from "./fixtures.js";

describe("checksums", () => {
  it("computes IEEE CRC-32 like zlib", () => {
    expect(crc32("123456789")).toBe(0xcbf43926);
    expect(crc32("")).toBe(0);
  });

  it("encodes base62 with 0-9A-Za-z and pads", () => {
    expect(base62(0, 6)).toBe("000000");
    expect(base62(61)).toBe("z");
    expect(base62(62)).toBe("10");
    expect(base62(0xffffffff, 6)).toBe("4gfFC3");
  });

  it("verifies the GitHub/npm token checksum", () => {
    expect(hasValidCrc32Suffix(FAKE.githubPat)).toBe(true);
    expect(hasValidCrc32Suffix(FAKE.npm)).toBe(true);
    expect(hasValidCrc32Suffix(FAKE.githubPatBadChecksum)).toBe(false);
    expect(hasValidCrc32Suffix("ghp_short")).toBe(false);
  });
});

describe("masking", () => {
  it("shows the kind, the public prefix only, the length and a hash prefix for random formats", () => {
    const masked = maskSecret("npm access token", FAKE.npm, { prefix: "npm_", hash: true });
    expect(masked).toBe(`npm access token npm_…(40 chars, sha256:${sha256Hex(FAKE.npm).slice(0, 8)})`);
    expect(masked).not.toContain(FAKE.npm.slice(4, 10));
  });

  it("shows no character of a value without a public prefix, and no hash of a guessable one", () => {
    expect(maskSecret("password", "hunter22")).toBe("password …(8 chars)");
    expect(maskSecret("AWS secret access key", FAKE.awsSecret)).toBe("AWS secret access key …(40 chars)");
    // A prefix the value does not start with is not shown.
    expect(maskSecret("x", "abcdefgh", { prefix: "ghp_" })).toBe("x …(8 chars)");
  });
});

describe("entropy and filters", () => {
  it("scores random strings above words", () => {
    expect(shannonEntropy(FAKE.password)).toBeGreaterThan(4);
    expect(shannonEntropy("postgres")).toBeLessThan(3);
    expect(shannonEntropy("")).toBe(0);
    expect(charClassCount("aB3!")).toBe(4);
  });

  it("recognizes references and placeholders", () => {
    for (const v of [
      "${DB_PASSWORD}",
      "$TOKEN",
      "%APPDATA%",
      "<your-key>",
      "process.env.KEY",
      "vault:secret/db",
      "[Filtered]",
    ])
      expect(isReference(v), v).toBe(true);
    for (const v of ["changeme", "xxxxxxxxxxxx", "REPLACE_ME", "my-example-key", "abc123xyz456"])
      expect(isPlaceholderValue(v), v).toBe(true);
    expect(isPlaceholderValue(FAKE.password)).toBe(false);
    expect(sequentialShare("abcdef")).toBe(1);
  });

  it("classifies key names", () => {
    expect(classifyKey("DB_PASSWORD")).toBe("secret");
    expect(classifyKey("apiKey")).toBe("secret");
    expect(classifyKey("client_secret")).toBe("secret");
    expect(classifyKey("config.auth_token")).toBe("secret");
    expect(classifyKey("signing_key")).toBe("secret");
    expect(classifyKey("data_key")).toBe("weak-key");
    expect(classifyKey("kms_key_id")).toBe("none");
    expect(classifyKey("SITE_KEY")).toBe("none");
    expect(classifyKey("password_min_length")).toBe("none");
    expect(classifyKey("passwordHash")).toBe("none");
    expect(classifyKey("bypass")).toBe("none");
  });

  it("judges generic values", () => {
    expect(judgeGenericValue(FAKE.password, false)).toEqual({ ok: true, strong: true });
    expect(judgeGenericValue("Enter your password", false).ok).toBe(false);
    expect(judgeGenericValue("lengthComputable", true).ok).toBe(false);
    expect(judgeGenericValue("3f2b8c1e-9d4a-4b7e-8f6a-2c1d0e9b8a7f", false).ok).toBe(false);
  });
});
