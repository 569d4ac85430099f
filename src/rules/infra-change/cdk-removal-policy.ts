import { isCommentLine } from "../../diff/line-syntax.js";
import { addedText, sideOf } from "../../diff/side.js";
import { enclosingConstruct } from "../../infra/constructs.js";
import { isIacSourcePath } from "../../infra/paths.js";
import type { Rule, RuleFinding } from "../types.js";

const PATTERNS: readonly { re: RegExp; what: string }[] = [
  { re: /RemovalPolicy[._]DESTROY\b/, what: "RemovalPolicy.DESTROY (deleted with the stack or on replacement)" },
  {
    re: /\b(?:autoDeleteObjects\s*[:=(]\s*true|auto_delete_objects\s*=\s*True|AutoDeleteObjects\s*:\s*jsii\.Bool\(true\))/,
    what: "autoDeleteObjects enabled (the bucket's objects are deleted with it)",
  },
  {
    re: /\b(?:deletionProtection\s*[:=(]\s*false|deletion_protection\s*=\s*False|DeletionProtection\s*:\s*jsii\.Bool\(false\))/,
    what: "deletionProtection turned off",
  },
];

/**
 * Substrings every pattern contains: one search of the file's added text skips most files (one
 * RegExp alternation is several times faster than an `includes` per word on large texts).
 */
const PREFILTER = /DESTROY|utoDeleteObjects|auto_delete_objects|eletionProtection|deletion_protection/;

/** AWS CDK code that lets a resource and its data be destroyed: `RemovalPolicy.DESTROY`, `autoDeleteObjects`. */
export const cdkRemovalPolicyRule: Rule = {
  id: "infra-change/cdk-removal-policy",
  category: "infra-change",
  description: "AWS CDK removal policy set to DESTROY, autoDeleteObjects or deletion protection off.",
  severity: "high",
  remediation: "Use RemovalPolicy.RETAIN (or SNAPSHOT) for resources that hold data outside throwaway stacks.",
  docs: {
    severity: "high",
    detects:
      "CDK code (TS/JS/Python/Java/C#/Go) adding `RemovalPolicy.DESTROY`, `autoDeleteObjects: true` (`auto_delete_objects=True`), or `deletionProtection: false`. Names the construct (`s3.Bucket 'Reports'`). Tests and comments are ignored.",
  },
  run(ctx) {
    const findings: RuleFinding[] = [];
    for (const file of ctx.files) {
      if (file.binary || !isIacSourcePath(file.path) || ctx.paths.isTest(file.path) || ctx.paths.isDoc(file.path))
        continue;
      const text = addedText(file);
      if (!PREFILTER.test(text)) continue;
      for (const lines of sideOf(file, "new").hunks) {
        lines.forEach((l, i) => {
          if (!l.changed || !PREFILTER.test(l.text) || isCommentLine(file.path, l.text)) return;
          for (const p of PATTERNS) {
            if (!p.re.test(l.text)) continue;
            const target = enclosingConstruct(lines, i);
            findings.push({
              file: file.path,
              line: l.line,
              side: "new",
              message: `CDK ${target ?? `resource in ${file.path}`}: ${p.what}`,
            });
          }
        });
      }
    }
    return findings;
  },
};
