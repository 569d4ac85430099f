import { classifyUrl } from "../sources.js";
import { emptySide, type ManifestParser } from "./types.js";

/** Maven: pom.xml dependencies, plugins, parents, version properties and repositories. */

interface PomBlock {
  kind: string;
  groupId?: string;
  artifactId?: string;
  version?: string;
  versionLine?: number;
  changedLine?: number;
  versionChanged: boolean;
}

const POM_DEP_BLOCKS = new Set(["dependency", "plugin", "parent", "extension"]);

export const parsePom: ManifestParser = (lines) => {
  const out = emptySide();
  let stack: string[] = [];
  let block: PomBlock | null = null;
  const flush = () => {
    if (block?.changedLine !== undefined && block.artifactId) {
      const name = block.groupId ? `${block.groupId}:${block.artifactId}` : block.artifactId;
      out.deps.push({
        name,
        spec: block.version ?? "(managed)",
        line: block.versionChanged ? block.versionLine! : block.changedLine,
      });
    }
    block = null;
  };
  for (const l of lines) {
    if (l.hunkStart) {
      flush();
      stack = [];
    }
    const t = l.text.trim();
    if (t === "" || t.startsWith("<!--")) continue;
    const open = /^<([A-Za-z][\w.-]{0,100})(?:\s[^>]{0,500})?>$/.exec(t);
    const close = /^<\/([A-Za-z][\w.-]{0,100})>$/.exec(t);
    const leaf = /^<([A-Za-z][\w.-]{0,100})>([^<]{0,2000})<\/\1>$/.exec(t);
    if (open) {
      stack.push(open[1]!);
      if (POM_DEP_BLOCKS.has(open[1]!)) {
        flush();
        block = { kind: open[1]!, versionChanged: false, changedLine: l.changed ? l.line : undefined };
      }
      continue;
    }
    if (close) {
      const i = stack.lastIndexOf(close[1]!);
      if (i >= 0) stack = stack.slice(0, i);
      if (block && close[1] === block.kind) {
        if (l.changed && block.changedLine === undefined) block.changedLine = l.line;
        flush();
      }
      continue;
    }
    if (!leaf) continue;
    const tag = leaf[1]!;
    const value = leaf[2]!.trim();
    if (block) {
      if (tag === "groupId") block.groupId = value;
      else if (tag === "artifactId") block.artifactId = value;
      else if (tag === "version") {
        block.version = value;
        block.versionLine = l.line;
        if (l.changed) block.versionChanged = true;
      }
      if (l.changed && block.changedLine === undefined) block.changedLine = l.line;
      continue;
    }
    if (!l.changed) continue;
    // Version properties (`<spring.version>`), the usual way a Maven bump is written.
    if (/[.-]version$/i.test(tag) && stack[stack.length - 1] !== "project") {
      out.deps.push({ name: tag.replace(/[.-]version$/i, ""), spec: value, line: l.line });
      continue;
    }
    if (tag === "url" && (stack.includes("repository") || stack.includes("pluginRepository"))) {
      if (stack.includes("distributionManagement")) continue;
      const kind = classifyUrl("maven", value);
      if (kind) out.sources.push({ line: l.line, kind: "registry", target: value, severity: "high" });
    }
  }
  flush();
  return out;
};
