import { indentOf } from "../diff/line-syntax.js";
import type { ChangedFile } from "../diff/model.js";
import { MAX_LINE, type Side, type SideLine, sideOf } from "../diff/side.js";
import type { RuleContext } from "../rules/types.js";
import { memoByFiles } from "../util/memo.js";
import { extensionOf } from "../util/paths.js";
import { isCiYaml } from "./paths.js";

/**
 * CloudFormation/SAM templates (YAML or JSON): logical resources and their deletion policies, read by a
 * line scanner that works on partial hunks. A resource is a key whose child `Type:` names an
 * `AWS::`/`Custom::` type; its span is every deeper-indented line after the key.
 */

export interface CfnPolicy {
  value: string;
  line: number;
  changed: boolean;
}

export interface CfnResource {
  id: string;
  type: string;
  line: number;
  /** The logical id line itself is a change on this side (added or removed resource). */
  idChanged: boolean;
  deletionPolicy?: CfnPolicy;
  updateReplacePolicy?: CfnPolicy;
  /** Changed lines inside the resource on this side. */
  changedLines: number[];
}

const TYPE_LINE = /^(\s*)"?Type"?\s*:\s*["']?((?:AWS|Alexa)::[\w:-]+|Custom::[\w-]+)/;
const KEY_LINE = /^(\s*)"?([A-Za-z][A-Za-z0-9]*)"?\s*:\s*\{?\s*$/;
const POLICY_LINE = /^\s*"?(DeletionPolicy|UpdateReplacePolicy)"?\s*:\s*["']?(\w+)/;
const CFN_MARKER =
  /AWSTemplateFormatVersion|Transform"?\s*:\s*["']?AWS::Serverless|"?Type"?\s*:\s*["']?(?:AWS::[A-Za-z0-9]+::|Custom::)/;

/** Resources seen on one side of one hunk. */
export function scanCfnLines(lines: readonly SideLine[]): CfnResource[] {
  const out: CfnResource[] = [];
  for (let i = 0; i < lines.length; i++) {
    const type = TYPE_LINE.exec(lines[i]!.text);
    if (!type) continue;
    const t = type[1]!.length;
    let j = i - 1;
    let key: RegExpExecArray | null = null;
    for (let steps = 0; j >= 0 && steps < 60; j--, steps++) {
      const text = lines[j]!.text;
      if (text.trim() === "" || text.trimStart().startsWith("#")) continue;
      if (indentOf(text) < t) {
        key = KEY_LINE.exec(text);
        break;
      }
    }
    if (!key || j < 0) continue;
    const keyIndent = key[1]!.length;
    const res: CfnResource = {
      id: key[2]!,
      type: type[2]!,
      line: lines[j]!.line,
      idChanged: lines[j]!.changed,
      changedLines: [],
    };
    for (let k = j + 1; k < lines.length; k++) {
      const l = lines[k]!;
      const trimmed = l.text.trim();
      if (trimmed === "" || trimmed.startsWith("#")) continue;
      if (indentOf(l.text) <= keyIndent) break;
      if (l.changed) res.changedLines.push(l.line);
      const p = POLICY_LINE.exec(l.text);
      if (p) {
        const policy: CfnPolicy = { value: p[2]!, line: l.line, changed: l.changed };
        if (p[1] === "DeletionPolicy") res.deletionPolicy = policy;
        else res.updateReplacePolicy = policy;
      }
    }
    out.push(res);
  }
  return out;
}

export interface CfnFileScan {
  file: ChangedFile;
  old: Map<string, CfnResource>;
  new: Map<string, CfnResource>;
}

function isTemplatePath(path: string): boolean {
  const ext = extensionOf(path);
  return ext === "yaml" || ext === "yml" || ext === "json" || ext === "template";
}

const NOT_TEMPLATES = /(?:^|\/)(?:package(?:-lock)?|composer|tsconfig[\w.-]*|[\w.-]*lock[\w.-]*)\.json$/;

export function isCloudFormationFile(file: ChangedFile): boolean {
  if (!isTemplatePath(file.path) || isCiYaml(file.path) || file.binary || NOT_TEMPLATES.test(file.path)) return false;
  // Per-line substring checks first: most YAML/JSON files never mention an AWS type.
  let scanned = 0;
  for (const hunk of file.hunks)
    for (const c of hunk.changes) {
      if (++scanned > 5000) return false;
      const t = c.content;
      if ((t.includes("AWS") || t.includes("Custom::")) && t.length <= MAX_LINE && CFN_MARKER.test(t)) return true;
    }
  return false;
}

function scanSide(file: ChangedFile, side: Side): Map<string, CfnResource> {
  const map = new Map<string, CfnResource>();
  for (const lines of sideOf(file, side).hunks)
    for (const r of scanCfnLines(lines)) {
      const prev = map.get(r.id);
      // The same resource may show in two hunks: keep what each saw.
      if (!prev) map.set(r.id, r);
      else {
        prev.idChanged ||= r.idChanged;
        prev.deletionPolicy ??= r.deletionPolicy;
        prev.updateReplacePolicy ??= r.updateReplacePolicy;
        prev.changedLines.push(...r.changedLines);
      }
    }
  return map;
}

export const cfnAnalysis = memoByFiles((files): CfnFileScan[] => {
  const out: CfnFileScan[] = [];
  for (const file of files) {
    if (!isCloudFormationFile(file)) continue;
    out.push({ file, old: scanSide(file, "old"), new: scanSide(file, "new") });
  }
  return out;
});

/** CloudFormation scans of the rule context's files (docs and tests left out). */
export function cfnScans(ctx: RuleContext): CfnFileScan[] {
  return cfnAnalysis(ctx.files).filter((s) => !ctx.paths.isDoc(s.file.path) && !ctx.paths.isTest(s.file.path));
}
