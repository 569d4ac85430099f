/**
 * JSON.stringify escapes C0 controls and lone surrogates but leaves DEL, C1 controls, the Unicode line
 * separators and bidi controls raw: a report piped to a terminal (or `jq`) would carry them. They can only
 * appear inside strings, so escaping them as \uXXXX keeps the JSON valid and equal once parsed.
 */
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** The same characters, to test for first: a search is cheaper than a replace that finds nothing. */
const HAS_RAW_IN_JSON = new RegExp(RAW_IN_JSON.source);

export function toJson(value: unknown, indent = 2): string {
  const text = JSON.stringify(value, null, indent);
  if (!HAS_RAW_IN_JSON.test(text)) return text;
  return text.replace(RAW_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
