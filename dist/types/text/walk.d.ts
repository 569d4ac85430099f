/**
 * Where a string sits in a walked value: the key of the object property it is under (array indexes
 * between skipped; "" when none), and its path (`findings[3].message`), built only when asked for.
 * Valid only during the visitor's call.
 */
export interface StringPlace {
    readonly key: string;
    path(): string;
}
/** A copy of `value` with every string passed through `fn` with its place (object keys are kept). */
export declare function mapStringsAt<T>(value: T, fn: (text: string, place: StringPlace) => string): T;
/**
 * A copy of `value` with every string passed through `fn` (object keys are kept). For plain JSON-like
 * data: the report, PR facts, config. `path` names where the string sits (`findings[3].message`).
 */
export declare function mapStrings<T>(value: T, fn: (text: string, path: string) => string, path?: string): T;
/** Every string in `value`, with its path. */
export declare function stringsIn(value: unknown, path?: string): Generator<[string, string]>;
