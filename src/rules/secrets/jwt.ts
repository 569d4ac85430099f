import { pieces, secretGroupRule } from "../secret-group.js";

export const jwtRule = secretGroupRule({
  id: "secrets/jwt",
  category: "secrets",
  description: "A signed JSON Web Token (a bearer credential) is hardcoded.",
  severity: "high",
  remediation:
    "Revoke the token's session or rotate the signing key, remove it from the git history, and obtain tokens at runtime.",
  docs: {
    severity: "high; expired medium",
    detects: "Signed JWTs (`eyJ….eyJ….sig`)",
  },
  group: "jwt",
  says: "Hardcoded",
  samples: {
    path: "src/client.ts",
    match: [
      pieces(
        'const token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
        ".eyJzdWIiOiJzdmMtYmlsbGluZyIsImV4cCI6NDEwMjQ0NDgwMH0",
        '.Ftl9VjSHBgEE4yYggorVYMtMHlVgdvbnIlQ2uLfomNZ";',
      ),
    ],
    noMatch: ["const token = process.env.API_JWT;", 'const header = "eyJhbGciOiJIUzI1NiJ9";'],
  },
});
