import { join } from "node:path";
import { secretsRules } from "../../src/rules/secrets/index.js";
import type { RuleFinding } from "../../src/rules/types.js";
import { corpusFile, readJsonl } from "../support/corpus.js";
import { addedFile, runRule } from "../support/diff.js";

/** The labelled secrets corpus (read-only, shared): one added line per case. */
export const CORPUS_PATH = corpusFile("secrets", "cases.jsonl");
/** The unseen set kept in this repository (test/corpus/unseen/secrets.jsonl): lines base64-encoded. */
export const UNSEEN_PATH = join(import.meta.dirname, "../corpus/unseen/secrets.jsonl");

export interface SecretCase {
  id: string;
  file: string;
  line?: string;
  /** Added lines, "\n"-joined and base64-encoded, so that no scanner reads the fake values in the file. */
  lines_b64?: string;
  expected: { secret: boolean; kind: string | null };
  note?: string;
}

export function loadCorpus(path = CORPUS_PATH): SecretCase[] {
  return readJsonl<SecretCase>(path);
}

/** Every secrets rule over a one-file diff that adds the case's line. */
export async function secretFindingsForCase(c: SecretCase): Promise<RuleFinding[]> {
  const lines =
    c.lines_b64 !== undefined ? Buffer.from(c.lines_b64, "base64").toString("utf8").split("\n") : [c.line ?? ""];
  const diff = addedFile(c.file, lines);
  const out: RuleFinding[] = [];
  for (const rule of secretsRules) out.push(...(await runRule(rule, diff)));
  return out;
}
