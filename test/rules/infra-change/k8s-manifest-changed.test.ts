import { describe, expect, it } from "vitest";
import { k8sManifestChangedRule as k8sChanged } from "../../../src/rules/infra-change/k8s-manifest-changed.js";
import { addedFile, modifiedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

describe("infra-change/k8s-manifest-changed", () => {
  it("reports new and edited manifests low, naming the objects", async () => {
    const diff =
      addedFile("k8s/worker.yaml", ["apiVersion: apps/v1", "kind: Deployment", "metadata:", "  name: worker"]) +
      modifiedFile("charts/api/values.yaml", ["-image: api:1.0", "+image: api:1.1"]);
    const f = await runRule(k8sChanged, diff);
    expect(f.map((x) => [x.severity, x.message])).toEqual([
      ["low", "Kubernetes manifest added: Deployment worker"],
      ["low", "Helm values changed: charts/api/values.yaml"],
    ]);
  });

  it("ignores plain YAML config and comment-only edits", async () => {
    const config = modifiedFile("config/settings.yaml", ["-timeout: 5", "+timeout: 10"]);
    expect(await runRule(k8sChanged, config)).toEqual([]);
    const comment = modifiedFile("k8s/web.yaml", [" apiVersion: v1", " kind: Service", "+# owned by team-web"]);
    expect(await runRule(k8sChanged, comment)).toEqual([]);
  });
});

ruleTester(k8sChanged, {
  valid: [
    {
      name: "only a replica count (the risky-setting rule owns it)",
      diff: modifiedFile("k8s/web.yaml", [
        " apiVersion: apps/v1",
        " kind: Deployment",
        " spec:",
        "-  replicas: 3",
        "+  replicas: 4",
      ]),
    },
    { name: "YAML that is not a manifest", diff: modifiedFile("config/app.yaml", ["-port: 80", "+port: 8080"]) },
  ],
  invalid: [
    {
      name: "an image changed in a Deployment",
      diff: modifiedFile("k8s/web.yaml", [
        " apiVersion: apps/v1",
        " kind: Deployment",
        " metadata:",
        "   name: web",
        " spec:",
        "-  image: web:1",
        "+  image: web:2",
      ]),
      findings: [{ line: 6, severity: "low", message: "Kubernetes Deployment web changed" }],
    },
  ],
});
