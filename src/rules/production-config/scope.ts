import type { ChangedFile } from "../../diff/model.js";
import type { PathClassifier } from "../../util/paths.js";

/**
 * The set of changed files that reach production: by path (built-in and configured globs).
 * Findings of other categories in these files are raised one severity step by the engine.
 */
export function productionScope(files: readonly ChangedFile[], paths: PathClassifier): Set<string> {
  const scope = new Set<string>();
  for (const file of files) {
    if (paths.isProductionPath(file.path) || (file.oldPath && paths.isProductionPath(file.oldPath)))
      scope.add(file.path);
  }
  return scope;
}
