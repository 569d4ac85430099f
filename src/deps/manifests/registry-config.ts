import type { SideLine } from "../../diff/side.js";
import { findUrl, isPublicRegistryUrl } from "../sources.js";
import { emptySide, type ManifestSide } from "./types.js";

/**
 * Package-manager registry settings (.npmrc, .yarnrc(.yml), bunfig.toml, pip.conf): a registry other
 * than the public one, and TLS verification switched off for downloads. `registryKey` is the
 * ecosystem's spelling of the registry setting.
 */
export function parseRegistryConfig(
  lines: readonly SideLine[],
  ecosystem: "npm" | "python",
  registryKey: RegExp,
): ManifestSide {
  const out = emptySide();
  for (const l of lines) {
    if (!l.changed) continue;
    const t = l.text.trim();
    if (t.startsWith("#") || t.startsWith(";")) continue;
    if (/^(?:strict-ssl|enableStrictSsl|sslVerify|ssl_verify|verify_ssl)\s*[:=]?\s*["']?false\b/i.test(t)) {
      out.sources.push({ line: l.line, kind: "tls", target: t, severity: "high" });
      continue;
    }
    if (/^(?:trusted-host|unsafeHttpWhitelist)\b/i.test(t)) {
      out.sources.push({ line: l.line, kind: "tls", target: t, severity: "high" });
      continue;
    }
    if (!registryKey.test(t)) continue;
    const u = findUrl(t);
    if (!u) continue;
    if (!isPublicRegistryUrl(ecosystem, u))
      out.sources.push({ line: l.line, kind: "registry", target: u, severity: "high" });
  }
  return out;
}
