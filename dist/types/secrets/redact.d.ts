/**
 * Defense in depth for outputs (logs, comments, annotations): replace anything in `text` that the
 * secret scanner recognizes with its masked form. Findings never carry values; this catches values
 * that reach an output by another path (a rule echoing a line, an error message).
 */
export declare function redactSecrets(text: string): string;
