import { cloudformationTemplateChangedRule } from "../../../src/rules/infra-change/cloudformation-template-changed.js";
import { addedFile, deletedFile, modifiedFile } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

ruleTester(cloudformationTemplateChangedRule, {
  valid: [
    { name: "a YAML file that is not a template", diff: addedFile("config/app.yaml", ["port: 8080"]) },
    {
      name: "a deleted template (the deletion rule speaks for it)",
      diff: deletedFile("cfn/old.yaml", ["Resources:", "  Q:", "    Type: AWS::SQS::Queue"]),
    },
  ],
  invalid: [
    {
      name: "a resource added",
      diff: modifiedFile("cfn/storage.yaml", [" Resources:", "+  Scratch:", "+    Type: AWS::S3::Bucket"]),
      findings: [{ line: 2, severity: "low", message: "added Scratch (AWS::S3::Bucket)" }],
    },
  ],
});
