import { manifestWithoutLockfileRule } from "../../../src/rules/dependency/manifest-without-lockfile.js";
import { modifiedFile } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

ruleTester(manifestWithoutLockfileRule, {
  valid: [
    {
      name: "the lock changed with it",
      diff:
        modifiedFile("package.json", ['   "dependencies": {', '+    "left-pad": "^1.3.0",']) +
        modifiedFile("package-lock.json", ['+    "node_modules/left-pad": {', '+      "version": "1.3.0"']),
    },
    { name: "an ecosystem without a lock", diff: modifiedFile("requirements.txt", ["+requests==2.32.0"]) },
  ],
  invalid: [
    {
      name: "a dependency added to package.json alone",
      diff: modifiedFile("package.json", ['   "dependencies": {', '+    "left-pad": "^1.3.0",']),
      findings: [{ line: 2, message: "package.json changes 1 dependency but no package-lock.json" }],
    },
  ],
});
