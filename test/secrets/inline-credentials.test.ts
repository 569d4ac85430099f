// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the tests feed literal ${VAR} placeholders to the scanner
import { describe, expect, it } from "vitest";
import { parseUnifiedDiff } from "../../src/diff/parse.js";
import { detectLine, fileTraits } from "../../src/secrets/detect.js";
import { scanFile } from "../../src/secrets/scan.js";
import { SDK_CLIENTS } from "../../src/secrets/sdk-clients.js";
import { addedFile } from "../support/diff.js";
import { FAKE } from "./fixtures.js";

/** Random-looking values for these tests, joined at run time (see fixtures.ts). */
const j = (...parts: string[]) => parts.join("");
const PASSWORD = j("Vq8rT2mZ", "p4KxW7nL");
const HEX32 = j("9f3c1a7e5b2d4f60", "8c1e3a5b7d9f2c4e");
const UUID = j("3f2a9c1e-7b4d-4e8a", "-9c2f-1d5e6a7b8c9d");
const RANDOM40 = j("Xq7Lp2Vd9Rk4Tz8Mw3Nc", "6Hb1Fj5Gs0Ya2Ue7Ko4P");

const kinds = (line: string, path: string) => detectLine(line, fileTraits(path)).map((d) => d.kind);

function scan(path: string, lines: string[]) {
  const { files } = parseUnifiedDiff(addedFile(path, lines));
  return files.flatMap((f) => scanFile(f));
}

describe("values split into string pieces", () => {
  const [ghpHead, ghpTail] = [FAKE.githubPat.slice(0, 4), FAKE.githubPat.slice(4)];

  it("joins literals concatenated with + on one line and reports the whole token", () => {
    const hits = scan("src/github.ts", [`const token = "${ghpHead}" + "${ghpTail}";`]);
    expect(hits.map((h) => [h.kind, h.line, h.value])).toEqual([["github-token", 1, FAKE.githubPat]]);
    expect(hits[0]!.detail).toContain("joined from string pieces");
  });

  it("joins Python's implicit concatenation and literals continued over several lines", () => {
    expect(scan("app/config.py", [`TOKEN = "${ghpHead}" "${ghpTail}"`]).map((h) => h.kind)).toEqual(["github-token"]);
    const hits = scan("deploy/gitlab.py", [
      "token = (",
      `    "${FAKE.gitlab.slice(0, 6)}"`,
      `    "${FAKE.gitlab.slice(6)}"`,
      ")",
    ]);
    expect(hits.map((h) => [h.kind, h.line])).toEqual([["gitlab-token", 1]]);
    const java = scan("src/Api.java", [
      `String key = "${FAKE.googleApiKey.slice(0, 4)}" +`,
      `    "${FAKE.googleApiKey.slice(4)}";`,
    ]);
    expect(java.map((h) => h.kind)).toEqual(["google-api-key"]);
  });

  it("keeps shell and YAML words apart: side-by-side quoted arguments are separate values", () => {
    const hits = scan("scripts/start.sh", [
      'env "CLICKHOUSE_USER=clickhouse" \\',
      '  "CLICKHOUSE_PASSWORD=clickhouse" \\',
      '  "REDIS_HOST=127.0.0.1"',
    ]);
    expect(hits).toEqual([]);
  });

  it("does not report a prefix joined with a variable or UI text", () => {
    expect(scan("src/pay.ts", ['const key = "sk_live_" + process.env.STRIPE_SUFFIX;'])).toEqual([]);
    expect(scan("src/i18n.ts", ['const label = "Enter your " + "API key" + " here";'])).toEqual([]);
  });
});

describe("credentials written inline", () => {
  it("reports connection strings without a scheme", () => {
    expect(kinds(`dsn := "orders:${PASSWORD}@tcp(mysql.prod.internal:3306)/orders"`, "store/mysql.go")).toEqual([
      "credentialed-url",
    ]);
    expect(kinds(`ANALYTICS_DSN=reporter:${PASSWORD}@10.20.4.12:5432/analytics`, ".env")).toEqual(["credentialed-url"]);
  });

  it("ignores DSN templates, local defaults, image digests and ssh remotes", () => {
    for (const line of [
      'dsn := fmt.Sprintf("%s:%s@tcp(%s:%d)/%s", user, pass, host, port, name)',
      'const testDSN = "root:root@tcp(127.0.0.1:3306)/test"',
      `    image: postgres:16.2@sha256:${HEX32}${HEX32}`,
      "replace example.com/acme/lib => git@github.com:acme/lib.git v1.2.3",
      "scp -i deploy.pem build.tgz deploy@10.0.3.7:/srv/app/",
      "format=%(asctime)s:%(levelname)s@%(name)s: %(message)s",
    ])
      expect(kinds(line, "config/app.txt"), line).toEqual([]);
  });

  it("reports curl -u / --user and wget --password with a real password, not variables or placeholders", () => {
    expect(kinds(`curl -sS -u admin:${PASSWORD} https://jenkins.acme-corp.io/job/x`, "scripts/x.sh")).toEqual([
      "http-basic-auth",
    ]);
    expect(kinds(`curl --user "deployer:${PASSWORD}" -T a.tgz https://nexus.acme-corp.io/`, "ci/p.sh")).toEqual([
      "http-basic-auth",
    ]);
    expect(kinds(`wget --user=ci --password=${PASSWORD} https://artifacts.acme.io/b.zip`, "Makefile")).toEqual([
      "http-basic-auth",
    ]);
    expect(kinds('curl -u "$NEXUS_USER:$NEXUS_PASSWORD" -T b.zip "$NEXUS_URL"', "ci/p.sh")).toEqual([]);
    expect(kinds("curl -u user:password http://localhost:8080/api/status", "docs/api.sh")).toEqual([]);
    expect(kinds('curl -u "${{ secrets.NEXUS_USER }}:${{ secrets.NEXUS_PASS }}" https://x.io', "ci.yml")).toEqual([]);
  });

  it("treats a compose service host like a local one: a typed development password is not reported", () => {
    expect(kinds("      - DATABASE_URL=postgres://postgres:localdev@db:5432/app", "docker-compose.yml")).toEqual([]);
    expect(kinds(`      - DATABASE_URL=postgres://app:${PASSWORD}@db.prod.acme.io:5432/app`, "compose.yml")).toEqual([
      "credentialed-url",
    ]);
  });
});

describe("keyword-named keys", () => {
  it("reports a UUID under an API key, secret or auth token, not under ids or other tokens", () => {
    expect(kinds(`HEROKU_API_KEY = "${UUID}"`, "settings.py")).toEqual(["generic-secret"]);
    expect(kinds(`    "ApiKey": "${UUID}",`, "appsettings.json")).toEqual(["generic-secret"]);
    expect(kinds(`auth_token = "${UUID}"`, "config.toml")).toEqual(["generic-secret"]);
    expect(kinds(`client_id: ${UUID}`, "config/auth.yml")).toEqual([]);
    expect(kinds(`request_id = "${UUID}"`, "src/model.py")).toEqual([]);
    expect(kinds(`page_token = "${UUID}"`, "src/model.py")).toEqual([]);
    expect(kinds('API_KEY = "00000000-0000-0000-0000-000000000000"', "settings.py")).toEqual([]);
  });

  it("ignores file paths, entry points, struct tags, attribute paths and translations", () => {
    expect(kinds('    key    = "platform/prod/network.tfstate"', "terraform/backend.tf")).toEqual([]);
    expect(kinds('basic_auth = "acme.plugins.auth.basic:BasicAuthPlugin"', "pyproject.toml")).toEqual([]);
    expect(kinds('	Tags map[string]string `protobuf_key:"bytes,1,opt,name=key"`', "gen/api.pb.go")).toEqual([]);
    expect(kinds('      key: "llm.input_messages.10001.content",', "src/otel.ts")).toEqual([]);
    expect(kinds('  "smtp-password": "SMTP-Passwort",', "web/src/locales/de.json")).toEqual([]);
    expect(kinds('  "access-token-copied": "アクセストークンをコピーしました",', "web/src/app.json")).toEqual([]);
  });
});

describe("provider formats added for issue 14", () => {
  it("Stripe test-mode keys (medium) and Telegram bot tokens", () => {
    const stripe = detectLine(
      `stripe.StripeClient("sk_test_${j("51HxQ2eKp9", "Zr7Tw4Yb8Nc3Vd")}")`,
      fileTraits("p.py"),
    );
    expect(stripe.map((d) => [d.kind, d.severity])).toEqual([["stripe-key", "medium"]]);
    expect(
      kinds(`bot = telebot.TeleBot("5829174630:AA${j("Hk3Lp9Qw2Zx7", "Vb4Nm8Rt1Yc6Gf5Jd0Se7")}")`, "b.py"),
    ).toEqual(["telegram-bot-token"]);
  });

  it("a Twilio API key SID is critical with its secret on a nearby line", () => {
    const hits = scan(".env", [
      `TWILIO_API_KEY=${FAKE.twilioKey}`,
      `TWILIO_API_SECRET=${j("Gq7Lx2Vd9Rk4Tz8M", "w3Nc6Hb1Fj5Gs0Ya")}`,
    ]);
    const sid = hits.find((h) => h.kind === "twilio-key")!;
    expect(sid.severity).toBe("critical");
    expect(sid.detail).toContain("line 2");
  });
});

describe("SDK constructor rows", () => {
  for (const row of SDK_CLIENTS) {
    it(`${row.callees.join("/")}: its samples`, () => {
      for (const line of row.samples.match) expect(kinds(line, "src/app.ts"), line).toContain("sdk-client-credential");
      for (const line of row.samples.noMatch) expect(kinds(line, "src/app.ts"), line).toEqual([]);
    });
  }

  it("a Twilio account SID next to the token is not reported, the token is", () => {
    const hits = detectLine(`client = Client("AC${HEX32}", "${HEX32}")`, fileTraits("sms.py"));
    expect(hits.map((h) => [h.kind, h.value])).toEqual([["sdk-client-credential", HEX32]]);
  });

  it("a random literal in an unrelated call is left alone", () => {
    expect(kinds(`const id = lookup("${RANDOM40}");`, "src/app.ts")).toEqual([]);
  });
});
