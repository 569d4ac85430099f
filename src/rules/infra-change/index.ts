import type { Rule } from "../types.js";
import { k8sManifestChangedRule } from "./k8s-manifest-changed.js";
import { k8sRiskySettingRule } from "./k8s-risky-setting.js";
import { terraformProtectionWeakenedRule } from "./terraform-protection-weakened.js";
import { terraformResourceChangedRule } from "./terraform-resource-changed.js";

/** Rules of the `infra-change` category, one file each. */
export const infraChangeRules: Rule[] = [
  terraformProtectionWeakenedRule,
  terraformResourceChangedRule,
  k8sRiskySettingRule,
  k8sManifestChangedRule,
];
