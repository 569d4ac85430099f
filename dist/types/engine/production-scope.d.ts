import type { ChangedFile } from "../diff/model.js";
import type { ProductionSignal } from "../rules/types.js";
import { type PathClassifier } from "../util/paths.js";
/** Every production-scope file with the reason it is in scope (computed once per analysis, by the engine). */
export declare function productionScope(files: readonly ChangedFile[], paths: PathClassifier): Map<string, ProductionSignal>;
/** Files whose other findings production scope raises one step: all in scope but deleted pipelines. */
export declare function productionRaised(files: readonly ChangedFile[], production: ReadonlyMap<string, ProductionSignal>): Set<string>;
