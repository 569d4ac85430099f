// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions and shell variables are literal text here
import { pointsAtProductionRule as rule } from "../../../src/rules/production-config/points-at-production.js";
import { addedFile, modifiedFile } from "../../support/diff.js";
import { ruleTester } from "../../support/rule-tester.js";

ruleTester(rule, {
  valid: [
    {
      name: "a local database",
      diff: addedFile(".env.development", ["DATABASE_URL=postgres://app:app@localhost:5432/app"]),
    },
    { name: "a build mode", diff: addedFile(".env.development", ["NODE_ENV=production", "VITE_MODE=production"]) },
    {
      name: "production config itself",
      diff: addedFile(".env.production", ["DATABASE_URL=postgres://app@db.prod.example.com/app"]),
    },
    {
      name: "a deploy job using production secrets",
      diff: addedFile(".github/workflows/deploy.yml", [
        "on: push",
        "jobs:",
        "  deploy-prod:",
        "    runs-on: ubuntu-latest",
        "    steps:",
        "      - run: ./deploy.sh",
        "        env:",
        "          TOKEN: ${{ secrets.PROD_DEPLOY_TOKEN }}",
      ]),
    },
    {
      name: "source code mentioning product",
      diff: addedFile("src/api.ts", ['const url = "https://products.example.com";']),
    },
  ],
  invalid: [
    {
      name: "development env pointing at the production database",
      diff: modifiedFile(".env.development", [
        "-DATABASE_URL=postgres://app@localhost/app",
        "+DATABASE_URL=postgres://app@db.prod.example.com/app",
      ]),
      findings: [
        {
          line: 1,
          severity: "high",
          message: "Development configuration now points at production: a production database",
        },
      ],
    },
    {
      name: "a test config hitting the production site",
      diff: addedFile("playwright.config.ts", [
        "export default { use: { baseURL: 'https://app.production.example.com' } };",
      ]),
      findings: [{ severity: "medium", message: "Test configuration" }],
    },
    {
      name: "an agent's MCP config with a production secret",
      diff: addedFile(".mcp.json", [
        '{ "mcpServers": { "db": { "command": "dbhub", "env": { "DSN": "${PROD_DATABASE_URL}" } } } }',
      ]),
      findings: [{ severity: "critical", message: "Coding-agent configuration" }],
    },
    {
      name: "a CI test job using the production AWS profile",
      diff: modifiedFile(".github/workflows/ci.yml", [
        " jobs:",
        "   integration-tests:",
        "     steps:",
        "+      - run: aws s3 ls --profile prod",
      ]),
      findings: [{ line: 4, severity: "high", message: "CI test configuration" }],
    },
  ],
});
