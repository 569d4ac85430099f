import { type Document, isScalar, parseDocument, visit } from "yaml";

/*
 * The YAML parser's uniqueKeys check compares each mapping key with every earlier key of its mapping, so a
 * large mapping costs the square of its size. Readers of files from a diff turn it off and check with a set.
 */

/**
 * A mapping that repeats a key, as the YAML parser's own uniqueKeys check decides it (scalar keys with the
 * same value, compared with ===), found with a set per mapping: the parser compares each key with every
 * earlier one: a 20,000-key ConfigMap took 8 s to parse with that check on.
 */
export function hasDuplicateKey(doc: Document.Parsed): boolean {
  let duplicate = false;
  visit(doc, {
    Map(_, map) {
      const keys = new Set<unknown>();
      for (const { key } of map.items) {
        // NaN !== NaN: the parser never takes two NaN keys for the same key.
        if (!isScalar(key) || Number.isNaN(key.value)) continue;
        if (keys.has(key.value)) {
          duplicate = true;
          return visit.BREAK;
        }
        keys.add(key.value);
      }
      return undefined;
    },
  });
  return duplicate;
}

/**
 * The value of a single-document YAML text, as `parse(text, { maxAliasCount })` returns it: throws on a
 * parse error or a repeated key, and emits the parser's warnings the way it does.
 */
export function parseYamlValue(text: string, maxAliasCount: number): unknown {
  const doc = parseDocument(text, { uniqueKeys: false });
  for (const warning of doc.warnings) process.emitWarning(warning);
  if (doc.errors.length > 0) throw doc.errors[0];
  if (hasDuplicateKey(doc)) throw new Error("Map keys must be unique");
  return doc.toJS({ maxAliasCount });
}
