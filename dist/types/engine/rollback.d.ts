/**
 * The rollback section of a pull request description: a heading whose text contains the configured
 * name ("Rollback", also "Rollback plan", "How to roll back"), and what follows it up to the next
 * heading of the same or a higher level. A section that only holds a template's comment or a
 * placeholder ("N/A", "TBD") is not a plan. The text is masked here (before it is cut) so that no
 * output can echo a secret pasted into the description; escaping is each format's job.
 */
/** The most of a description read, and the most of a section kept. */
export declare const MAX_BODY_CHARS: number;
export declare const MAX_SECTION_CHARS = 2000;
export interface RollbackSection {
    /** The heading as written. */
    heading: string;
    /** The section's text, masked and cut to MAX_SECTION_CHARS. */
    text: string;
    /** It says something (not empty, a template comment or a placeholder). */
    meaningful: boolean;
}
/** The section under the first heading that names `heading`, or null when the description has none. */
export declare function findRollbackSection(body: string | null | undefined, heading: string): RollbackSection | null;
