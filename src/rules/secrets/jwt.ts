import { findingsFor } from "../../secrets/findings.js";
import type { Rule } from "../types.js";

export const jwtRule: Rule = {
  id: "secrets/jwt",
  category: "secrets",
  description: "A signed JSON Web Token (a bearer credential) is hardcoded.",
  severity: "high",
  remediation:
    "Revoke the token's session or rotate the signing key, remove it from the git history, and obtain tokens at runtime.",
  run: (ctx) => findingsFor(ctx, ["jwt"]),
};
