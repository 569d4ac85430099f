import { quote } from "../../text/quote.js";
import { type LinePattern, linePatternRule } from "../line-pattern.js";

type TlsPattern = LinePattern & { keyword: string; label: string };

/**
 * Environment switches that turn verification off for a whole process or tool, in every way a value is
 * set: `NAME=v`, `export NAME=v`, `NAME: "v"` (YAML, JSON), Dockerfile `ENV NAME v`,
 * `os.environ["NAME"] = "v"`, `process.env.NAME = "v"`. Comparisons (`===`, `!=`) and reads do not match.
 */
function envSwitch(keyword: string, name: string, value: string, label: string): TlsPattern {
  return { keyword, re: new RegExp(`\\b${name}["'\\]]*\\s*(?:[=:]\\s*|\\s+)["']?${value}(?![\\w.])`), label };
}

/** An empty CA bundle path makes curl and Python requests skip verification (`CURL_CA_BUNDLE=""`). */
const EMPTY_VALUE = `(?:""|''|(?=\\s*(?:$|[,;}#])))`;

const ENV_SWITCHES: TlsPattern[] = [
  envSwitch(
    "NODE_TLS_REJECT_UNAUTHORIZED",
    "NODE_TLS_REJECT_UNAUTHORIZED",
    "0",
    "NODE_TLS_REJECT_UNAUTHORIZED=0 (TLS checks off for the whole process)",
  ),
  envSwitch("PYTHONHTTPSVERIFY", "PYTHONHTTPSVERIFY", "0", "PYTHONHTTPSVERIFY=0 (Python's HTTPS checks off)"),
  envSwitch("GIT_SSL_NO_VERIFY", "GIT_SSL_NO_VERIFY", "(?:1|true|yes)", "GIT_SSL_NO_VERIFY"),
  envSwitch("STRICT_SSL", "(?:npm_config|NPM_CONFIG|YARN)_STRICT_SSL", "false", "npm/yarn strict-ssl false"),
  {
    keyword: "CA_BUNDLE",
    re: new RegExp(`\\b(?:CURL|REQUESTS)_CA_BUNDLE["'\\]]*\\s*[=:]\\s*${EMPTY_VALUE}`),
    label: "empty CA bundle (curl/requests skip verification)",
  },
];

const TLS_OFF: TlsPattern[] = [
  { keyword: "verify", re: /\bverify\s*=\s*False\b/, label: "verify=False (requests/httpx skip certificate checks)" },
  { keyword: "rejectUnauthorized", re: /rejectUnauthorized["']?\s*[:=]\s*false\b/, label: "rejectUnauthorized: false" },
  { keyword: "InsecureSkipVerify", re: /InsecureSkipVerify\s*:\s*true\b/, label: "InsecureSkipVerify: true" },
  {
    keyword: "ssl",
    re: /\b(?:ssl_?verify|verify_?ssl|sslVerify|ssl_verify_peer|ssl-verify)["']?\s*[:=]\s*["']?(?:false|False|0|no)\b/i,
    label: "SSL verification disabled",
  },
  {
    keyword: "insecure-skip-tls-verify",
    re: /insecure-skip-tls-verify["']?\s*[:=]?\s*["']?true\b|--insecure-skip-tls-verify(?:=true)?(?:\s|$)/,
    label: "insecure-skip-tls-verify",
  },
  {
    keyword: "curl",
    re: /\bcurl\b[^\n|;&]{0,200}\s(?:--insecure|-[a-zA-Z]*k[a-zA-Z]*)(?:\s|$)/,
    label: "curl --insecure",
  },
  { keyword: "no-check-certificate", re: /--no-check-certificate\b/, label: "wget --no-check-certificate" },
  {
    keyword: "strict-ssl",
    re: /strict-ssl["']?\s*[=:]?\s*["']?false\b|strict-ssl\s+false\b/,
    label: "npm strict-ssl false",
  },
  ...ENV_SWITCHES,
  {
    keyword: "_create_unverified_context",
    re: /ssl\._create_unverified_context\b/,
    label: "ssl._create_unverified_context",
  },
  { keyword: "CERT_NONE", re: /\bCERT_NONE\b/, label: "ssl.CERT_NONE" },
  { keyword: "check_hostname", re: /check_hostname\s*=\s*False\b/, label: "check_hostname = False" },
  { keyword: "VERIFY_NONE", re: /SSL::VERIFY_NONE\b|\bVERIFY_NONE\b/, label: "OpenSSL VERIFY_NONE" },
  {
    keyword: "validate_certs",
    re: /validate_certs\s*[:=]\s*["']?(?:false|no|False)\b/,
    label: "validate_certs: false",
  },
  {
    keyword: "trustAll",
    re: /\btrustAll(?:Certs|Certificates)?\b\s*[:=(]\s*true|TrustAllCerts|trustAllHosts\s*\(/,
    label: "trust-all certificates",
  },
  {
    keyword: "ALLOW_ALL_HOSTNAME_VERIFIER",
    re: /ALLOW_ALL_HOSTNAME_VERIFIER|NoopHostnameVerifier/,
    label: "hostname verification disabled",
  },
  {
    keyword: "danger_accept_invalid",
    re: /danger_accept_invalid_(?:certs|hostnames)\s*\(\s*true/,
    label: "danger_accept_invalid_certs(true)",
  },
  {
    keyword: "ServerCertificateValidationCallback",
    re: /ServerCertificateValidationCallback\s*=[^;]{0,120}=>\s*true/,
    label: "certificate validation callback returns true",
  },
];

// Whole-file prefilter built from the keywords above.
const TLS_HINT = new RegExp(TLS_OFF.map((t) => t.keyword.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"));

export const tlsVerificationDisabledRule = linePatternRule({
  id: "safety-bypass/tls-verification-disabled",
  category: "safety-bypass",
  description:
    "TLS certificate verification turned off: verify=False, rejectUnauthorized: false, InsecureSkipVerify: true, environment switches (NODE_TLS_REJECT_UNAUTHORIZED=0, PYTHONHTTPSVERIFY=0, GIT_SSL_NO_VERIFY, an empty CURL_CA_BUNDLE/REQUESTS_CA_BUNDLE), curl -k.",
  severity: "high",
  remediation:
    "Keep verification on; trust a private CA explicitly (CA bundle / NODE_EXTRA_CA_CERTS) instead of disabling checks.",
  docs: {
    severity: "high",
    detects:
      "`verify=False`, `rejectUnauthorized: false`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, `InsecureSkipVerify: true`, `ssl_verify: false`, `curl -k/--insecure`, `wget --no-check-certificate`, `strict-ssl false`, environment switches in any syntax (`NODE_TLS_REJECT_UNAUTHORIZED=0`, `PYTHONHTTPSVERIFY=0`, `GIT_SSL_NO_VERIFY=1`, `NPM_CONFIG_STRICT_SSL=false`, empty `CURL_CA_BUNDLE`/`REQUESTS_CA_BUNDLE`), `ssl._create_unverified_context`, `CERT_NONE`, `check_hostname = False`, `VERIFY_NONE`, `validate_certs: false`, trust-all managers, `danger_accept_invalid_certs(true)`. Tests are skipped (local self-signed servers).",
  },
  // Tests talk to local self-signed servers; docs explain flags.
  scope: "code",
  lines: "added",
  skipComments: true,
  hint: TLS_HINT,
  patterns: TLS_OFF,
  ignoreMoved: true,
  message: (hit, file, text) => `TLS verification disabled (${hit.label}) in ${file}: ${quote(text, 90)}`,
  samples: {
    path: "src/client.py",
    match: [
      "r = requests.get(url, verify=False)",
      "ctx = ssl._create_unverified_context()",
      'PYTHONHTTPSVERIFY = "0"',
      'os.environ["PYTHONHTTPSVERIFY"] = "0"',
      'env = {"NODE_TLS_REJECT_UNAUTHORIZED": "0"}',
      "os.environ['CURL_CA_BUNDLE'] = ''",
      "ctx.check_hostname = False",
      "subprocess.run('curl -k https://internal', shell=True)",
    ],
    noMatch: [
      "r = requests.get(url, verify=True)",
      "# verify=False is never allowed",
      "ssl_context = ssl.create_default_context()",
      'if os.environ.get("PYTHONHTTPSVERIFY") == "0":',
      'bundle = os.environ.get("REQUESTS_CA_BUNDLE", "")',
      'os.environ["REQUESTS_CA_BUNDLE"] = "/etc/ssl/certs/ca-certificates.crt"',
    ],
  },
});
