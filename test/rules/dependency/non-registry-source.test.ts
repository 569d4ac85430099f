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
    {
      name: "a team's own git-tagged Terraform module bumped: low (same repository, still pinned)",
      diff: modifiedFile("infra/main.tf", [
        ' module "auth0" {',
        '-  source = "github.com/acme/terraform-auth0?ref=2.0.2"',
        '+  source = "github.com/acme/terraform-auth0?ref=2.1.0"',
      ]),
      findings: [{ line: 2, severity: "low", message: "still installs from the same repository as before" }],
    },
    {
      name: "git:// switched to https:// for the same repository, in the Gemfile and its lock: low",
      diff:
        modifiedFile("Gemfile", [
          "-gem \"scout_apm\", :git => 'git://github.com/scoutapp/scout_apm_ruby.git', :ref => '574b0a6'",
          "+gem \"scout_apm\", :git => 'https://github.com/scoutapp/scout_apm_ruby.git', :ref => '574b0a6'",
        ]) +
        modifiedFile("Gemfile.lock", [
          " GIT",
          "-  remote: git://github.com/scoutapp/scout_apm_ruby.git",
          "+  remote: https://github.com/scoutapp/scout_apm_ruby.git",
          "   revision: 574b0a6",
        ]),
      findings: [
        { file: "Gemfile", severity: "low" },
        { file: "Gemfile.lock", severity: "low", message: "as before" },
      ],
    },
    {
      name: "an existing git dependency moved from a tag to a branch: medium",
      diff: modifiedFile("package.json", [
        '   "dependencies": {',
        '-    "ui": "github:acme/ui#v1.2.0",',
        '+    "ui": "github:acme/ui#main",',
      ]),
      findings: [{ severity: "medium", message: "not pinned to a commit or version tag" }],
    },
  ],
});
