import { leakWarning, skeletonOf } from "../engine/mask.js";
import { guardOf } from "../secrets/guard.js";
import type { Report } from "../types.js";

/**
 * Every format's last step: the rendered output is checked against the secrets found in this run (the
 * guard attached by the engine). A hit is a leak the masking missed: it is masked in the output and, so
 * the reader knows, the output is rendered again with a bug warning. Only windows of plain token
 * characters count here, so masking can never cut through the format's own syntax.
 */
export function withFinalPass(report: Report, format: string, render: (report: Report) => string): string {
  const output = render(report);
  const guard = guardOf(report);
  if (!guard || guard.empty) return output;
  // A PR can make a random-looking string a "secret": what the format prints of its own (JSON keys,
  // rule ids, category names, the template) is exempt, so it cannot be made to garble the report.
  let skeleton: string | undefined;
  const own = (window: string) => {
    skeleton ??= render(skeletonOf(report));
    return skeleton.includes(window);
  };
  const first = guard.mask(output, true, own);
  if (first.leaks === 0) return output;
  const warned: Report = {
    ...report,
    warnings: [...report.warnings, leakWarning(first.leaks, `the ${format} output`)],
  };
  return guard.mask(render(warned), true, own).text;
}
