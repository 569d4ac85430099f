/**
 * A copy of `value` with every string passed through `fn` (object keys are kept). For plain JSON-like
 * data: the report, PR facts, config. `path` names where the string sits (`findings[3].message`).
 */
export function mapStrings<T>(value: T, fn: (text: string, path: string) => string, path = ""): T {
  if (typeof value === "string") return fn(value, path) as T;
  if (Array.isArray(value)) return value.map((v, i) => mapStrings(v, fn, `${path}[${i}]`)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v, fn, path ? `${path}.${k}` : k);
    return out as T;
  }
  return value;
}

/** Every string in `value`, with its path. */
export function* stringsIn(value: unknown, path = ""): Generator<[string, string]> {
  if (typeof value === "string") yield [value, path];
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* stringsIn(value[i], `${path}[${i}]`);
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) yield* stringsIn(v, path ? `${path}.${k}` : k);
}
