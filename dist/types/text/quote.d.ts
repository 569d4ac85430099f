/**
 * The one way untrusted text (a diff line, a command, a value) is quoted into a finding message:
 * secrets are masked on the raw text first (so truncation can never cut a secret past the mask),
 * then the text is made one line and cut to `max` characters with an ellipsis.
 */
export declare function quote(raw: string, max?: number): string;
