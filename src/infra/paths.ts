import { basenameOf, extensionOf } from "../util/paths.js";

/** Which paths hold infrastructure code, by name: cheap checks run on every changed file. */

export function isYamlPath(path: string): boolean {
  const ext = extensionOf(path);
  return ext === "yaml" || ext === "yml";
}

export function isTerraformPath(path: string): boolean {
  const ext = extensionOf(path);
  return ext === "tf" || ext === "tofu";
}

export function isTerraformJsonPath(path: string): boolean {
  return path.endsWith(".tf.json") || path.endsWith(".tofu.json");
}

/** GitHub workflow and action files: YAML that is CI configuration, never infrastructure. */
export function isCiYaml(path: string): boolean {
  return path.startsWith(".github/") || path.includes("/.github/") || basenameOf(path) === ".gitlab-ci.yml";
}

const SOURCE_LANGS = new Set(["ts", "tsx", "js", "mjs", "cjs", "mts", "cts", "py", "java", "cs", "go", "kt", "fs"]);

/** Languages CDK and Pulumi programs are written in. */
export function isIacSourcePath(path: string): boolean {
  return SOURCE_LANGS.has(extensionOf(path));
}
