import type { Rule } from "../types.js";
import { cdkRemovalPolicyRule } from "./cdk-removal-policy.js";
import { cloudformationDeletionPolicyRule } from "./cloudformation-deletion-policy.js";
import { cloudformationTemplateChangedRule } from "./cloudformation-template-changed.js";
import { k8sManifestChangedRule } from "./k8s-manifest-changed.js";
import { k8sRiskySettingRule } from "./k8s-risky-setting.js";
import { pulumiProtectionRule } from "./pulumi-protection.js";
import { terraformProtectionWeakenedRule } from "./terraform-protection-weakened.js";
import { terraformResourceChangedRule } from "./terraform-resource-changed.js";

/** Rules of the `infra-change` category, one file each. */
export const infraChangeRules: Rule[] = [
  terraformProtectionWeakenedRule,
  terraformResourceChangedRule,
  k8sRiskySettingRule,
  k8sManifestChangedRule,
  cloudformationDeletionPolicyRule,
  cloudformationTemplateChangedRule,
  cdkRemovalPolicyRule,
  pulumiProtectionRule,
];
