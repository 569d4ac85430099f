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
    {
      name: "protect off in the Python, Go, C# and Java SDKs (hunks without the imports)",
      diff:
        modifiedFile("infra/__main__.py", [
          ' db = aws.rds.Instance("db",',
          "-    opts=ResourceOptions(protect=True))",
          "+    opts=ResourceOptions(protect=False))",
        ]) +
        modifiedFile(
          "infra/main.go",
          ['   db, err := rds.NewInstance(ctx, "db", &rds.InstanceArgs{}, pulumi.Protect(false))'].map((l) => `+${l}`),
        ) +
        modifiedFile("Infra/MyStack.cs", [
          '         var db = new Aws.Rds.Instance("db", new InstanceArgs(), new CustomResourceOptions',
          "-            Protect = true,",
          "+            Protect = false,",
        ]) +
        modifiedFile("src/main/java/myproject/App.java", [
          '         var db = new Instance("db", InstanceArgs.builder().build(),',
          "-            CustomResourceOptions.builder().protect(true).build());",
          "+            CustomResourceOptions.builder().protect(false).build());",
        ]),
      findings: [
        { file: "infra/__main__.py", side: "new", message: "protect turned off" },
        { file: "infra/main.go", message: "protect turned off" },
        { file: "Infra/MyStack.cs", message: "protect turned off" },
        { file: "src/main/java/myproject/App.java", message: "protect turned off" },
      ],
    },
  ],
});
