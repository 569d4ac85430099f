import { findingsFor } from "../../secrets/findings.js";
import type { Rule } from "../types.js";

export const privateKeyRule: Rule = {
  id: "secrets/private-key",
  category: "secrets",
  description:
    "A private key (RSA, EC, DSA, OpenSSH, PGP, PKCS#8, PuTTY, or a service-account JSON private_key) is added to the repository.",
  severity: "critical",
  remediation:
    "Replace the key pair (revoke it wherever the public key is trusted), remove the private key from the git history, and keep keys in a secret store.",
  run: (ctx) => findingsFor(ctx, ["private-key"]),
};
