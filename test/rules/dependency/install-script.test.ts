import { installScriptRule } from "../../../src/rules/dependency/install-script.js";
import { addedFile, modifiedFile } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

ruleTester(installScriptRule, {
  valid: [
    {
      name: "an ordinary script",
      diff: modifiedFile("package.json", ['   "scripts": {', '+    "lint": "biome check",']),
    },
    {
      name: "an install hook in a non-manifest JSON file",
      diff: addedFile("config/hooks.json", ['{ "postinstall": "node x.js" }']),
    },
  ],
  invalid: [
    {
      name: "a postinstall hook added",
      diff: modifiedFile("package.json", [
        '   "scripts": {',
        '+    "postinstall": "node setup.js",',
        '     "test": "vitest"',
      ]),
      findings: [{ line: 2, message: 'adds install hook "postinstall" running `node setup.js`' }],
    },
  ],
});
