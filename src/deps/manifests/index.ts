import type { SideLine } from "../../diff/side.js";
import type { DependencyFile, DependencyFormat } from "../files.js";
import { parseCargoConfig, parseCargoToml } from "./cargo.js";
import { parseComposerJson } from "./composer.js";
import { parseGoMod } from "./go.js";
import { parseGradle, parseGradleCatalog } from "./gradle.js";
import { parsePom } from "./maven.js";
import { parseNpmRegistryConfig, parsePackageJson } from "./npm.js";
import { parseMsbuild, parseNugetConfig, parsePackagesConfig } from "./nuget.js";
import { parsePipConf, parsePyToml, parseRequirements, parseSetupCfg, parseSetupPy } from "./python.js";
import { parseGemfile, parseGemspec } from "./ruby.js";
import { parseTerraform } from "./terraform.js";
import { emptySide, type ManifestParser, type ManifestSide } from "./types.js";

export type { DepRef, ManifestSide, ScriptRef } from "./types.js";

/** The parser of each manifest and registry-config format; one file per ecosystem. */
const PARSERS: Partial<Record<DependencyFormat, ManifestParser>> = {
  "package-json": parsePackageJson,
  npmrc: parseNpmRegistryConfig,
  yarnrc: parseNpmRegistryConfig,
  "composer-json": parseComposerJson,
  requirements: parseRequirements,
  pyproject: parsePyToml,
  pipfile: parsePyToml,
  "setup-py": parseSetupPy,
  "setup-cfg": parseSetupCfg,
  "pip-conf": parsePipConf,
  "go-mod": parseGoMod,
  "cargo-toml": parseCargoToml,
  "cargo-config": parseCargoConfig,
  gemfile: parseGemfile,
  gemspec: parseGemspec,
  pom: parsePom,
  gradle: parseGradle,
  "gradle-catalog": parseGradleCatalog,
  msbuild: parseMsbuild,
  "packages-config": parsePackagesConfig,
  "nuget-config": parseNugetConfig,
  terraform: parseTerraform,
};

/** What one side of a manifest or registry config declares (see ManifestParser for `whole`). */
export function parseManifestSide(dep: DependencyFile, lines: readonly SideLine[], whole: string | null): ManifestSide {
  const parse = PARSERS[dep.format];
  return parse ? parse(lines, whole) : emptySide();
}
