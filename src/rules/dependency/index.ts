import type { Rule } from "../types.js";
import { installScriptRule } from "./install-script.js";
import { lockfileOnlyRule } from "./lockfile-only.js";
import { manifestWithoutLockfileRule } from "./manifest-without-lockfile.js";
import { newDependencyRule } from "./new-dependency.js";
import { nonRegistrySourceRule } from "./non-registry-source.js";
import { versionChangeRule } from "./version-change.js";

/** Rules of the `dependency` category, one file each. */
export const dependencyRules: Rule[] = [
  newDependencyRule,
  versionChangeRule,
  installScriptRule,
  nonRegistrySourceRule,
  lockfileOnlyRule,
  manifestWithoutLockfileRule,
];
