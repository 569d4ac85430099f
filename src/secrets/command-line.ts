import { classifyKey } from "./generic.js";

/**
 * Passwords passed as command-line arguments, where no `key = value` shape names them:
 * `mysql -uroot -pS3cret`, `sshpass -p S3cret`, `redis-cli -a S3cret`, `curl -u user:S3cret`,
 * `docker login -p S3cret`, `tool --password S3cret`. (`--password=S3cret` is a key/value pair and the
 * generic detector reads it.) One linear pass: the line is split into shell words once.
 */

export interface CommandLineValue {
  value: string;
  start: number;
  end: number;
  /** `mysql -p`, `curl -u`: what the value was passed to, for the message. */
  via: string;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

/**
 * Shell words with their offsets. A quote groups only when its closing quote ends the word (`-p'a b'`,
 * `"S3cret"`); a quote inside other syntax (JSON, a URL) is an ordinary character.
 */
function words(line: string): Word[] {
  const out: Word[] = [];
  let i = 0;
  const isSpace = (ch: string | undefined) => ch === " " || ch === "\t";
  while (i < line.length) {
    while (i < line.length && isSpace(line[i])) i++;
    if (i >= line.length) break;
    const start = i;
    let text = "";
    while (i < line.length && !isSpace(line[i])) {
      const q = line[i]!;
      const close = q === '"' || q === "'" ? line.indexOf(q, i + 1) : -1;
      if (close > i && (close + 1 === line.length || /[\s;&|)]/.test(line[close + 1]!))) {
        text += line.slice(i + 1, close);
        i = close + 1;
      } else {
        text += q;
        i++;
      }
    }
    out.push({ text, start, end: i });
  }
  return out;
}

const MYSQL =
  /^(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlshow|mysqlcheck|mysqlpump|mysqlsh|mysqlbinlog|mariadb(?:-[a-z]+)?)$/;
const REGISTRY_CLIS = new Set(["docker", "podman", "nerdctl", "buildah", "skopeo", "helm", "oras", "crane", "regctl"]);
const HINT = /-p|-a|-u|--[\w-]*(?:pass|pwd|secret|token|key)|sshpass|login/i;

/** `/usr/bin/mysql`, `$(mysql`, `"mysql`, `…#mysql`: the program a word names. */
function commandName(word: string): string {
  return (/[^/#;&|(`"'=$]*$/.exec(word)?.[0] ?? "").toLowerCase();
}

/**
 * The value right after a flag: the next word, unless it is missing or shaped like another flag
 * (`--verbose`, `-u`); a password may start with a dash (`-p -f*Bh…`).
 */
function nextValue(ws: readonly Word[], i: number): Word | null {
  const next = ws[i + 1];
  if (!next || next.text === "" || /^--?[A-Za-z][A-Za-z-]*(?:=.*)?$/.test(next.text)) return null;
  return next;
}

export function commandLineSecrets(line: string): CommandLineValue[] {
  if (!HINT.test(line)) return [];
  const ws = words(line);
  const out: CommandLineValue[] = [];
  const take = (w: Word, skip: number, via: string) => {
    if (w.text.length > skip) out.push({ value: w.text.slice(skip), start: w.start + skip, end: w.end, via });
  };
  let tool = "";
  // Registry CLIs take a password only in their `login` subcommand (`docker run -p` publishes a port).
  let login = false;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    const t = w.text;
    const name = commandName(t);
    if (MYSQL.test(name) || name === "sshpass" || name === "redis-cli" || name === "curl" || REGISTRY_CLIS.has(name)) {
      tool = name;
      login = false;
      continue;
    }
    if (/^[;&|]+$/.test(t)) {
      tool = "";
      continue;
    }
    if (t === "login") login = true;
    // mysql's -p takes its value attached only (`-p value` prompts); sshpass takes both forms.
    if ((MYSQL.test(tool) || tool === "sshpass") && t.startsWith("-p") && t.length > 2) {
      take(w, 2, `${tool} -p`);
    } else if (tool === "sshpass" && t === "-p") {
      const v = nextValue(ws, i);
      if (v) take(v, 0, "sshpass -p");
    } else if (tool === "redis-cli" && (t === "-a" || t === "--pass")) {
      const v = nextValue(ws, i);
      if (v) take(v, 0, `redis-cli ${t}`);
    } else if (tool === "curl" && /^(?:-u|--user|--proxy-user)$|^-u./.test(t)) {
      const attached = t.startsWith("-u") && t.length > 2;
      const v = attached ? w : nextValue(ws, i);
      const credentials = v ? (attached ? t.slice(2) : v.text) : "";
      const colon = credentials.indexOf(":");
      const password = colon < 0 ? "" : credentials.slice(colon + 1);
      const at = password && v ? line.indexOf(password, v.start) : -1;
      if (at >= 0)
        out.push({ value: password, start: at, end: at + password.length, via: `curl ${attached ? "-u" : t}` });
    } else if (REGISTRY_CLIS.has(tool) && login && (t === "-p" || t === "--password")) {
      const v = nextValue(ws, i);
      if (v) take(v, 0, `${tool} ${t}`);
    } else if (
      !MYSQL.test(tool) &&
      /^--[A-Za-z][\w-]{2,60}$/.test(t) &&
      !/-(?:stdin|file|env|prompt)$/i.test(t) &&
      classifyKey(t.slice(2)) === "secret"
    ) {
      // Any tool's `--password value`, `--client-secret value`: a long flag whose name holds a secret
      // (mysql's `--password` without `=` prompts instead).
      const v = nextValue(ws, i);
      if (v) take(v, 0, t);
    }
  }
  return out;
}
