/**
 * Where a string sits in a walked value: the key of the object property it is under (array indexes
 * between skipped; "" when none), and its path (`findings[3].message`), built only when asked for.
 * Valid only during the visitor's call.
 */
export interface StringPlace {
  readonly key: string;
  path(): string;
}

/**
 * One walk: the trail of keys and indexes down to the current value. Paths are joined only on demand:
 * a report may hold 60,000 findings, and most visitors only need the key.
 */
class StringWalk implements StringPlace {
  key = "";
  private readonly trail: (string | number)[] = [];

  constructor(
    private readonly fn: (text: string, place: StringPlace) => string,
    private readonly prefix: string,
  ) {}

  path(): string {
    let path = this.prefix;
    for (const step of this.trail)
      path = typeof step === "number" ? `${path}[${step}]` : path ? `${path}.${step}` : step;
    return path;
  }

  map(value: unknown): unknown {
    if (typeof value === "string") return this.fn(value, this);
    if (Array.isArray(value)) {
      const out: unknown[] = new Array(value.length);
      for (let i = 0; i < value.length; i++) {
        this.trail.push(i);
        out[i] = this.map(value[i]);
        this.trail.pop();
      }
      return out;
    }
    if (value !== null && typeof value === "object") {
      const out: Record<string, unknown> = {};
      const outer = this.key;
      for (const k of Object.keys(value)) {
        this.key = k;
        this.trail.push(k);
        out[k] = this.map((value as Record<string, unknown>)[k]);
        this.trail.pop();
      }
      this.key = outer;
      return out;
    }
    return value;
  }
}

/** A copy of `value` with every string passed through `fn` with its place (object keys are kept). */
export function mapStringsAt<T>(value: T, fn: (text: string, place: StringPlace) => string): T {
  return new StringWalk(fn, "").map(value) as T;
}

/**
 * A copy of `value` with every string passed through `fn` (object keys are kept). For plain JSON-like
 * data: the report, PR facts, config. `path` names where the string sits (`findings[3].message`).
 */
export function mapStrings<T>(value: T, fn: (text: string, path: string) => string, path = ""): T {
  return new StringWalk((text, place) => fn(text, place.path()), path).map(value) as T;
}

/** Every string in `value`, with its path. */
export function* stringsIn(value: unknown, path = ""): Generator<[string, string]> {
  if (typeof value === "string") yield [value, path];
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* stringsIn(value[i], `${path}[${i}]`);
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) yield* stringsIn(v, path ? `${path}.${k}` : k);
}
