import type { Rule } from "../types.js";
/**
 * A lockfile changed while no manifest of its ecosystem changed in its directory or below.
 * Usually `npm update` / `bundle update` / `cargo update` (version bumps of packages already
 * locked): low. When the lock-only change brings in packages that were not locked before it is
 * medium, because a lockfile is rarely read in review and is where a package can be slipped in
 * (lockfile injection). A dependency bot's lock-only update stays low.
 */
export declare const lockfileOnlyRule: Rule;
