import { unquote } from "../../diff/line-syntax.js";
import { classifyUrl, findUrl } from "../sources.js";
import { walkToml } from "./toml.js";
import { emptySide, type ManifestParser } from "./types.js";

/** Gradle: build scripts (Groovy and Kotlin DSL) and version catalogs (gradle/*.versions.toml). */

const GRADLE_CONFIGS =
  /\b(?:implementation|api|compileOnly|runtimeOnly|testImplementation|testRuntimeOnly|testCompileOnly|androidTestImplementation|debugImplementation|releaseImplementation|kapt|ksp|annotationProcessor|classpath|compile|testCompile|developmentOnly|[a-z]{1,40}Implementation)\b/;
const GRADLE_COORD = /["']([\w.-]{1,200}):([\w.-]{1,200}):([^"'@:\s]{1,100})(?:@\w{1,20})?["']/;
const GRADLE_PLUGIN = /\bid\s*\(?\s*["']([\w.-]{1,200})["']\s*\)?\s*version\s*\(?\s*["']([^"']{1,100})["']/;

export const parseGradle: ManifestParser = (lines) => {
  const out = emptySide();
  for (const l of lines) {
    if (!l.changed) continue;
    const t = l.text.replace(/(?:^|\s)\/\/.*$/, "");
    const plugin = GRADLE_PLUGIN.exec(t);
    if (plugin) {
      out.deps.push({ name: plugin[1]!, spec: plugin[2]!, line: l.line });
      continue;
    }
    if (GRADLE_CONFIGS.test(t) || /\bplatform\s*\(/.test(t)) {
      const c = GRADLE_COORD.exec(t);
      if (c) {
        out.deps.push({ name: `${c[1]}:${c[2]}`, spec: c[3]!, line: l.line });
        continue;
      }
      const map =
        /group\s*:\s*["']([^"']{1,200})["']\s*,\s*name\s*:\s*["']([^"']{1,200})["']\s*,\s*version\s*:\s*["']([^"']{1,100})["']/.exec(
          t,
        );
      if (map) out.deps.push({ name: `${map[1]}:${map[2]}`, spec: map[3]!, line: l.line });
      continue;
    }
    if (/\b(?:maven|url|ivy)\b/.test(t)) {
      const u = findUrl(t);
      if (u && classifyUrl("gradle", u))
        out.sources.push({ line: l.line, kind: "registry", target: u, severity: "high" });
    }
  }
  return out;
};

/** gradle/libs.versions.toml. */
export const parseGradleCatalog: ManifestParser = (lines) => {
  const out = emptySide();
  walkToml(lines, {
    pair(st, key, value, l) {
      if (!l.changed) return;
      if (st.table === "versions") {
        out.deps.push({ name: key, spec: unquote(value), line: l.line });
        return;
      }
      if (value.startsWith('"')) {
        const parts = unquote(value).split(":");
        if (parts.length === 3) out.deps.push({ name: `${parts[0]}:${parts[1]}`, spec: parts[2]!, line: l.line });
        return;
      }
      const module = /\b(?:module|id)\s*=\s*"([^"]{1,300})"/.exec(value);
      const group = /\bgroup\s*=\s*"([^"]{1,200})"\s*,\s*name\s*=\s*"([^"]{1,200})"/.exec(value);
      const version = /\bversion(?:\.ref)?\s*=\s*"([^"]{1,100})"/.exec(value);
      const name = module ? module[1]! : group ? `${group[1]}:${group[2]}` : null;
      if (name) out.deps.push({ name, spec: version ? version[1]! : "(managed)", line: l.line });
    },
  });
  return out;
};
