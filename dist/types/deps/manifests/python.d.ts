import { type ManifestParser, type ManifestSide } from "./types.js";
/** One requirement string (PEP 508 or a pip requirements line). */
export declare function parseRequirement(raw: string, line: number, out: ManifestSide): void;
export declare const parseRequirements: ManifestParser;
/** pyproject.toml (PEP 621, Poetry, uv, PDM) and Pipfile. */
export declare const parsePyToml: ManifestParser;
/** setup.py: quoted requirement strings on changed lines; `cmdclass` overriding install is a hook. */
export declare const parseSetupPy: ManifestParser;
/** setup.cfg: `install_requires =` followed by indented requirement lines. */
export declare const parseSetupCfg: ManifestParser;
export declare const parsePipConf: ManifestParser;
