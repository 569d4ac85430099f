import { type Document, isMap, isSeq, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { BUILTIN_RULES } from "../rules/index.js";
import { redactSecrets } from "../secrets/redact.js";
import { escapeControls } from "../text/controls.js";
import { CATEGORIES } from "../types.js";
import { didYouMean } from "../util/did-you-mean.js";
import { safeRegexError } from "../util/safe-regex.js";
import { DEFAULT_CONFIG_PATH } from "./paths.js";
import { type Config, configSchema } from "./schema.js";

export { DEFAULT_CONFIG_PATH };
/**
 * Largest config read (in UTF-16 code units, about bytes for a YAML file): a real one is a few KB, and
 * YAML parsing is the slowest thing this tool does per byte (50 MB took 25 s and 2.8 GB).
 */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export interface ConfigProblem {
  /** Key path, e.g. `gate.threshold` or `custom_rules[0].pattern`. */
  path: string;
  message: string;
  /** 1-based line in the file, when known. */
  line?: number;
}

/** Config text quoted back in an error (a key, a YAML snippet): masked, one line, no control characters. */
function quoted(text: string): string {
  return escapeControls(redactSecrets(text).replace(/\r?\n/g, " "));
}

/**
 * An invalid config: names the file, each key path and the problem. Adapters show `message` verbatim: every
 * part quoted from the file is masked and stripped of control characters.
 */
export class ConfigError extends Error {
  override name = "ConfigError";
  readonly problems: ConfigProblem[];
  constructor(
    readonly source: string,
    problems: ConfigProblem[],
  ) {
    const safe = problems.map((p) => ({ ...p, path: quoted(p.path), message: quoted(p.message) }));
    super(
      `invalid config ${quoted(source)}:\n` +
        safe.map((p) => `  - ${p.path || "(root)"}${p.line ? ` (line ${p.line})` : ""}: ${p.message}`).join("\n"),
    );
    this.problems = safe;
  }
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

function lineOf(doc: Document, counter: LineCounter, path: ReadonlyArray<PropertyKey>): number | undefined {
  // Walk down as far as the document goes: an unknown key's error still points at its parent.
  let node: unknown = doc.contents;
  let offset: number | undefined = (node as { range?: [number] } | null)?.range?.[0];
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((it) => (it.key as { value?: unknown } | null)?.value === seg);
      if (!pair) break;
      offset = (pair.key as { range?: [number] }).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === "number") {
      node = node.items[seg];
      offset = (node as { range?: [number] } | undefined)?.range?.[0] ?? offset;
    } else break;
  }
  return offset === undefined ? undefined : counter.linePos(offset).line;
}

/** The schema node at a key path, through defaults, prefaults and optionals. */
function schemaAt(path: ReadonlyArray<PropertyKey>): z.ZodType | null {
  let node: z.ZodType = configSchema;
  const unwrap = (n: z.ZodType): z.ZodType => {
    let cur = n;
    for (let i = 0; i < 10; i++) {
      const inner = (cur as unknown as { _zod: { def: { innerType?: z.ZodType } } })._zod.def.innerType;
      if (!inner) break;
      cur = inner;
    }
    return cur;
  };
  node = unwrap(node);
  for (const seg of path) {
    if (node instanceof z.ZodObject) {
      const next = node.shape[String(seg)] as z.ZodType | undefined;
      if (!next) return null;
      node = unwrap(next);
    } else if (node instanceof z.ZodArray) node = unwrap(node.element as z.ZodType);
    else return null;
  }
  return node;
}

function unknownKeys(issue: z.core.$ZodIssue & { code: "unrecognized_keys" }): string {
  const parent = schemaAt(issue.path);
  const known = parent instanceof z.ZodObject ? Object.keys(parent.shape) : [];
  const keys = issue.keys.map((k) => `${JSON.stringify(k)}${didYouMean(k, known)}`);
  return `unknown key${keys.length > 1 ? "s" : ""} ${keys.join(", ")}`;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return unknownKeys(issue);
  if (issue.code === "invalid_union")
    return 'expected "off", a severity (low, medium, high, critical) or {enabled, severity}';
  return issue.message;
}

/** Defaults only, for repositories without a config file. */
export function defaultConfig(): Config {
  return configSchema.parse({});
}

/** Validate an already-parsed object (e.g. from tests). */
export function validateConfig(value: unknown, source = "config"): Config {
  return parseConfigText(JSON.stringify(value ?? {}), source);
}

/** Parse and validate YAML config text. Empty text gives the defaults. */
export function parseConfigText(text: string, source: string = DEFAULT_CONFIG_PATH): Config {
  if (text.length > MAX_CONFIG_BYTES)
    throw new ConfigError(source, [
      { path: "", message: `the file is larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MiB, the cap for a config file` },
    ]);
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      source,
      doc.errors.map((e) => ({
        path: "",
        message: `YAML syntax: ${e.message.split("\n")[0]}`,
        line: counter.linePos(e.pos[0]).line,
      })),
    );
  }
  let value: unknown;
  try {
    // maxAliasCount bounds alias expansion ("billion laughs").
    value = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    throw new ConfigError(source, [{ path: "", message: `YAML: ${e instanceof Error ? e.message : String(e)}` }]);
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new ConfigError(source, [{ path: "", message: "the config must be a mapping of keys to values" }]);
  }
  const result = configSchema.safeParse(value);
  if (!result.success) {
    throw new ConfigError(
      source,
      result.error.issues.map((issue) => ({
        path: formatPath(issue.path),
        message: issueMessage(issue),
        line: lineOf(doc, counter, issue.path),
      })),
    );
  }
  const config = result.data;
  // RE2 compile errors are config errors too, reported at the pattern's key.
  const problems: ConfigProblem[] = [];
  config.custom_rules.forEach((rule, i) => {
    const err = safeRegexError(rule.pattern);
    if (err)
      problems.push({
        path: `custom_rules[${i}].pattern`,
        message: err,
        line: lineOf(doc, counter, ["custom_rules", i, "pattern"]),
      });
  });
  config.secrets.allowlist.patterns.forEach((p, i) => {
    const err = safeRegexError(p);
    if (err)
      problems.push({
        path: `secrets.allowlist.patterns[${i}]`,
        message: err,
        line: lineOf(doc, counter, ["secrets", "allowlist", "patterns", i]),
      });
  });
  const ids = new Set<string>();
  config.custom_rules.forEach((rule, i) => {
    if (ids.has(rule.id)) problems.push({ path: `custom_rules[${i}].id`, message: `duplicate id "${rule.id}"` });
    ids.add(rule.id);
  });
  // A mistyped rule id would silently leave the rule on: unknown ids are errors, like unknown keys.
  const known = new Set<string>([
    ...CATEGORIES,
    ...BUILTIN_RULES.map((r) => r.id),
    ...config.custom_rules.map((r) => `custom/${r.id}`),
  ]);
  for (const key of Object.keys(config.rules)) {
    if (known.has(key)) continue;
    problems.push({
      path: `rules.${key}`,
      message: `unknown rule id or category "${key}"${didYouMean(key, known)}`,
      line: lineOf(doc, counter, ["rules", key]),
    });
  }
  if (problems.length > 0) throw new ConfigError(source, problems);
  return config;
}

/** A validated config file with what combining files needs: its own keys (before defaults) and their lines. */
export interface ConfigFile {
  source: string;
  config: Config;
  /** The keys the file itself sets, as written (no defaults). */
  input: Record<string, unknown>;
  /** 1-based line of a key path in this file (or of the nearest key above it). */
  line(path: ReadonlyArray<PropertyKey>): number | undefined;
}

export function parseConfigFile(text: string, source: string): ConfigFile {
  const config = parseConfigText(text, source);
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const input = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>;
  return { source, config, input, line: (path) => lineOf(doc, counter, path) };
}
