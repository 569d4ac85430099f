import { findUrl } from "../sources.js";
import { emptySide, type ManifestParser } from "./types.js";

/** Terraform and OpenTofu: required_providers versions and module sources and versions in *.tf. */

/** `module "vpc"` → `module.vpc`, the address Terraform itself prints (undefined outside a module block). */
function moduleAddress(stack: readonly string[]): string | undefined {
  const moduleLabel = stack.find((s) => s.startsWith("module "));
  return moduleLabel ? `module.${moduleLabel.slice(7).replace(/"/g, "").trim()}` : undefined;
}

export const parseTerraform: ManifestParser = (lines) => {
  const out = emptySide();
  let stack: string[] = [];
  let lastSource: string | null = null;
  for (const l of lines) {
    if (l.hunkStart) {
      stack = [];
      lastSource = null;
      const h = l.header.trim();
      if (/^(?:terraform|module\s+"[^"]{1,200}"|provider\s+"[^"]{1,200}")\s*\{/.test(h))
        stack.push(h.replace(/\s*\{.*$/, ""));
    }
    const t = l.text.replace(/(?:^|\s)(?:#|\/\/).*$/, "").trim();
    if (t === "") continue;
    if (t.endsWith("{")) {
      const label = t.replace(/\s*=?\s*\{$/, "").trim();
      stack.push(label);
      if (/^(?:module|resource|data)\s/.test(label) || stack.length === 1) lastSource = null;
      continue;
    }
    if (t.startsWith("}")) {
      stack.pop();
      continue;
    }
    const kv = /^([\w-]{1,100})\s*=\s*"([^"]{0,2000})"$/.exec(t);
    if (!kv) continue;
    const [, key, value] = kv as unknown as [string, string, string];
    // The enclosing blocks are looked at only for the lines that need them (changed sources and pins).
    if (key === "source") {
      lastSource = value;
      const module = l.changed ? moduleAddress(stack) : undefined;
      if (module) {
        const u = findUrl(value) ?? (/^(?:git::|github\.com\/|bitbucket\.org\/|s3::|gcs::)/.test(value) ? value : null);
        if (u) {
          const kind = /^git::|github\.com\/|bitbucket\.org\/|\.git\b/.test(value) ? "git" : "url";
          out.sources.push({ line: l.line, kind, target: value, name: module, severity: "high" });
        }
      }
      continue;
    }
    if (!l.changed) continue;
    const inProviders = stack.includes("required_providers");
    if (inProviders && stack[stack.length - 1] === "required_providers") {
      // Old-style `google = "~> 3.0"`.
      out.deps.push({ name: key, spec: value, line: l.line });
      continue;
    }
    if (key !== "version") continue;
    const module = moduleAddress(stack);
    const inProviderBlock = stack.find((s) => s.startsWith("provider "));
    const entry = stack[stack.length - 1];
    if (inProviders && entry && entry !== "required_providers") {
      out.deps.push({ name: lastSource ?? entry, spec: value, line: l.line });
    } else if (module) {
      out.deps.push({ name: `${module} (${lastSource ?? "module"})`, spec: value, line: l.line });
    } else if (inProviderBlock) {
      out.deps.push({ name: inProviderBlock, spec: value, line: l.line });
    } else if (
      stack.length === 0 &&
      lastSource !== null &&
      /^(?:[\w.-]+\/)?[\w-]+\/[\w-]+(?:\/[\w-]+)?$/.test(lastSource)
    ) {
      // Hunk starts inside the block: a version right after a registry source is a provider/module pin.
      out.deps.push({ name: lastSource, spec: value, line: l.line });
    }
  }
  return out;
};
