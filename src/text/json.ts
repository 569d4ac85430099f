/**
 * JSON.stringify escapes C0 controls and lone surrogates but leaves DEL, C1 controls, the Unicode line
 * separators and bidi controls raw: a report piped to a terminal (or `jq`) would carry them. They can only
 * appear inside strings, so escaping them as \uXXXX keeps the JSON valid and equal once parsed.
 */
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function toJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(
    RAW_IN_JSON,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
