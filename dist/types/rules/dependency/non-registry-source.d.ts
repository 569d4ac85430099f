import type { Rule } from "../types.js";
/**
 * Dependencies that bypass the ecosystem's public registry: git and URL specs, GitHub shorthands,
 * extra package indexes and registries (dependency-confusion risk), go `replace` to another
 * module, npm aliases, local archives, TLS verification switched off for installs, and lockfile
 * entries resolved from a host other than the public registry (grouped per lockfile and host).
 */
export declare const nonRegistrySourceRule: Rule;
