import type { SideLine } from "../../diff/side.js";
import type { SourceRef } from "../sources.js";

/**
 * What a manifest parser reports for ONE side of a changed file (see src/diff/side.ts): the
 * dependencies, non-registry sources and install hooks its changed lines declare. Context lines
 * only carry structure (the enclosing section). Diffs show partial files, so every parser tolerates
 * starting in the middle of a section: it then falls back to the shape of the value (a semver
 * range is a dependency, a shell command is not).
 */

export interface DepRef {
  name: string;
  spec: string;
  line: number;
}

export interface ScriptRef {
  line: number;
  /** The lifecycle hook, e.g. `postinstall`, `post-install-cmd`, `cmdclass`. */
  hook: string;
  command: string;
  /** The hook's command before the change, when the diff shows it was replaced. */
  previous?: string;
}

export interface ManifestSide {
  deps: DepRef[];
  sources: SourceRef[];
  scripts: ScriptRef[];
}

/**
 * A parser of one manifest format. `whole` is the side's complete text when the diff holds all of it
 * (an added file's new side), for parsers that can read the real document; null otherwise.
 */
export type ManifestParser = (lines: readonly SideLine[], whole: string | null) => ManifestSide;

export function emptySide(): ManifestSide {
  return { deps: [], sources: [], scripts: [] };
}

/** Values that look like a version requirement rather than a command or a path. */
const VERSION_LIKE =
  /^(?:[\^~<>=!]{0,3}\s{0,3}v?\d[\w.+\-*]{0,100}(?:\s{0,3}(?:\|\||,|-|\s)\s{0,3}[\^~<>=!]{0,3}\s{0,3}v?\d[\w.+\-*]{0,100}){0,8}|\*|x|latest|next|beta|canary|workspace:[^\s]{0,100}|catalog:[^\s]{0,100})$/;

export function isVersionLike(value: string): boolean {
  return VERSION_LIKE.test(value.trim());
}
