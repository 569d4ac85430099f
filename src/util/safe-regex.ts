import { RE2JS } from "re2js";

/**
 * User-supplied patterns (custom rules, secret allowlists) run on RE2: linear time, so no pattern
 * can hang the process. RE2 has no lookaround or backreferences; compiling such a pattern is an error
 * the config loader reports with the key path.
 */
export interface SafeRegex {
  readonly source: string;
  test(text: string): boolean;
  /** First match's index and text, or null. */
  find(text: string): { index: number; text: string } | null;
}

/** Longest line a user pattern is run on; longer lines are cut (and still linear anyway). */
const MAX_INPUT = 64 * 1024;

export function compileSafeRegex(pattern: string, caseSensitive = true): SafeRegex {
  const re = RE2JS.compile(pattern, caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE);
  return {
    source: pattern,
    test(text: string): boolean {
      return re.test(text.length > MAX_INPUT ? text.slice(0, MAX_INPUT) : text);
    },
    find(text: string) {
      const input = text.length > MAX_INPUT ? text.slice(0, MAX_INPUT) : text;
      // test() is much faster than matcher().find() in re2js: use it as a prefilter.
      if (!re.test(input)) return null;
      const m = re.matcher(input);
      if (!m.find()) return null;
      return { index: m.start(), text: m.group() ?? "" };
    },
  };
}

/** Returns an error message when the pattern is not valid RE2, or null. */
export function safeRegexError(pattern: string): string | null {
  try {
    RE2JS.compile(pattern);
    return null;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return `not a valid RE2 pattern (${msg}); lookahead, lookbehind and backreferences are not supported`;
  }
}
