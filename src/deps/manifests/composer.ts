import { classifyUrl, sourceSeverity } from "../sources.js";
import { type JsonDialect, parseJsonManifest } from "./json.js";
import { isVersionLike, type ManifestParser } from "./types.js";

/** Composer (PHP): composer.json. */

const COMPOSER_DEP_SECTIONS = new Set(["require", "require-dev"]);
/** Composer runs these on `composer install` / `update` of the root package. */
const COMPOSER_INSTALL_HOOKS = new Set([
  "pre-install-cmd",
  "post-install-cmd",
  "pre-update-cmd",
  "post-update-cmd",
  "post-autoload-dump",
  "pre-autoload-dump",
  "post-package-install",
  "post-package-update",
]);

const COMPOSER_JSON: JsonDialect = {
  depSections: COMPOSER_DEP_SECTIONS,
  hooks: COMPOSER_INSTALL_HOOKS,
  looseDependency: (key, value) =>
    (key.includes("/") || key === "php" || key.startsWith("ext-")) && isVersionLike(value),
  readPair(key, value, stack, line, out) {
    if (key !== "url" || !stack.some((fr) => fr.key === "repositories")) return false;
    const kind = /^(?:https?|git|ssh):|^git@/.test(value) ? classifyUrl("composer", value) && "registry" : "path";
    if (kind) out.sources.push({ line, kind, target: value, severity: sourceSeverity(kind) });
    return true;
  },
};

export const parseComposerJson: ManifestParser = (lines) => parseJsonManifest(lines, COMPOSER_JSON);
