import type { SideLine } from "../../diff/side.js";
import { classifyUrl, findUrl } from "../sources.js";
import { emptySide, type ManifestParser, type ManifestSide } from "./types.js";

/** NuGet (.NET): *.csproj / *.fsproj / *.vbproj, Directory.Packages.props, packages.config, nuget.config. */

function packageReferences(lines: readonly SideLine[], packagesConfig: boolean): ManifestSide {
  const out = emptySide();
  for (const l of lines) {
    if (!l.changed) continue;
    const t = l.text;
    if (packagesConfig) {
      const m = /<package\s[^>]{0,500}?\bid="([^"]{1,200})"[^>]{0,500}?\bversion="([^"]{1,100})"/i.exec(t);
      if (m) out.deps.push({ name: m[1]!, spec: m[2]!, line: l.line });
      continue;
    }
    const m =
      /<(?:PackageReference|PackageVersion|GlobalPackageReference)\s[^>]{0,500}?\b(?:Include|Update)="([^"]{1,200})"([^>]{0,500})/i.exec(
        t,
      );
    if (m) {
      const v = /\bVersion(?:Override)?="([^"]{1,100})"/i.exec(m[2]!);
      out.deps.push({ name: m[1]!, spec: v ? v[1]! : "(managed)", line: l.line });
      continue;
    }
    if (/<RestoreSources>|<RestoreAdditionalProjectSources>/i.test(t)) {
      const u = findUrl(t);
      if (u && classifyUrl("nuget", u))
        out.sources.push({ line: l.line, kind: "registry", target: u, severity: "high" });
    }
  }
  return out;
}

export const parseNugetConfig: ManifestParser = (lines) => {
  const out = emptySide();
  for (const l of lines) {
    if (!l.changed) continue;
    const m = /<add\s[^>]{0,500}?\bvalue="([^"]{1,2000})"/i.exec(l.text);
    if (!m) continue;
    const u = findUrl(m[1]!);
    if (u && classifyUrl("nuget", u)) out.sources.push({ line: l.line, kind: "registry", target: u, severity: "high" });
  }
  return out;
};

export const parseMsbuild: ManifestParser = (lines) => packageReferences(lines, false);
export const parsePackagesConfig: ManifestParser = (lines) => packageReferences(lines, true);
