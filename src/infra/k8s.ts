import { isMap, isScalar, LineCounter, parseAllDocuments } from "yaml";
import { unquote } from "../diff/line-syntax.js";
import type { ChangedFile } from "../diff/model.js";
import {
  cutLine,
  MAX_PARSE_CHARS,
  type Side,
  type SideLine,
  sideOf,
  visibleText,
  wholeSideText,
} from "../diff/side.js";
import { basenameOf } from "../util/paths.js";
import { hasDuplicateKey } from "../util/yaml.js";
import { isCiYaml, isYamlPath } from "./paths.js";

/**
 * Kubernetes and Helm manifests: which objects (kind, namespace, name) a file declares, from the whole
 * text when the diff holds it (YAML parser, multi-document) or from hunk lines (tolerant line scan; Helm
 * templates are not YAML until rendered, so they are always line-scanned).
 */

export interface K8sDoc {
  kind: string;
  name?: string;
  namespace?: string;
  /** Line of the `kind:` key on its side. */
  line: number;
  /** For hunk scans: true when the `kind:` line itself is a change on this side. */
  kindChanged?: boolean;
}

const KIND_LINE = /^kind:\s*["']?([A-Za-z][\w.-]*)["']?\s*(?:#.*)?$/;
const API_LINE = /^apiVersion:\s*\S/m;
const KIND_ANY = /^kind:\s*["']?[A-Za-z]/m;
const TOP_KEY = /^([A-Za-z_][\w.-]*):/;
const META_FIELD = /^ {2,4}(name|namespace):\s*(.+?)\s*(?:#.*)?$/;

export function k8sLabel(doc: Pick<K8sDoc, "kind" | "name" | "namespace">, file?: string): string {
  const templated = !doc.name || doc.name.includes("{{");
  const name = templated ? (file ? ` rendered by ${file}` : "") : ` ${doc.name}`;
  const ns = doc.namespace && !doc.namespace.includes("{{") ? ` in namespace ${doc.namespace}` : "";
  return `${doc.kind || "object"}${name}${ns}`;
}

export function docKey(doc: Pick<K8sDoc, "kind" | "name">): string {
  return `${doc.kind}/${doc.name ?? ""}`;
}

/** Tolerant scan of manifest lines (works on Helm templates and on partial hunks). */
export function lineScanDocs(lines: readonly { text: string; line: number; changed?: boolean }[]): {
  docs: K8sDoc[];
  /** The document each input line falls in (by index). */
  docAt: (K8sDoc | null)[];
} {
  const docs: K8sDoc[] = [];
  const docAt: (K8sDoc | null)[] = [];
  let current: K8sDoc | null = null;
  // Metadata fields may come before `kind:`; hold them until the document's kind is known.
  let pending: { name?: string; namespace?: string } = {};
  let section: string | null = null;
  const segment: number[] = [];
  const flush = () => {
    // A hunk that starts below `kind:` still shows metadata: keep it so lines can be named.
    if (current === null && (pending.name || pending.namespace)) current = { kind: "", line: 0, ...pending };
    for (const i of segment) docAt[i] = current;
    segment.length = 0;
  };
  lines.forEach((l, i) => {
    const text = l.text;
    if (text.startsWith("---")) {
      flush();
      current = null;
      pending = {};
      section = null;
      docAt[i] = null;
      return;
    }
    segment.push(i);
    const kind = KIND_LINE.exec(text);
    if (kind) {
      current = { kind: kind[1]!, line: l.line, kindChanged: !!l.changed, ...pending };
      docs.push(current);
      section = "kind";
      return;
    }
    const top = TOP_KEY.exec(text);
    if (top) {
      section = top[1]!;
      return;
    }
    if (section === "metadata" || section === null) {
      const m = META_FIELD.exec(text);
      if (m && !text.startsWith("     ")) {
        const field = m[1] as "name" | "namespace";
        const target: { name?: string; namespace?: string } = current ?? pending;
        if (target[field] === undefined) target[field] = unquote(m[2]!);
      }
    }
  });
  flush();
  return { docs, docAt };
}

/** Documents of a whole manifest text: YAML parser first, line scan for templates and parse errors. */
export function docsFromText(text: string): K8sDoc[] {
  if (text.length > MAX_PARSE_CHARS || text.includes("{{")) return scanText(text);
  try {
    const lineCounter = new LineCounter();
    const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
    if (!Array.isArray(parsed)) return scanText(text);
    const docs: K8sDoc[] = [];
    for (const doc of parsed) {
      // A repeated key is a parse error, as the parser reports it with uniqueKeys on.
      if (doc.errors.length > 0 || hasDuplicateKey(doc)) return scanText(text);
      const root = doc.contents;
      if (!isMap(root)) continue;
      let kind: string | undefined;
      let line = 0;
      let name: string | undefined;
      let namespace: string | undefined;
      for (const pair of root.items) {
        if (!isScalar(pair.key)) continue;
        if (pair.key.value === "kind" && isScalar(pair.value) && typeof pair.value.value === "string") {
          kind = pair.value.value;
          line = lineCounter.linePos(pair.key.range?.[0] ?? 0).line;
        } else if (pair.key.value === "metadata" && isMap(pair.value)) {
          for (const m of pair.value.items) {
            if (!isScalar(m.key) || !isScalar(m.value)) continue;
            if (m.key.value === "name") name = String(m.value.value);
            if (m.key.value === "namespace") namespace = String(m.value.value);
          }
        }
      }
      if (kind) docs.push({ kind, name, namespace, line });
    }
    return docs;
  } catch {
    return scanText(text);
  }
}

function scanText(text: string): K8sDoc[] {
  return lineScanDocs(text.split("\n").map((t, i) => ({ text: cutLine(t), line: i + 1 }))).docs;
}

const K8S_PATH_HINT =
  /(?:^|\/)(?:k8s|kube|kubernetes|manifests?|deploy|deployments?|helm|charts?|kustomize|overlays|base|argocd|argo|flux|gitops|clusters?)(?:\/|$)/i;

export type ManifestFlavor = "manifest" | "helm-template" | "helm-chart" | "helm-values" | "kustomization";

/**
 * What kind of Kubernetes/Helm file this is, or null for other YAML (CI, compose, CloudFormation...).
 * Decided from the path and the text the diff shows.
 */
export function manifestFlavor(file: ChangedFile): ManifestFlavor | null {
  const path = file.path;
  if (!isYamlPath(path) && !path.endsWith(".tpl")) return null;
  if (isCiYaml(path)) return null;
  const base = basenameOf(path);
  if (base === "Chart.yaml" || base === "requirements.yaml") return "helm-chart";
  if (/^kustomization\.ya?ml$/i.test(base)) return "kustomization";
  const inTemplates = /(?:^|\/)templates\//.test(path);
  if (/^values(?:[.-][\w.-]+)?\.ya?ml$/.test(base) && (inTemplates || K8S_PATH_HINT.test(path) || /chart/i.test(path)))
    return "helm-values";
  if (!isYamlPath(path)) return null;
  const text = visibleText(file, 64 * 1024);
  if (/^AWSTemplateFormatVersion|^[ \t]+Type:[ \t]*["']?AWS::/m.test(text)) return null;
  if (KIND_ANY.test(text) && (API_LINE.test(text) || inTemplates)) return inTemplates ? "helm-template" : "manifest";
  // A hunk deep inside a manifest shows neither key: trust conventional manifest folders.
  if (
    file.status === "modified" &&
    K8S_PATH_HINT.test(path) &&
    /^[ \t]+(?:containers|replicas|image|selector|spec|template):/m.test(text)
  )
    return inTemplates ? "helm-template" : "manifest";
  return null;
}

/** Documents of one side of a file: whole text when available, else the hunks' lines. */
export function sideDocs(file: ChangedFile, side: Side): K8sDoc[] {
  const whole = wholeSideText(file, side);
  if (whole !== null) return docsFromText(whole);
  const docs: K8sDoc[] = [];
  for (const lines of sideOf(file, side).hunks) docs.push(...lineScanDocs(lines).docs);
  return docs;
}

const YAML_TOP_KEY = /^([A-Za-z_][\w]*):/;

export interface SectionLine extends SideLine {
  side: Side;
  /** The top-level YAML key the line sits under, as far as the hunk shows it (null before any). */
  section: string | null;
}

/** Every non-key line of each hunk, old side then new, with the top-level YAML key it sits under. */
export function* yamlSectionLines(file: ChangedFile): Generator<SectionLine> {
  const oldSide = sideOf(file, "old").hunks;
  const newSide = sideOf(file, "new").hunks;
  for (let h = 0; h < file.hunks.length; h++) {
    for (const [side, lines] of [
      ["old", oldSide[h]!],
      ["new", newSide[h]!],
    ] as const) {
      let section: string | null = null;
      for (const l of lines) {
        const top = YAML_TOP_KEY.exec(l.text);
        if (top) section = top[1]!;
        else yield { ...l, side, section };
      }
    }
  }
}
