import type { Rule } from "../types.js";
/**
 * A lockfile changed while nothing it is generated from changed: no manifest of its ecosystem in its
 * directory, below it or above it, and no Dockerfile beside or below it.
 * Usually `npm update` / `bundle update` / `cargo update` (version bumps of packages already
 * locked): low. When the lock-only change brings in packages that were not locked before it is
 * medium, because a lockfile is rarely read in review and is where a package can be slipped in
 * (lockfile injection). A dependency bot's lock-only update stays low.
 */
export declare const lockfileOnlyRule: Rule;
