/**
 * Text for a terminal: every control character (ESC, BEL, CR, C1, bidi overrides, newlines) shows as its
 * escape, so no input can move the cursor, retitle the window, clear the screen or reorder the line.
 * The report's own colors are added after this, by the formatter.
 */
export declare function forTerminal(text: string): string;
