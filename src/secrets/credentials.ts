import type { Detection } from "./detect.js";
import { isPlaceholderValue, isReference, looksRandom } from "./placeholder.js";

/**
 * User + password pairs written inline: URLs (`scheme://user:pass@host`), connection strings without a
 * scheme (`user:pass@tcp(host)/db`, `user:pass@host:5432/db`), HTTP Basic headers and command-line
 * credentials (`curl -u user:pass`, `wget --password=…`). One judgement for all of them: a weak,
 * default or referenced password, or a local host with a typed password, is not reported.
 */

const LOCAL_HOST = /^(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[?::1\]?|host\.docker\.internal)$/i;
const EXAMPLE_HOST =
  /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost)$|^(?:host|hostname|server|domain|your[-_]?host.*|x+)$/i;
const WEAK_DEFAULTS =
  /^(?:guest|admin|root|postgres|mysql|redis|mongo|rabbitmq|user|pass|demo|dev|local|test|password|secret|changeme|toor)$/i;

function weakPassword(user: string, password: string): boolean {
  if (password.length < 6) return true;
  if (password === user) return true;
  if (WEAK_DEFAULTS.test(password)) return true;
  if (isReference(password) || isPlaceholderValue(password)) return true;
  if (/^\*+$|^x+$/i.test(password)) return true;
  // printf/format placeholders: "%s:%s@tcp(%s)".
  if (/%[-+#0-9.]*[sdvqx]|%\(/.test(password)) return true;
  return false;
}

/**
 * A host only this machine or a compose/Kubernetes network resolves: loopback, or a single-label
 * service name (`db`, `postgres`, `redis-master`). Passwords there are development defaults unless random.
 */
function isLocalHost(hostname: string): boolean {
  return LOCAL_HOST.test(hostname) || !hostname.includes(".");
}

interface Pair {
  label: string;
  kind: "credentialed-url" | "http-basic-auth";
  user: string;
  password: string;
  /** Host name without port, or "" when the line names none (command-line credentials). */
  hostname: string;
  /** Offset of the password in the line. */
  start: number;
  service: string;
}

/** The detection for a user/password pair, or nothing when the pair is a default, a reference or local. */
function judgePair(pair: Pair, out: Detection[]): void {
  const { user, password, hostname } = pair;
  if (isReference(user) && isReference(password)) return;
  if (weakPassword(user, password)) return;
  if (hostname && EXAMPLE_HOST.test(hostname)) return;
  const local = hostname !== "" && isLocalHost(hostname);
  if (local && !looksRandom(password, true)) return;
  const random = looksRandom(password, false);
  const where = hostname ? `at ${hostname.slice(0, 80)}` : "";
  out.push({
    group: "credential-url",
    kind: pair.kind,
    label: pair.label,
    value: password,
    start: pair.start,
    end: pair.start + password.length,
    severity: random && !local ? "critical" : "high",
    detail: `${user ? `user ${user.slice(0, 40)} ` : ""}${where}`.trim() || undefined,
    service: pair.service,
  });
}

const CRED_URL =
  /\b([a-zA-Z][a-zA-Z0-9+.-]{1,30}):\/\/([^\s:/@'"`<>(){}]{0,100}|\$\{[^}\s]{1,80}\}):([^\s/@'"`<>]{1,200})@([A-Za-z0-9._\-[\]%]{1,253})/g;

export function detectCredentialUrl(line: string, out: Detection[]): void {
  if (!line.includes("://")) return;
  CRED_URL.lastIndex = 0;
  for (let m = CRED_URL.exec(line); m !== null; m = CRED_URL.exec(line)) {
    const [, scheme, user, password, host] = m as unknown as [string, string, string, string, string];
    const s = scheme.toLowerCase();
    judgePair(
      {
        label: `${s} URL password`,
        kind: "credentialed-url",
        user,
        password,
        hostname: host.replace(/:\d+$/, ""),
        start: m.index + m[0].lastIndexOf(`:${password}@`) + 1,
        service: `the ${s} server`,
      },
      out,
    );
  }
}

/**
 * Connection strings without a scheme: Go's MySQL DSN `user:pass@tcp(host:3306)/db` (or `unix(`),
 * and `user:pass@host[:port]/db` (Oracle easy connect, libpq-style env values, Mongo without `mongodb://`).
 * The user must not follow `/`, `:` or `@` (a URL's own user, handled above, or an image digest), the
 * host must be a dotted name or an address, and a database path must follow.
 */
const SCHEMELESS_DSN =
  /(?<![\w.%+/:@$-])([A-Za-z_][\w.-]{0,63}):([^\s:@/'"`<>(){}]{1,128})@(?:(?:tcp|unix)\(([^)\s]{1,253})\)|((?:\d{1,3}\.){3}\d{1,3}|[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+)(?::\d{2,5})?\/)/g;

export function detectSchemelessDsn(line: string, out: Detection[]): void {
  if (!line.includes("@")) return;
  SCHEMELESS_DSN.lastIndex = 0;
  for (let m = SCHEMELESS_DSN.exec(line); m !== null; m = SCHEMELESS_DSN.exec(line)) {
    const [, user, password, socketHost, host] = m as unknown as [string, string, string, string?, string?];
    const hostname = (socketHost ?? host ?? "").replace(/:\d+$/, "");
    judgePair(
      {
        label: "connection string password",
        kind: "credentialed-url",
        user,
        password,
        hostname,
        start: m.index + user.length + 1,
        service: "the database server",
      },
      out,
    );
  }
}

/** `curl -u user:pass` / `--user user:pass` (also httpie `-a`), and `wget --password=` / `--http-password=`. */
const CURL_USER =
  /\b(?:curl|http|https)\b[^\n]{0,400}?\s(?:-u|--user|-a|--auth)(?:=|\s*)(["']?)([^\s:"'`]{0,64}):([^\s"'`]{1,200})\1/g;
const WGET_PASSWORD = /\bwget\b[^\n]{0,400}?\s--(?:http-|ftp-)?password=(["']?)([^\s"'`]{1,200})\1/g;
const URL_HOST = /:\/\/(?:[^\s/@]*@)?([A-Za-z0-9.-]{1,253}|\[[0-9a-f:]+\])/i;

export function detectCommandLineCredentials(line: string, out: Detection[]): void {
  if (!line.includes("curl") && !line.includes("wget") && !line.includes("http")) return;
  const hostname = URL_HOST.exec(line)?.[1] ?? "";
  const onCommandLine = (user: string, password: string, start: number) =>
    judgePair(
      {
        label: "password on a command line",
        kind: "http-basic-auth",
        user,
        password,
        hostname,
        start,
        service: "the server that accepts them",
      },
      out,
    );
  CURL_USER.lastIndex = 0;
  for (let m = CURL_USER.exec(line); m !== null; m = CURL_USER.exec(line)) {
    const [, , user, password] = m as unknown as [string, string, string, string];
    onCommandLine(user, password, m.index + m[0].lastIndexOf(`:${password}`) + 1);
  }
  WGET_PASSWORD.lastIndex = 0;
  for (let m = WGET_PASSWORD.exec(line); m !== null; m = WGET_PASSWORD.exec(line)) {
    const password = m[2]!;
    const user = /--(?:http-|ftp-)?user=["']?([^\s"']{1,64})/.exec(line)?.[1] ?? "";
    onCommandLine(user, password, m.index + m[0].lastIndexOf(password));
  }
}

const BASIC_AUTH = /\bBasic\s+([A-Za-z0-9+/]{8,400}={0,2})(?![A-Za-z0-9+/=])/g;

export function detectBasicAuth(line: string, out: Detection[]): void {
  if (!line.includes("Basic")) return;
  BASIC_AUTH.lastIndex = 0;
  for (let m = BASIC_AUTH.exec(line); m !== null; m = BASIC_AUTH.exec(line)) {
    const encoded = m[1]!;
    const decoded = Buffer.from(encoded, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0 || !/^[\x20-\x7e]+$/.test(decoded)) continue;
    const user = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1);
    if (weakPassword(user, password)) continue;
    const start = m.index + m[0].length - encoded.length;
    out.push({
      group: "credential-url",
      kind: "http-basic-auth",
      label: "HTTP Basic credentials",
      value: encoded,
      start,
      end: start + encoded.length,
      severity: looksRandom(password, false) ? "critical" : "high",
      detail: user ? `user ${user.slice(0, 40)}` : undefined,
      service: "the server that accepts them",
    });
  }
}
