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
/** Text without a match names no production reference: the cheap test before the others. */
export declare const PRODUCTION_HINT: RegExp;
/** Every production reference in a line (bounded input: the engine cuts lines to 4,000 characters). */
export declare function productionRefs(text: string): ProductionRef[];
/** The most serious kind among references: a database or a credential before an account before a host. */
export declare function worstRef(refs: readonly ProductionRef[]): ProductionRef | null;
