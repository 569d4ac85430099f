import { describe, expect, it } from "vitest";
import { pulumiProtectionRule as pulumi } from "../../../src/rules/infra-change/pulumi-protection.js";
import { addedFile, modifiedFile, runRule } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

describe("infra-change/pulumi-protection", () => {
  it("reports protect turned off, protect removed and deleteBeforeReplace", async () => {
    const diff = modifiedFile("index.ts", [
      ' import * as aws from "@pulumi/aws";',
      ' const db = new aws.rds.Instance("orders", {',
      "   engine: 'postgres',",
      "-}, { protect: true });",
      "+}, { deleteBeforeReplace: true });",
    ]);
    const f = await runRule(pulumi, diff);
    expect(f.map((x) => x.message)).toEqual([
      expect.stringContaining("aws.rds.Instance 'orders': deleteBeforeReplace enabled"),
      expect.stringContaining("protect: true removed"),
    ]);
  });

  it("ignores protect flags outside Pulumi programs", async () => {
    const diff = modifiedFile("src/settings.ts", [" export const branch = {", "+  protect: false,", " };"]);
    expect(await runRule(pulumi, diff)).toEqual([]);
  });
});

ruleTester(pulumi, {
  valid: [
    {
      name: "protect: true",
      diff: addedFile("infra/index.ts", [
        'import * as pulumi from "@pulumi/pulumi";',
        'new aws.rds.Instance("db", {}, { protect: true });',
      ]),
    },
    { name: "not a Pulumi program", diff: addedFile("src/ui.ts", ["const options = { protect: false };"]) },
  ],
  invalid: [
    {
      name: "protect: false",
      diff: addedFile("infra/index.ts", [
        'import * as pulumi from "@pulumi/pulumi";',
        'new aws.rds.Instance("db", {}, { protect: false });',
      ]),
      findings: [{ line: 2, side: "new", message: "Pulumi aws.rds.Instance 'db': protect turned off" }],
    },
  ],
});
