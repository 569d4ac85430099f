import type { Rule } from "../types.js";
import { pointsAtProductionRule } from "./points-at-production.js";
import { productionFileChangedRule } from "./production-file-changed.js";

/** Rules of the `production-config` category, one file each. */
export const productionConfigRules: Rule[] = [productionFileChangedRule, pointsAtProductionRule];
