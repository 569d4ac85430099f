import { emptySide, type ManifestParser } from "./types.js";

/** Go modules: go.mod. */

/** go.mod: `require` lines and blocks; `replace` directives pointing elsewhere are sources. */
export const parseGoMod: ManifestParser = (lines) => {
  const out = emptySide();
  let block: string | null = null;
  for (const l of lines) {
    const t = l.text.replace(/(?:^|\s)\/\/.*$/, "").trim();
    if (l.hunkStart) block = /^\s*(require|replace)\s*\(/.exec(l.header)?.[1] ?? null;
    if (t === "") continue;
    const open = /^(require|replace|exclude|retract|tool|ignore|godebug)\s*\($/.exec(t);
    if (open) {
      block = open[1]!;
      continue;
    }
    if (t === ")") {
      block = null;
      continue;
    }
    let directive = block;
    let body = t;
    const single = /^(require|replace|exclude|retract|module|go|toolchain|tool)\s+(.*)$/.exec(t);
    if (single) {
      directive = single[1]!;
      body = single[2]!;
    }
    if (!l.changed) continue;
    if (directive === "require") {
      const m = /^(\S{1,500})\s+(v\S{1,200})$/.exec(body);
      if (m) out.deps.push({ name: m[1]!, spec: m[2]!, line: l.line });
    } else if (directive === "replace") {
      const m = /^(\S{1,500})(?:\s+v\S{1,200})?\s*=>\s*(\S{1,500})(?:\s+(v\S{1,200}))?$/.exec(body);
      if (!m) continue;
      const from = m[1]!;
      const to = m[2]!;
      if (/^(?:\.{1,2}\/|\/)/.test(to)) {
        out.sources.push({ line: l.line, kind: "path", target: to, name: from, severity: "low" });
      } else if (to !== from) {
        const target = m[3] ? `${to}@${m[3]}` : to;
        out.sources.push({ line: l.line, kind: "fork", target, name: from, severity: "high" });
      } else if (m[3]) {
        out.deps.push({ name: from, spec: m[3], line: l.line });
      }
    }
  }
  return out;
};
