import type { Rule } from "../types.js";
import { productionFileChangedRule } from "./production-file-changed.js";

/** Rules of the `production-config` category, one file each. */
export const productionConfigRules: Rule[] = [productionFileChangedRule];
