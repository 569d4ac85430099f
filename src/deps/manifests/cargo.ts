import { unquote } from "../../diff/line-syntax.js";
import { isPublicRegistryUrl } from "../sources.js";
import { tomlDep, walkToml } from "./toml.js";
import { emptySide, isVersionLike, type ManifestParser } from "./types.js";

/** Rust (Cargo): Cargo.toml and the registries of .cargo/config.toml. */

const CARGO_NOT_DEPS = new Set([
  "version",
  "edition",
  "rust-version",
  "name",
  "resolver",
  "license",
  "description",
  "readme",
  "authors",
]);

export const parseCargoToml: ManifestParser = (lines) => {
  const out = emptySide();
  walkToml(lines, {
    table(st, l) {
      // `[dependencies.serde]` style: the table names the crate.
      const m = /^(?:.*\.)?(?:dependencies|dev-dependencies|build-dependencies)\.([\w-]{1,100})$/.exec(st.table ?? "");
      if (m && l.changed) out.deps.push({ name: m[1]!, spec: "", line: l.line });
    },
    pair(st, key, value, l) {
      if (!l.changed) return;
      const table = st.table;
      const sub = table
        ? /^(?:.*\.)?(?:dependencies|dev-dependencies|build-dependencies)\.([\w-]{1,100})$/.exec(table)
        : null;
      if (sub) {
        const crate = sub[1]!;
        if (key === "version") out.deps.push({ name: crate, spec: unquote(value), line: l.line });
        else if (key === "git")
          out.sources.push({ line: l.line, kind: "git", target: unquote(value), name: crate, severity: "high" });
        else if (key === "registry" || key === "registry-index")
          out.sources.push({ line: l.line, kind: "registry", target: unquote(value), name: crate, severity: "high" });
        return;
      }
      const depTable =
        table !== null &&
        (/(?:^|\.)(?:dependencies|dev-dependencies|build-dependencies)$/.test(table) || /^patch\./.test(table));
      if (
        depTable ||
        (table === null && !CARGO_NOT_DEPS.has(key) && (isVersionLike(unquote(value)) || value.startsWith("{")))
      ) {
        if (table === null && value.startsWith("{") && !/\b(?:version|git|path)\s*=/.test(value)) return;
        tomlDep("cargo", key, value, l.line, out);
      }
    },
  });
  return out;
};

/** .cargo/config.toml: source replacement and extra registries. */
export const parseCargoConfig: ManifestParser = (lines) => {
  const out = emptySide();
  walkToml(lines, {
    pair(st, key, value, l) {
      if (!l.changed) return;
      const v = unquote(value);
      if ((key === "index" || key === "registry") && st.table && /^(?:registries|source|registry)\b/.test(st.table)) {
        const u = v.replace(/^sparse\+/, "");
        if (!isPublicRegistryUrl("cargo", u))
          out.sources.push({ line: l.line, kind: "registry", target: v, severity: "high" });
      } else if (key === "replace-with" && st.table?.startsWith("source")) {
        out.sources.push({ line: l.line, kind: "registry", target: `${st.table} → ${v}`, severity: "high" });
      }
    },
  });
  return out;
};
