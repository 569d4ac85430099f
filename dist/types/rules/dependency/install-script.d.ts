import type { Rule } from "../types.js";
/**
 * Install-time hooks added or changed: npm `preinstall`/`install`/`postinstall`/`prepare`
 * (`prepublish` on old npm), Composer `post-install-cmd` and friends, setup.py `cmdclass`.
 * They run arbitrary code on every developer machine and CI runner that installs the project.
 */
export declare const installScriptRule: Rule;
