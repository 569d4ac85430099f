import { addedText, removedText, sideOf, visibleText } from "../../diff/side.js";
import { enclosingConstruct } from "../../infra/constructs.js";
import { isIacSourcePath, isYamlPath } from "../../infra/paths.js";
import { basenameOf } from "../../util/paths.js";
import type { Rule, RuleFinding } from "../types.js";

// Every SDK's spelling: TypeScript/YAML `protect: false`, Python `protect=False`, Go `pulumi.Protect(false)`,
// C# `Protect = false`, Java `.protect(false)`.
const PROTECT_OFF =
  /\b(?:protect\s*[:=]\s*(?:false|False)\b|pulumi\.Protect\(\s*false\s*\)|Protect\s*=\s*false\b)|\.protect\(\s*false\s*\)/;
const DELETE_FIRST =
  /\b(?:deleteBeforeReplace\s*[:=]\s*true|delete_before_replace\s*=\s*True|pulumi\.DeleteBeforeReplace\(\s*true\s*\)|DeleteBeforeReplace\s*=\s*true)\b|\.deleteBeforeReplace\(\s*true\s*\)/;
const PROTECT_ON =
  /\b(?:protect\s*[:=]\s*(?:true|True)\b|pulumi\.Protect\(\s*true\s*\)|Protect\s*=\s*true\b)|\.protect\(\s*true\s*\)/;
// Words every option above contains, to skip most files with one search (one alternation beats an `includes` per word).
const ADDED_HINT = /rotect|eforeReplace|efore_replace/;
/** Pulumi's resource-option types: a hunk that shows them is a Pulumi program even without its imports. */
const PULUMI_OPTIONS = /\b(?:Custom|Component)?ResourceOptions\b/;

function isPulumiFile(path: string, text: string): boolean {
  if (/^Pulumi(?:\.[\w-]+)?\.ya?ml$/.test(basenameOf(path))) return true;
  return (/pulumi/i.test(text) || PULUMI_OPTIONS.test(text)) && (isIacSourcePath(path) || isYamlPath(path));
}

/** Pulumi resource options that let a resource be deleted: `protect: false` (or removed), `deleteBeforeReplace`. */
export const pulumiProtectionRule: Rule = {
  id: "infra-change/pulumi-protection",
  category: "infra-change",
  description: "Pulumi protect turned off or removed, or deleteBeforeReplace enabled.",
  severity: "high",
  remediation:
    "Keep `protect: true` on stateful resources; deleteBeforeReplace causes downtime and loses data on replacement, use it only when names must be reused.",
  docs: {
    severity: "high",
    detects:
      "In Pulumi programs (`Pulumi*.yaml`, or files that mention pulumi or its `ResourceOptions` types): protect turned off in every SDK language (`protect: false`, `protect=False`, `pulumi.Protect(false)`, `Protect = false`, `.protect(false)`), a `protect: true` removed, deleteBeforeReplace enabled (all spellings).",
  },
  run(ctx) {
    const findings: RuleFinding[] = [];
    for (const file of ctx.files) {
      if (file.binary || file.status === "deleted") continue;
      if (!isIacSourcePath(file.path) && !isYamlPath(file.path)) continue;
      if (ctx.paths.isTest(file.path) || ctx.paths.isDoc(file.path)) continue;
      const added = addedText(file);
      const hasAdded = ADDED_HINT.test(added);
      if (!hasAdded && !(file.removed.length > 0 && removedText(file).includes("rotect"))) continue;
      if (!isPulumiFile(file.path, visibleText(file, 64 * 1024))) continue;
      const protectReAdded = file.added.some((l) => PROTECT_ON.test(l.content));
      for (let h = 0; h < file.hunks.length; h++) {
        const lines = sideOf(file, "new").hunks[h]!;
        lines.forEach((l, i) => {
          if (!l.changed) return;
          const what = PROTECT_OFF.test(l.text)
            ? "protect turned off (pulumi destroy/up may delete it)"
            : DELETE_FIRST.test(l.text)
              ? "deleteBeforeReplace enabled (deleted before its replacement exists)"
              : null;
          if (!what) return;
          const target = enclosingConstruct(lines, i);
          findings.push({
            file: file.path,
            line: l.line,
            side: "new",
            message: `Pulumi ${target ?? `resource in ${file.path}`}: ${what}`,
          });
        });
        // A protect flag flipped to false is reported once, as turned off.
        if (protectReAdded || lines.some((l) => l.changed && PROTECT_OFF.test(l.text))) continue;
        const old = sideOf(file, "old").hunks[h]!;
        old.forEach((l, i) => {
          if (!l.changed || !PROTECT_ON.test(l.text)) return;
          const target = enclosingConstruct(old, i);
          findings.push({
            file: file.path,
            line: l.line,
            side: "old",
            message: `Pulumi ${target ?? `resource in ${file.path}`}: protect: true removed (the resource can now be deleted)`,
          });
        });
      }
    }
    return findings;
  },
};
