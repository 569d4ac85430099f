import type { Rule } from "../types.js";
/**
 * A manifest's dependencies changed but no lockfile of its ecosystem changed in its directory or
 * above: the committed lock no longer matches, so CI and production install something different
 * from what was reviewed (or the lock update comes later, unreviewed). Only for manifests whose
 * ecosystem normally commits a lock (package.json, Pipfile, go.mod, Cargo.toml, Gemfile, composer.json).
 */
export declare const manifestWithoutLockfileRule: Rule;
