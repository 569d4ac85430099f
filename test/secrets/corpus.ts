import { secretsRules } from "../../src/rules/secrets/index.js";
import type { RuleFinding } from "../../src/rules/types.js";
import { corpusFile, readJsonl } from "../support/corpus.js";
import { addedFile, runRule } from "../support/diff.js";

/** The labelled secrets corpus (read-only, shared): one added line per case. */
export const CORPUS_PATH = corpusFile("secrets", "cases.jsonl");

export interface SecretCase {
  id: string;
  file: string;
  line: string;
  expected: { secret: boolean; kind: string | null };
  note?: string;
}

export function loadCorpus(path = CORPUS_PATH): SecretCase[] {
  return readJsonl<SecretCase>(path);
}

/** Every secrets rule over a one-file diff that adds the case's line. */
export async function secretFindingsForCase(c: SecretCase): Promise<RuleFinding[]> {
  const diff = addedFile(c.file, [c.line]);
  const out: RuleFinding[] = [];
  for (const rule of secretsRules) out.push(...(await runRule(rule, diff)));
  return out;
}
