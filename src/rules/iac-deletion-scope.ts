import type { RuleFinding } from "./types.js";

/**
 * Infrastructure code that no environment deploys: examples, samples, demos, quick starts (test and
 * fixture folders are never analysed). Deleting a resource there removes documentation, not
 * infrastructure, so the infra-deletion rules report it at low.
 */
const EXAMPLE_IAC = /(?:^|\/)(?:examples?|samples?|demos?|quick-?starts?|playground|sandbox)\//i;

export function isExampleIac(path: string): boolean {
  return EXAMPLE_IAC.test(path);
}

/** An infra-deletion finding, lowered to low and said to be an example when it is in example code. */
export function inDeploymentScope(f: RuleFinding): RuleFinding {
  return isExampleIac(f.file) ? { ...f, severity: "low", message: `${f.message} (example code, not a deployment)` } : f;
}
