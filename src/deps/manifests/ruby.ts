import { isArchivePath, isPublicRegistryUrl, type SourceRef, sourceSeverity } from "../sources.js";
import { emptySide, type ManifestParser } from "./types.js";

/** Ruby (Bundler): Gemfile / gems.rb and *.gemspec. */

const GEM_LINE = /^\s*gem\s*\(?\s*["']([^"']{1,200})["']\s*(.*)$/;
const GEM_SOURCE_OPTION = /(?::|\b)(git|github|gist|bitbucket|path|source)\s*(?::|=>)\s*["']([^"']{1,2000})["']/;

export const parseGemfile: ManifestParser = (lines) => {
  const out = emptySide();
  for (const l of lines) {
    if (!l.changed) continue;
    const t = l.text.replace(/\s#.*$/, "");
    const gem = GEM_LINE.exec(t);
    if (gem) {
      const name = gem[1]!;
      const rest = gem[2]!;
      const versions: string[] = [];
      for (const m of rest.matchAll(/(?:^|,)\s*["']([~><=!\s]{0,4}\d[^"']{0,100})["']/g)) versions.push(m[1]!.trim());
      out.deps.push({ name, spec: versions.join(", ") || "*", line: l.line });
      const opt = GEM_SOURCE_OPTION.exec(rest);
      if (opt) {
        const key = opt[1]!;
        const target = opt[2]!;
        let kind: SourceRef["kind"] | null =
          key === "path"
            ? "path"
            : key === "source"
              ? isPublicRegistryUrl("ruby", target)
                ? null
                : "registry"
              : "git";
        if (kind === "path" && isArchivePath(target)) kind = "archive";
        if (kind) out.sources.push({ line: l.line, kind, target, name, severity: sourceSeverity(kind) });
      }
      continue;
    }
    const src = /^\s*source\s*\(?\s*["']([^"']{1,2000})["']/.exec(t);
    if (src) {
      if (!isPublicRegistryUrl("ruby", src[1]!))
        out.sources.push({ line: l.line, kind: "registry", target: src[1]!, severity: "high" });
      continue;
    }
    const gitBlock = /^\s*(git|path)\s*\(?\s*["']([^"']{1,2000})["']/.exec(t);
    if (gitBlock) {
      const kind = gitBlock[1] === "git" ? "git" : "path";
      out.sources.push({ line: l.line, kind, target: gitBlock[2]!, severity: sourceSeverity(kind) });
    }
  }
  return out;
};

export const parseGemspec: ManifestParser = (lines) => {
  const out = emptySide();
  for (const l of lines) {
    if (!l.changed) continue;
    const m = /\.add_(?:runtime_|development_)?dependency\s*\(?\s*["']([^"']{1,200})["']\s*(.*)$/.exec(l.text);
    if (!m) continue;
    const versions = [...m[2]!.matchAll(/["']([^"']{1,100})["']/g)].map((v) => v[1]!.trim());
    out.deps.push({ name: m[1]!, spec: versions.join(", ") || "*", line: l.line });
  }
  return out;
};
