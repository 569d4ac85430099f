import type { ChangedFile } from "../diff/model.js";
import { basenameOf, dirnameOf } from "../util/paths.js";
import { classifyDependencyFile, type Ecosystem, selfAndAncestors } from "./files.js";

/**
 * Which manifests and lockfiles changed together. A lockfile covers manifests in its own
 * directory and below (npm/yarn/pnpm workspaces, Cargo workspaces keep one lock at the root),
 * so pairing looks at ancestors. Built once per rule run in one pass: O(files × path depth).
 */
export interface Pairing {
  /**
   * True when the lockfile in `dir` moved with its inputs: a manifest of `ecosystem` changed in `dir`,
   * below it (workspaces) or above it (a root manifest over a nested lock), or a Dockerfile changed
   * there (a base image or toolchain bump regenerates the lock).
   */
  lockInputsChanged(ecosystem: Ecosystem, dir: string): boolean;
  /** True when one of `lockNames` changed in `dir` or an ancestor directory. */
  lockChangedAtOrAbove(lockNames: readonly string[], dir: string): boolean;
}

const DOCKERFILE = /^(?:Dockerfile|Containerfile)(?:\..+)?$|\.Dockerfile$/i;

const pairingCache = new WeakMap<readonly ChangedFile[], Pairing>();

/** The pairing of a file list, built once and shared by the rules that need it. */
export function buildPairing(allFiles: readonly ChangedFile[]): Pairing {
  let p = pairingCache.get(allFiles);
  if (!p) {
    p = computePairing(allFiles);
    pairingCache.set(allFiles, p);
  }
  return p;
}

function computePairing(allFiles: readonly ChangedFile[]): Pairing {
  /** `${ecosystem}\0${dir}` for every directory at or above a changed manifest. */
  const manifestDirs = new Set<string>();
  /** Directories holding a changed manifest, per ecosystem (`${ecosystem}\0${dir}`), and a changed Dockerfile. */
  const manifestHomes = new Set<string>();
  const imageDirs = new Set<string>();
  /** `${basename}\0${dir}` of changed lockfiles. */
  const locks = new Set<string>();
  for (const f of allFiles) {
    const dir = dirnameOf(f.path);
    if (DOCKERFILE.test(basenameOf(f.path))) for (const d of selfAndAncestors(dir)) imageDirs.add(d);
    const dep = classifyDependencyFile(f.path);
    if (!dep) continue;
    if (dep.kind === "manifest") {
      manifestHomes.add(`${dep.ecosystem}\u0000${dir}`);
      for (const d of selfAndAncestors(dir)) manifestDirs.add(`${dep.ecosystem}\u0000${d}`);
    } else if (dep.kind === "lockfile" && f.status !== "deleted") locks.add(`${basenameOf(f.path)}\u0000${dir}`);
  }
  return {
    lockInputsChanged: (ecosystem, dir) =>
      manifestDirs.has(`${ecosystem}\u0000${dir}`) ||
      imageDirs.has(dir) ||
      selfAndAncestors(dir).some((d) => manifestHomes.has(`${ecosystem}\u0000${d}`)),
    lockChangedAtOrAbove: (lockNames, dir) =>
      selfAndAncestors(dir).some((d) => lockNames.some((n) => locks.has(`${n}\u0000${d}`))),
  };
}

/** `name@spec` for ecosystems that write it so, `name spec` for the others. */
export function formatDep(ecosystem: Ecosystem, name: string, spec: string): string {
  const s = spec.trim();
  if (s === "" || s === "*" || s === "(managed)") return name;
  if (ecosystem === "npm" || ecosystem === "go" || ecosystem === "cargo" || ecosystem === "composer")
    return `${name}@${s}`;
  if (ecosystem === "python" && /^[=<>!~]/.test(s)) return `${name}${s}`;
  return `${name} ${s}`;
}

/** Numeric parts of the first version in a spec: "^1.10.2" → [1, 10, 2]. */
function versionParts(spec: string): number[] | null {
  const m = /(\d{1,9})(?:\.(\d{1,9}))?(?:\.(\d{1,9}))?/.exec(spec);
  if (!m) return null;
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

/** True when `to` is clearly a lower version than `from`. */
export function isDowngrade(from: string, to: string): boolean {
  const a = versionParts(from);
  const b = versionParts(to);
  if (!a || !b) return false;
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return b[i]! < a[i]!;
  return false;
}

/** Last path-like segment of a package name: `@scope/x` → x, `github.com/o/x/v2` → x, `g:a` → a. */
export function bareName(name: string): string {
  const parts = name.split(/[/:]/).filter((p) => p !== "" && !/^v\d+$/.test(p));
  return (parts[parts.length - 1] ?? name).toLowerCase();
}
