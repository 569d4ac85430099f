import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";

/**
 * Checks a GitHub REST request against GitHub's official OpenAPI description (@octokit/openapi):
 * the operation exists for that method and path, path and query parameters are declared and well-typed,
 * and the JSON body matches the operation's request schema. Used by the nock layer (test/support/setup.ts)
 * so that a wrong field name or a non-existent endpoint fails the test suite.
 */

interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: Record<string, unknown>;
}
interface Operation {
  operationId: string;
  parameters?: Array<Parameter | { $ref: string }>;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> } | { $ref: string };
}
interface Route {
  template: string;
  regex: RegExp;
  names: string[];
  methods: Record<string, Operation>;
}

const require = createRequire(import.meta.url);
const SLASHED_PARAMS = new Set(["path", "ref", "branch", "tag", "basehead"]);
let cache: { routes: Route[]; spec: Record<string, unknown>; ajv: Ajv; bodies: Map<string, ValidateFunction> } | null =
  null;

function load() {
  if (cache) return cache;
  const path = require.resolve("@octokit/openapi/generated/api.github.com.json");
  const spec = JSON.parse(readFileSync(path, "utf8")) as { paths: Record<string, Record<string, Operation>> } & Record<
    string,
    unknown
  >;
  const routes: Route[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    const names: string[] = [];
    const pattern = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{([^}]+)\}/g, (_, name: string) => {
      names.push(name);
      // File paths and git refs may be sent with literal slashes.
      return SLASHED_PARAMS.has(name) ? "(.+)" : "([^/]+)";
    });
    const methods: Record<string, Operation> = {};
    for (const [m, op] of Object.entries(item))
      if (typeof op === "object" && op && "operationId" in op) methods[m.toUpperCase()] = op;
    routes.push({ template, regex: new RegExp(`^${pattern}$`), names, methods });
  }
  // Literal segments first, so /repos/{owner}/{repo}/pulls/comments beats /repos/{owner}/{repo}/pulls/{pull_number}.
  routes.sort((a, b) => a.names.length - b.names.length);
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, validateFormats: false });
  ajv.addSchema(spec, "github");
  cache = { routes, spec, ajv, bodies: new Map() };
  return cache;
}

function resolveRef<T>(spec: Record<string, unknown>, value: T | { $ref: string }): T {
  if (value && typeof value === "object" && "$ref" in value) {
    const parts = value.$ref.replace(/^#\//, "").split("/");
    let node: unknown = spec;
    for (const p of parts) node = (node as Record<string, unknown>)[p.replace(/~1/g, "/").replace(/~0/g, "~")];
    return node as T;
  }
  return value as T;
}

function checkScalar(value: string, schema: Record<string, unknown> | undefined): boolean {
  if (!schema) return true;
  const type = schema.type;
  if (type === "integer") return /^-?\d+$/.test(value);
  if (type === "number") return !Number.isNaN(Number(value));
  if (type === "boolean") return value === "true" || value === "false";
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map(String).includes(value);
  return true;
}

export interface ApiRequest {
  method: string;
  url: string;
  body?: string;
}

/** A GraphQL request: the query must be valid against GitHub's published GraphQL schema. */
function validateGraphQLRequest(body: string | undefined): string[] {
  let parsed: { query?: unknown; variables?: unknown };
  try {
    parsed = JSON.parse(body ?? "");
  } catch {
    return ["POST /graphql: request body is not JSON"];
  }
  if (typeof parsed.query !== "string") return ["POST /graphql: body has no query string"];
  return validateGraphQL(parsed.query).map((e) => `POST /graphql: ${e}`);
}

let graphqlSchema: unknown = null;
/** Lazily built from @octokit/graphql-schema's introspection JSON (5 MB: only tests that send GraphQL pay). */
function validateGraphQL(query: string): string[] {
  const gql = require("graphql") as typeof import("graphql");
  if (!graphqlSchema) {
    // The package exports only its ESM entry, which parses the schema at import; read the JSON directly.
    const file = new URL("../../node_modules/@octokit/graphql-schema/schema.json", import.meta.url);
    graphqlSchema = gql.buildClientSchema(JSON.parse(readFileSync(file, "utf8")));
  }
  try {
    return gql.validate(graphqlSchema as import("graphql").GraphQLSchema, gql.parse(query)).map((e) => e.message);
  } catch (e) {
    return [`syntax: ${(e as Error).message}`];
  }
}

/** Returns the problems with this request (empty when it matches the spec). */
export function validateGitHubRequest(req: ApiRequest): string[] {
  const url = new URL(req.url);
  const path = url.pathname.replace(/^\/api\/v3/, "");
  const method = req.method.toUpperCase();
  if (method === "POST" && (path === "/graphql" || url.pathname === "/api/graphql"))
    return validateGraphQLRequest(req.body);
  const { routes, spec, ajv, bodies } = load();
  const where = `${method} ${path}`;
  const candidates = routes.filter((r) => r.regex.test(path));
  if (candidates.length === 0) return [`${where}: no such endpoint in GitHub's REST API`];
  // The most specific template wins: /commits/{ref}/check-runs over /commits/{ref} (refs may hold slashes).
  const literal = (r: Route) => r.template.replace(/\{[^}]+\}/g, "").length;
  const route = candidates.filter((r) => r.methods[method]).sort((a, b) => literal(b) - literal(a))[0];
  if (!route) return [`${where}: ${candidates[0]!.template} has no ${method} operation`];
  const op = route.methods[method]!;
  const problems: string[] = [];
  const params = (op.parameters ?? []).map((p) => resolveRef<Parameter>(spec, p));
  const match = route.regex.exec(path)!;
  route.names.forEach((name, i) => {
    const p = params.find((x) => x.in === "path" && x.name === name);
    const value = decodeURIComponent(match[i + 1]!);
    if (p && !checkScalar(value, p.schema))
      problems.push(`${op.operationId}: path parameter ${name}=${value} is not a valid ${String(p.schema?.type)}`);
  });
  for (const [name, value] of url.searchParams) {
    const p = params.find((x) => x.in === "query" && x.name === name);
    if (!p) problems.push(`${op.operationId}: unknown query parameter "${name}"`);
    else if (!checkScalar(value, p.schema))
      problems.push(`${op.operationId}: query parameter ${name}=${value} is invalid`);
  }
  const requestBody = op.requestBody
    ? resolveRef<{ required?: boolean; content?: Record<string, { schema?: unknown }> }>(spec, op.requestBody)
    : undefined;
  const hasBody = req.body !== undefined && req.body !== "";
  if (requestBody?.content?.["application/json"] && (hasBody || requestBody.required)) {
    let parsed: unknown;
    try {
      parsed = hasBody ? JSON.parse(req.body!) : undefined;
    } catch {
      problems.push(`${op.operationId}: request body is not JSON`);
      return problems;
    }
    if (parsed === undefined) {
      problems.push(`${op.operationId}: request body is required`);
    } else {
      const key = `${route.template} ${method}`;
      let validate = bodies.get(key);
      if (!validate) {
        const pointer = `github#/paths/${route.template.replace(/~/g, "~0").replace(/\//g, "~1")}/${method.toLowerCase()}/requestBody/content/application~1json/schema`;
        const ref = (op.requestBody as { $ref?: string }).$ref;
        validate = ajv.compile({ $ref: ref ? `github${ref}/content/application~1json/schema` : pointer });
        bodies.set(key, validate);
      }
      if (!validate(parsed)) {
        for (const e of validate.errors ?? []) {
          const extra = e.params && "additionalProperty" in e.params ? ` "${String(e.params.additionalProperty)}"` : "";
          problems.push(`${op.operationId}: body${e.instancePath} ${e.message}${extra}`);
        }
      }
    }
  } else if (hasBody && !requestBody && method !== "GET" && method !== "DELETE") {
    problems.push(`${op.operationId}: takes no request body`);
  }
  return problems;
}
