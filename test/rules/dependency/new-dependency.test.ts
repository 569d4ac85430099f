import { newDependencyRule } from "../../../src/rules/dependency/new-dependency.js";
import { addedFile, modifiedFile } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

ruleTester(newDependencyRule, {
  valid: [
    {
      name: "a version bump",
      diff: modifiedFile("package.json", [
        '   "dependencies": {',
        '-    "react": "^18.2.0",',
        '+    "react": "^18.3.1",',
      ]),
    },
    { name: "a README mentioning a package", diff: addedFile("README.md", ["npm install left-pad"]) },
  ],
  invalid: [
    {
      name: "a new dependency",
      diff: modifiedFile("package.json", ['   "dependencies": {', '+    "left-pad": "^1.3.0",']),
      findings: [{ line: 2, severity: "low", message: "adds dependency left-pad@^1.3.0" }],
    },
    {
      name: "a swap to a same-named package from another publisher",
      diff: modifiedFile("package.json", [
        '   "dependencies": {',
        '-    "skia-canvas": "^1.0.0",',
        '+    "@someone/skia-canvas": "^1.0.0",',
      ]),
      findings: [{ line: 2, severity: "medium", message: "replaces skia-canvas with @someone/skia-canvas@^1.0.0" }],
    },
  ],
});
