import type { DependencyFile } from "./files.js";
import { type SideLine } from "./side.js";
import { type SourceRef } from "./sources.js";
/**
 * Line parsers for dependency manifests and registry configs. Each walks ONE side of a changed
 * file (see side.ts) and reports what its changed lines declare: dependencies, non-registry
 * sources and install hooks. Context lines only carry structure (enclosing section). Diffs show
 * partial files, so every parser tolerates starting in the middle of a section: it then falls
 * back to the shape of the value (a semver range is a dependency, a shell command is not).
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
export declare function isVersionLike(value: string): boolean;
/** npm runs these on `npm install` (prepare also on git installs; prepublish on old npm). */
export declare const NPM_INSTALL_HOOKS: Set<string>;
/**
 * package.json / composer.json. Tracks the enclosing keys by indentation; at a hunk start the
 * stack is empty (unknown) and the value's shape decides.
 */
export declare function parseJsonManifest(lines: readonly SideLine[], composer: boolean): ManifestSide;
export declare function parseRequirements(lines: readonly SideLine[]): ManifestSide;
/** pyproject.toml (PEP 621, Poetry, uv, PDM) and Pipfile. */
export declare function parsePyToml(lines: readonly SideLine[]): ManifestSide;
/** setup.py: quoted requirement strings on changed lines; `cmdclass` overriding install is a hook. */
export declare function parseSetupPy(lines: readonly SideLine[]): ManifestSide;
/** setup.cfg: `install_requires =` followed by indented requirement lines. */
export declare function parseSetupCfg(lines: readonly SideLine[]): ManifestSide;
/** go.mod: `require` lines and blocks; `replace` directives pointing elsewhere are sources. */
export declare function parseGoMod(lines: readonly SideLine[]): ManifestSide;
export declare function parseCargoToml(lines: readonly SideLine[]): ManifestSide;
/** .cargo/config.toml: source replacement and extra registries. */
export declare function parseCargoConfig(lines: readonly SideLine[]): ManifestSide;
export declare function parseGemfile(lines: readonly SideLine[]): ManifestSide;
export declare function parseGemspec(lines: readonly SideLine[]): ManifestSide;
export declare function parsePom(lines: readonly SideLine[]): ManifestSide;
export declare function parseGradle(lines: readonly SideLine[]): ManifestSide;
/** gradle/libs.versions.toml. */
export declare function parseGradleCatalog(lines: readonly SideLine[]): ManifestSide;
export declare function parseNuget(lines: readonly SideLine[], packagesConfig: boolean): ManifestSide;
export declare function parseNugetConfig(lines: readonly SideLine[]): ManifestSide;
export declare function parseRegistryConfig(lines: readonly SideLine[], ecosystem: "npm" | "python"): ManifestSide;
export declare function parseTerraform(lines: readonly SideLine[]): ManifestSide;
/** Dispatch a manifest or registry config to its parser. */
export declare function parseManifestSide(dep: DependencyFile, lines: readonly SideLine[]): ManifestSide;
