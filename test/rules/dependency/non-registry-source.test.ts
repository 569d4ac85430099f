import { nonRegistrySourceRule } from "../../../src/rules/dependency/non-registry-source.js";
import { modifiedFile } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

ruleTester(nonRegistrySourceRule, {
  valid: [
    { name: "a registry range", diff: modifiedFile("package.json", ['   "dependencies": {', '+    "ui": "^1.0.0",']) },
    { name: "the public PyPI index", diff: modifiedFile("requirements.txt", ["+--index-url https://pypi.org/simple"]) },
  ],
  invalid: [
    {
      name: "a GitHub dependency",
      diff: modifiedFile("package.json", ['   "dependencies": {', '+    "ui": "github:acme/ui#v1",']),
      findings: [{ line: 2, severity: "high", message: "ui installs from git (github:acme/ui#v1)" }],
    },
    {
      name: "an extra package index",
      diff: modifiedFile("requirements.txt", ["+--extra-index-url https://pkgs.example.com/simple"]),
      findings: [{ line: 1, severity: "high", message: "outside the public registry" }],
    },
  ],
});
