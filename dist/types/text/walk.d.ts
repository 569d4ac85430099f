/**
 * A copy of `value` with every string passed through `fn` (object keys are kept). For plain JSON-like
 * data: the report, PR facts, config. `path` names where the string sits (`findings[3].message`).
 */
export declare function mapStrings<T>(value: T, fn: (text: string, path: string) => string, path?: string): T;
/** Every string in `value`, with its path. */
export declare function stringsIn(value: unknown, path?: string): Generator<[string, string]>;
