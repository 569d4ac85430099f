import { isCommentLine } from "../../diff/line-syntax.js";
import { addedText, cutLine } from "../../diff/side.js";
import {
  type ConfigEnvironment,
  fileEnvironment,
  workflowJobEnvironment,
} from "../../environments/config-environment.js";
import { PRODUCTION_HINT, type ProductionRef, productionRefs, worstRef } from "../../environments/production-refs.js";
import { quote } from "../../text/quote.js";
import type { Severity } from "../../types.js";
import { jobOfKeys, keysAt } from "../../workflows/yaml-keys.js";
import type { Rule, RuleFinding } from "../types.js";

const WHAT: Record<ProductionRef["kind"], string> = {
  database: "a production database",
  secret: "a production secret",
  account: "a production account, profile or workspace",
  host: "a production host",
};

function severityOf(env: ConfigEnvironment, ref: ProductionRef): Severity {
  if (env === "agent") return ref.kind === "host" ? "high" : "critical";
  return ref.kind === "host" ? "medium" : "high";
}

const TITLE: Record<ConfigEnvironment, string> = {
  development: "Development",
  test: "Test",
  staging: "Staging",
  CI: "CI test",
  agent: "Coding-agent",
};

export const pointsAtProductionRule: Rule = {
  id: "production-config/points-at-production",
  category: "production-config",
  description:
    "Development, test, staging, CI or coding-agent configuration now points at production (a production host, database, secret, account or workspace).",
  severity: "high",
  remediation:
    "Keep environments apart: point development, tests, CI checks and agents at their own hosts, databases and accounts, with credentials that cannot reach production; production values belong only in production configuration.",
  docs: {
    severity:
      "agent configuration: **critical** for a production database, secret or account, **high** for a host; other environments: **high** for a database, secret or account, **medium** for a host",
    detects:
      "Added lines of `.env`/`.env.development`/`.env.test`/`.env.example`, framework development and test settings, docker compose files, dev containers, test runner configs, staging config, agent configuration (settings, MCP servers, instruction files) and the test/check jobs and agent jobs of workflows that name a production host (`db.prod.example.com`, `prod-db`), a connection string to one, a secret or variable named for production (`secrets.PROD_DATABASE_URL`, `$PRODUCTION_API_KEY`), or a cloud profile, kube context, project, subscription or Terraform workspace named prod. Build modes (`NODE_ENV=production`) are not references; files in production scope are not reported.",
  },
  run(ctx) {
    const out: RuleFinding[] = [];
    for (const file of ctx.files) {
      if (file.binary || file.status === "deleted" || ctx.production.has(file.path)) continue;
      // One test of the whole added text (cached per file) instead of one per line.
      if (!PRODUCTION_HINT.test(addedText(file))) continue;
      // Path classification only for files whose lines name production (most never do).
      let fileEnv: ConfigEnvironment | null | undefined;
      for (const l of file.added) {
        const text = cutLine(l.content);
        if (isCommentLine(file.path, text)) continue;
        const refs = productionRefs(text);
        if (refs.length === 0) continue;
        if (fileEnv === undefined) fileEnv = fileEnvironment(file);
        const env = fileEnv ?? workflowJobEnvironment(file, jobOfKeys(keysAt(file, "new", l.line)));
        if (!env) continue;
        const ref = worstRef(refs)!;
        out.push({
          file: file.path,
          line: l.line,
          severity: severityOf(env, ref),
          message: `${TITLE[env]} configuration now points at production: ${WHAT[ref.kind]} (${quote(ref.text, 60)}) in ${quote(text, 90)}`,
        });
      }
    }
    return out;
  },
};
