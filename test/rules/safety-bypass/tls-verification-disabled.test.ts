// biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell variables are literal text here
import { describe, expect, it } from "vitest";
import { tlsVerificationDisabledRule } from "../../../src/rules/safety-bypass/tls-verification-disabled.js";
import { addedFile, modifiedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

describe("safety-bypass/tls-verification-disabled", () => {
  it("flags TLS verification turned off in several stacks", async () => {
    const diff =
      modifiedFile("app/client.py", [
        "-    r = requests.get(url, timeout=5)",
        "+    r = requests.get(url, timeout=5, verify=False)",
      ]) +
      addedFile("src/http.ts", ["const agent = new https.Agent({ rejectUnauthorized: false });"]) +
      addedFile("pkg/client.go", ["tls := &tls.Config{InsecureSkipVerify: true}"]) +
      addedFile(".github/workflows/ci.yml", [
        "      - run: curl -sSk https://internal/health",
        "        env:",
        "          NODE_TLS_REJECT_UNAUTHORIZED: '0'",
      ]);
    const f = await runRule(tlsVerificationDisabledRule, diff);
    expect(f.map((x) => `${x.file}:${x.line}`)).toEqual([
      "app/client.py:1",
      "src/http.ts:1",
      "pkg/client.go:1",
      ".github/workflows/ci.yml:1",
      ".github/workflows/ci.yml:3",
    ]);
    expect(f[0]!.message).toContain("verify=False");
  });

  it("flags environment switches that turn verification off, in every syntax that sets them", async () => {
    const diff =
      addedFile("Dockerfile", ["ENV PYTHONHTTPSVERIFY 0", 'ENV CURL_CA_BUNDLE=""']) +
      addedFile("deploy/worker.yaml", [
        "        - name: x",
        "          env:",
        '            GIT_SSL_NO_VERIFY: "true"',
      ]) +
      addedFile("scripts/sync.py", ['os.environ["REQUESTS_CA_BUNDLE"] = ""', 'env = {"PYTHONHTTPSVERIFY": "0"}']) +
      addedFile(".npmrc.sh", ["export NPM_CONFIG_STRICT_SSL=false"]);
    const f = await runRule(tlsVerificationDisabledRule, diff);
    expect(f.map((x) => `${x.file}:${x.line}`)).toEqual([
      "Dockerfile:1",
      "Dockerfile:2",
      "deploy/worker.yaml:3",
      "scripts/sync.py:1",
      "scripts/sync.py:2",
      ".npmrc.sh:1",
    ]);
  });

  it("does not flag reads, comparisons or a CA bundle that is set", async () => {
    const diff = addedFile("app/http.py", [
      'if os.environ.get("PYTHONHTTPSVERIFY") == "0":',
      'if (process.env.NODE_TLS_REJECT_UNAUTHORIZED !== "0") {',
      'os.environ["REQUESTS_CA_BUNDLE"] = certifi.where()',
      "export CURL_CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt",
    ]);
    expect(await runRule(tlsVerificationDisabledRule, diff)).toEqual([]);
  });

  it("ignores verification left on, tests, comments and existing settings", async () => {
    const diff =
      addedFile("app/client.py", [
        "r = requests.get(url, verify=True)",
        "# verify=False was needed once",
        "curl -sSL https://x | sh",
      ]) +
      addedFile("tests/test_client.py", ["requests.get(url, verify=False)"]) +
      modifiedFile("src/a.ts", [
        "-const o = { rejectUnauthorized: false, a: 1 };",
        "+const o = { rejectUnauthorized: false, a: 2 };",
      ]);
    expect(await runRule(tlsVerificationDisabledRule, diff)).toEqual([]);
  });
});

ruleTester(tlsVerificationDisabledRule, {
  valid: [
    { name: "in a test", diff: addedFile("tests/test_client.py", ["requests.get(url, verify=False)"]) },
    {
      name: "a setting that only moved",
      diff: modifiedFile("src/client.py", [
        "-r = requests.get(u, verify=False)",
        " x = 1",
        "+r = requests.get(u, verify=False)",
      ]),
    },
  ],
  invalid: [
    {
      name: "rejectUnauthorized: false",
      diff: addedFile("src/http.ts", ["const agent = new https.Agent({ rejectUnauthorized: false });"]),
      findings: [
        { line: 1, severity: "high", message: "TLS verification disabled (rejectUnauthorized: false) in src/http.ts" },
      ],
    },
  ],
});
