import { pieces, secretGroupRule } from "../secret-group.js";

export const privateKeyRule = secretGroupRule({
  id: "secrets/private-key",
  category: "secrets",
  description:
    "A private key (RSA, EC, DSA, OpenSSH, PGP, PKCS#8, PuTTY, or a service-account JSON private_key) is added to the repository.",
  severity: "critical",
  remediation:
    "Replace the key pair (revoke it wherever the public key is trusted), remove the private key from the git history, and keep keys in a secret store.",
  docs: {
    severity: "critical; encrypted keys high",
    detects: "PEM/OpenSSH/PGP/PKCS#8/PuTTY private keys, service-account JSON `private_key`",
  },
  group: "private-key",
  says: "Private key committed:",
  samples: {
    path: "deploy/key.pem",
    match: [pieces("-----BEGIN RSA ", "PRIVATE KEY-----")],
    noMatch: [pieces("-----BEGIN ", "PUBLIC KEY-----"), "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 deploy@ci"],
  },
});
