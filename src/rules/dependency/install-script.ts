import { dependencyFiles } from "../../deps/analyze.js";
import { quote } from "../../text/quote.js";
import type { Rule, RuleFinding } from "../types.js";

const MAX_COMMAND = 120;

/**
 * Install-time hooks added or changed: npm `preinstall`/`install`/`postinstall`/`prepare`
 * (`prepublish` on old npm), Composer `post-install-cmd` and friends, setup.py `cmdclass`.
 * They run arbitrary code on every developer machine and CI runner that installs the project.
 */
export const installScriptRule: Rule = {
  id: "dependency/install-script",
  category: "dependency",
  description:
    "An install-time lifecycle script (preinstall/install/postinstall/prepare, Composer install hooks, setup.py cmdclass) is added or changed.",
  severity: "high",
  remediation:
    "Read what the hook runs: it executes on every `install` with the user's credentials. Prefer an explicit build step over an install hook.",
  docs: {
    severity: "**high**",
    detects:
      "Install-time hooks added or changed: npm `preinstall`, `install`, `postinstall`, `prepare`, `prepublish`; Composer `pre/post-install-cmd`, `pre/post-update-cmd`, `post-autoload-dump`…; `setup.py` `cmdclass` overriding install/develop/build.",
  },
  run(ctx) {
    const findings: RuleFinding[] = [];
    for (const a of dependencyFiles(ctx.files)) {
      if (a.dep.kind !== "manifest") continue;
      for (const s of a.scripts) {
        const cmd = quote(s.command, MAX_COMMAND);
        const verb = s.previous !== undefined ? "changes" : "adds";
        findings.push({
          file: a.file.path,
          line: s.line,
          message: `${a.file.path}: ${verb} install hook "${s.hook}" running \`${cmd}\` on every install`,
        });
      }
    }
    return findings;
  },
};
