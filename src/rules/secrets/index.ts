import type { Rule } from "../types.js";
import { credentialUrlRule } from "./credential-url.js";
import { genericSecretRule } from "./generic-secret.js";
import { jwtRule } from "./jwt.js";
import { privateKeyRule } from "./private-key.js";
import { providerTokenRule } from "./provider-token.js";

/** Rules of the `secrets` category, one file each. They share one scan of the diff (src/secrets/findings.ts). */
export const secretsRules: Rule[] = [providerTokenRule, privateKeyRule, jwtRule, credentialUrlRule, genericSecretRule];
