/**
 * References to production in a line of configuration: a host whose name marks it as production
 * (`db.prod.example.com`, `prod-db`, `api-production.internal`), a connection string to one, a secret
 * or variable named for production (`secrets.PROD_DATABASE_URL`, `$PRODUCTION_API_KEY`), or a cloud
 * profile, kube context, project, account, subscription or Terraform workspace named prod. Build modes
 * (`NODE_ENV=production`, `--mode production`) select how code is built, not where it points: they
 * are not references.
 */

export type ProductionRefKind = "database" | "host" | "secret" | "account";

export interface ProductionRef {
  kind: ProductionRefKind;
  /** What was found, short, for the message (a host, a variable name, `--profile prod`). */
  text: string;
}

const PROD_LABEL = /^(?:prod|production|prd|live)(?:$|[-_])|[-_](?:prod|production|prd)$/i;
const DB_SCHEMES =
  /^(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|mssql|sqlserver|oracle|clickhouse|amqps?|jdbc:[a-z]+|snowflake|cockroachdb)$/i;

// scheme://[user[:pass]@]host[:port]
const URL_HOST = /\b([a-z][a-z0-9+.:-]{1,30}):\/\/(?:[^\s/@"'`]{0,200}@)?([a-z0-9-]+(?:\.[a-z0-9-]+)*)/gi;
// host=…, HOST: …, --host …, -h …
const HOST_SETTING =
  /\b(?:[a-z_]*host(?:name)?|server|endpoint|address)["']?\s*(?:[:=]|\s)\s*["']?([a-z0-9-]+(?:\.[a-z0-9-]+)+|[a-z0-9]+(?:-[a-z0-9]+)+)/gi;
// PROD_DATABASE_URL, PRODUCTION_TOKEN, DB_PROD_PASSWORD used as a reference: secrets.X, vars.X, $X, ${X}, %X%, env:X
const VAR_REF = /(?:secrets\.|vars\.|\$\{?|%|env:|env\.)([A-Za-z_][A-Za-z0-9_]{1,80})/g;
// --profile prod, AWS_PROFILE=production, --context prod-eks, --project acme-prod, workspace select prod, --subscription prod
const ACCOUNT =
  /(?:--profile|aws_profile|--context|kube_?context|use-context|--project|cloudsdk_core_project|google_cloud_project|gcp_project|--subscription|subscription_id|workspace\s+select|tf_workspace|--account|snowflake_account|databricks_host|--workspace)["']?\s*[=:\s]\s*["']?([\w.-]*\b(?:prod|production|prd)\b[\w.-]*)/gi;

function isProdHost(host: string): boolean {
  return host.split(".").some((label) => PROD_LABEL.test(label));
}

/** Text without a match names no production reference: the cheap test before the others. */
export const PRODUCTION_HINT = /pro?d|live/i;

/** Every production reference in a line (bounded input: the engine cuts lines to 4,000 characters). */
export function productionRefs(text: string): ProductionRef[] {
  if (!PRODUCTION_HINT.test(text)) return [];
  const out: ProductionRef[] = [];
  const seen = new Set<string>();
  const add = (kind: ProductionRefKind, found: string) => {
    if (seen.has(found)) return;
    seen.add(found);
    out.push({ kind, text: found });
  };
  for (const m of text.matchAll(URL_HOST)) {
    const host = m[2]!;
    if (isProdHost(host)) add(DB_SCHEMES.test(m[1]!) ? "database" : "host", host);
  }
  for (const m of text.matchAll(HOST_SETTING)) if (isProdHost(m[1]!)) add("host", m[1]!);
  for (const m of text.matchAll(VAR_REF)) {
    const name = m[1]!;
    if (/(?:^|_)(?:PROD|PRODUCTION|PRD)(?:_|$)/i.test(name)) add("secret", name);
  }
  for (const m of text.matchAll(ACCOUNT)) add("account", m[0]!.replace(/["']/g, "").replace(/\s+/g, " ").trim());
  return out;
}

/** The most serious kind among references: a database or a credential before an account before a host. */
export function worstRef(refs: readonly ProductionRef[]): ProductionRef | null {
  const order: ProductionRefKind[] = ["database", "secret", "account", "host"];
  for (const kind of order) {
    const r = refs.find((x) => x.kind === kind);
    if (r) return r;
  }
  return null;
}
