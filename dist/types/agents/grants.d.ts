import type { Severity } from "../types.js";
import { type Capability, type EntryForm } from "./catalogue.js";
/**
 * What one allow-list entry lets an agent do without a prompt, whatever agent spells it: Claude Code's
 * `Bash(git push:*)`, Gemini's `run_shell_command(git)`, Cursor's `Shell(git)`, Copilot's `shell(git:*)`,
 * a Roo Code command prefix, a VS Code auto-approve key. Rated by what it opens, so that an entry for
 * `git status` is no finding and one for any command is critical.
 */
export interface Grant {
    /** The entry as written. */
    raw: string;
    capability: Capability;
    /** The command prefix, domain or path the entry is limited to; null when it is not limited. */
    scope: string | null;
}
export interface GrantRating {
    /** null: not worth a finding (read-only tools and commands). */
    severity: Severity | null;
    /** What the grant opens, for the message. */
    opens: string;
}
/** Parses one entry of a list of the given form. */
export declare function parseGrant(raw: string, form: EntryForm): Grant;
/** Rates a grant by what it opens. */
export declare function rateGrant(g: Grant): GrantRating;
