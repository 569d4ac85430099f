import { findingsFor } from "../../secrets/findings.js";
import type { Rule } from "../types.js";

export const credentialUrlRule: Rule = {
  id: "secrets/credential-url",
  category: "secrets",
  description:
    "A URL with an embedded password (postgres://user:pass@host, https://user:token@host) or an HTTP Basic header with credentials.",
  severity: "high",
  remediation:
    "Change the password on the server, remove it from the git history, and build the URL at runtime from a secret (e.g. DATABASE_URL from the environment).",
  run: (ctx) => findingsFor(ctx, ["credential-url"]),
};
