import { pieces, secretGroupRule } from "../secret-group.js";

export const genericSecretRule = secretGroupRule({
  id: "secrets/generic-secret",
  category: "secrets",
  description:
    "A high-entropy literal assigned to a key that names a secret (password, secret, token, api_key, client_secret...) in code, .env, YAML, JSON, TOML, Terraform, Dockerfile ENV or a Kubernetes Secret.",
  severity: "high",
  remediation:
    "Rotate the secret, remove it from the git history, and read it at runtime from a secret manager or an environment variable.",
  docs: {
    severity: "high for long high-entropy values, else medium",
    detects:
      "`key = value` / `key: value` where the key names a secret and the value looks random; Kubernetes Secret `data:` (base64-decoded) and `stringData:`",
  },
  group: "generic-secret",
  says: "Hardcoded",
  samples: {
    path: "config/settings.py",
    match: [pieces('API_TOKEN = "Phw0MZOqSCJN', 'ViCRUCIlsmlHwqxDqMrz"')],
    noMatch: [
      'API_TOKEN = os.environ["API_TOKEN"]',
      'API_TOKEN = "changeme"',
      'DISPLAY_NAME = "Phw0MZOqSCJNViCRUCIlsmlHwqxDqMrz"',
    ],
  },
});
