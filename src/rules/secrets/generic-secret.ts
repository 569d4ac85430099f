import { findingsFor } from "../../secrets/findings.js";
import type { Rule } from "../types.js";

export const genericSecretRule: Rule = {
  id: "secrets/generic-secret",
  category: "secrets",
  description:
    "A high-entropy literal assigned to a key that names a secret (password, secret, token, api_key, client_secret...) in code, .env, YAML, JSON, TOML, Terraform, Dockerfile ENV or a Kubernetes Secret.",
  severity: "high",
  remediation:
    "Rotate the secret, remove it from the git history, and read it at runtime from a secret manager or an environment variable.",
  run: (ctx) => findingsFor(ctx, ["generic-secret"]),
};
