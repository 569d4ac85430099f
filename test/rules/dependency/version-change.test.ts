import { versionChangeRule } from "../../../src/rules/dependency/version-change.js";
import { modifiedFile } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

ruleTester(versionChangeRule, {
  valid: [
    {
      name: "only a new dependency",
      diff: modifiedFile("package.json", ['   "dependencies": {', '+    "left-pad": "^1.3.0",']),
    },
    {
      name: "a lockfile bump",
      diff: modifiedFile("yarn.lock", [' "left-pad@^1.3.0":', '-  version "1.3.0"', '+  version "1.4.0"']),
    },
  ],
  invalid: [
    {
      name: "a version change",
      diff: modifiedFile("package.json", [
        '   "dependencies": {',
        '-    "react": "^18.2.0",',
        '+    "react": "^18.3.1",',
      ]),
      findings: [{ line: 2, side: "new", message: "changes react ^18.2.0 → ^18.3.1" }],
    },
    {
      name: "a downgrade and a removal",
      diff: modifiedFile("package.json", [
        '   "dependencies": {',
        '-    "react": "^18.3.1",',
        '-    "moment": "^2.29.4",',
        '+    "react": "^18.2.0",',
      ]),
      findings: [{ line: 2, message: "downgrades react ^18.3.1 → ^18.2.0 (downgrade); removes moment@^2.29.4" }],
    },
  ],
});
