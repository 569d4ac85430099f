export declare function hasUnsafeChars(text: string): boolean;
/**
 * Replaces every unsafe character (newlines and tabs included) with its visible escape, so a file name
 * with a newline or an ESC shows as `a\nb` or `\x1b]0;title` instead of acting on the reader's screen.
 */
export declare function escapeControls(text: string): string;
/** Whitespace runs, line breaks included (NEL and the Unicode separators too), become one space. */
export declare function singleLine(text: string): string;
