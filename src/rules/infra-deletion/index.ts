import type { Rule } from "../types.js";
import { cloudformationResourceRemovedRule } from "./cloudformation-resource-removed.js";
import { helmChartRemovedRule } from "./helm-chart-removed.js";
import { k8sResourceRemovedRule } from "./k8s-resource-removed.js";
import { terraformBlockRemovedRule } from "./terraform-block-removed.js";

/** Rules of the `infra-deletion` category, one file each. */
export const infraDeletionRules: Rule[] = [
  terraformBlockRemovedRule,
  k8sResourceRemovedRule,
  helmChartRemovedRule,
  cloudformationResourceRemovedRule,
];
