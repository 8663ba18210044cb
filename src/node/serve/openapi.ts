import * as z from "zod";
import packageJson from "../../../package.json";
import { jsonSchema } from "../../rules/jsonSchema.js";
import type { ServeContext } from "./documents.js";
import { ErrorBodySchema, REQUESTS, type Endpoint } from "./requests.js";

/**
 * The OpenAPI 3.1 description of `exitfund serve` (`GET /openapi.json`), generated from the zod schemas the
 * server checks requests with (`z.toJSONSchema`) and the JSON Schemas of the programme's case kinds, the
 * ledger row and the rule set (`exitfund schema`).
 */

type Json = { [key: string]: unknown };

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

/** A schema of `jsonSchema(name)` for components: its `$id` and `$schema` belong to a standalone file. */
function component(name: string, context: ServeContext): Json {
  const { $id: _id, $schema: _schema, ...rest } = jsonSchema(name, { programme: context.programme });
  return rest;
}

/** The component name of a schema name: `enterprise-exit` → `EnterpriseExit`. */
function pascal(name: string): string {
  return name.replace(/(^|-)(\w)/g, (_, _dash: string, letter: string) => letter.toUpperCase());
}

/** The JSON Schema of a request, with the cases, the ledger and the rule sets pointing at their components. */
function requestSchema(endpoint: Endpoint, caseRef: Json): Json {
  const { $schema: _schema, ...schema } = z.toJSONSchema(REQUESTS[endpoint], { io: "input" }) as Json;
  const properties = schema.properties as { [key: string]: Json };
  const cases = properties.cases ?? {};
  properties.cases = { ...cases, items: caseRef };
  if (properties.ledger !== undefined) properties.ledger = { ...properties.ledger, items: ref("Ledger") };
  for (const key of ["rules", "against"]) {
    const rules = properties[key];
    if (rules === undefined) continue;
    properties[key] = {
      description: rules.description,
      anyOf: [
        { type: "string", minLength: 1, description: "the id of a rule set the server knows (GET /rules)" },
        ref("Rules"),
      ],
    };
  }
  return schema;
}

const RULE_SET_REF = {
  type: "object",
  required: ["id", "version"],
  properties: { id: { type: "string" }, version: { type: "string" } },
};

/** The documents, described by their top-level keys (DESIGN §6; docs/cli.md has every field). */
const DOCUMENTS: { readonly [E in Endpoint]: Json } = {
  compute: {
    type: "object",
    description:
      "the compute document, as exitfund compute --format json prints it: { ruleSet, results, totals, errors }",
    required: ["ruleSet", "results", "totals", "errors"],
    properties: {
      ruleSet: RULE_SET_REF,
      results: { type: "array", items: { type: "object" } },
      totals: { type: "object" },
      errors: { type: "array", items: { type: "object" } },
      errorsOmitted: { type: "integer" },
    },
  },
  verify: {
    type: "object",
    description: "the compute document of the declarations, as exitfund verify --format json prints it",
    required: ["ruleSet", "results", "totals", "errors"],
    properties: { ruleSet: RULE_SET_REF, results: { type: "array", items: { type: "object" } } },
  },
  audit: {
    type: "object",
    description: "the audit document, as exitfund audit --format json prints it",
    required: ["ruleSet", "tolerance", "discrepancies", "totals", "counts", "reconciliation"],
    properties: { ruleSet: RULE_SET_REF, discrepancies: { type: "array", items: { type: "object" } } },
  },
  budget: {
    type: "object",
    description: "the budget document, as exitfund budget --format json prints it",
    required: ["ruleSet", "groups", "total"],
    properties: {
      ruleSet: RULE_SET_REF,
      groups: { type: "array", items: { type: "object" } },
      total: { type: "string" },
      allocation: { type: "object" },
    },
  },
  compare: {
    type: "object",
    description: "the compare document, as exitfund compare --format json prints it",
    required: ["ruleSets", "cases", "totals", "attribution"],
  },
  explain: {
    type: "object",
    description: "each case's account in words (the text exitfund compute --explain --format table --lang prints)",
    required: ["ruleSet", "lang", "explanations"],
    properties: {
      ruleSet: RULE_SET_REF,
      lang: { enum: ["zh", "en"] },
      explanations: {
        type: "array",
        items: {
          type: "object",
          required: ["id", "kind", "township", "text"],
          properties: {
            id: { type: "string" },
            kind: { type: "string" },
            township: { type: "string" },
            text: { type: "string" },
          },
        },
      },
    },
  },
};

const SUMMARIES: { readonly [E in Endpoint]: string } = {
  compute: "计算 · compute cases: who is owed how much, by which payer, and why",
  verify: "核定 · the housing commission's item-by-item verification of land-clearing declarations",
  audit: "审计 · recompute every case and diff it against the payment ledger",
  budget: "预算 · roll up what is owed by township, payer, track, year; with a cap, a fen-exact allocation",
  compare: "测算对比 · what-if: the change between two rule sets, attributed to each parameter",
  explain: "说明 · each case's account in words, clause by clause",
};

function errorResponse(description: string): Json {
  return { description, content: { "application/json": { schema: ref("Error") } } };
}

const COMMON_ERRORS = {
  "401": errorResponse("a token is needed (the server was started with --token-file)"),
  "403": errorResponse("Host or Origin not allowed"),
  "503": errorResponse("busy (--concurrency) or too slow (--timeout); Retry-After says when to retry"),
};

/** The OpenAPI 3.1 document of a server computing with `context`. */
export function openApiDocument(context: ServeContext): Json {
  const kinds = context.programme.kinds;
  const schemas: Json = {};
  for (const kind of kinds) schemas[pascal(kind)] = component(kind, context);
  schemas.Ledger = component("ledger", context);
  schemas.Rules = component("rules", context);
  const anyCase = { oneOf: kinds.map((kind) => ref(pascal(kind))) };
  const paths: Json = {};
  for (const endpoint of Object.keys(REQUESTS) as Endpoint[]) {
    const name = `${pascal(endpoint)}Request`;
    const caseRef =
      endpoint === "verify" && kinds.includes("structure-clearance") ? ref("StructureClearance") : anyCase;
    schemas[name] = requestSchema(endpoint, caseRef);
    const bareArray = endpoint !== "audit" && endpoint !== "compare";
    paths[`/${endpoint}`] = {
      post: {
        operationId: endpoint,
        summary: SUMMARIES[endpoint],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: bareArray ? { oneOf: [ref(name), { type: "array", items: caseRef }] } : ref(name),
            },
          },
        },
        responses: {
          "200": {
            description: "the document the CLI prints for the same input, byte for byte",
            headers: {
              "Exitfund-Exit-Status": {
                description: "the CLI's exit status for the same input: 0 ok, 1 findings that need attention",
                schema: { type: "string", enum: ["0", "1"] },
              },
            },
            content: { "application/json": { schema: DOCUMENTS[endpoint] } },
          },
          "400": errorResponse("the body is not JSON (or gives a key twice)"),
          "413": errorResponse("the body is larger than --max-body"),
          "415": errorResponse("the body is not application/json"),
          "422": errorResponse("the input is invalid: every problem listed in issues, nothing computed"),
          ...COMMON_ERRORS,
        },
      },
    };
  }
  schemas.Error = (({ $schema: _s, ...rest }) => rest)(z.toJSONSchema(ErrorBodySchema) as Json);
  const get = (operationId: string, summary: string, schema: Json, extra: Json = {}) => ({
    get: {
      operationId,
      summary,
      ...extra,
      responses: {
        "200": { description: summary, content: { "application/json": { schema } } },
        ...COMMON_ERRORS,
        ...(extra.parameters === undefined ? {} : { "404": errorResponse("no such id or name") }),
      },
    },
  });
  const pathParameter = (name: string, description: string) => ({
    parameters: [{ name, in: "path", required: true, description, schema: { type: "string" } }],
  });
  paths["/rules"] = get("listRules", "the rule sets a request may name, and the server's default", {
    type: "object",
    required: ["default", "ruleSets"],
  });
  paths["/rules/{id}"] = get(
    "getRules",
    "the resolved rule set, as exitfund rules --rules <id> --format json prints it",
    ref("Rules"),
    pathParameter("id", "a rule-set id of GET /rules"),
  );
  paths["/schemas"] = get("listSchemas", "the names of the JSON Schemas", { type: "object", required: ["schemas"] });
  paths["/schemas/{name}"] = get(
    "getSchema",
    "the JSON Schema (draft 2020-12) exitfund schema <name> prints",
    { type: "object" },
    pathParameter("name", "a case kind, ledger or rules"),
  );
  paths["/openapi.json"] = get("openApi", "this document", { type: "object" });
  paths["/health"] = {
    get: {
      operationId: "health",
      summary: "the server is up (never needs a token)",
      security: [],
      responses: {
        "200": {
          description: "up",
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["status", "version", "ruleSet", "inFlight"],
                properties: {
                  status: { enum: ["ok", "closing"] },
                  version: { type: "string" },
                  ruleSet: RULE_SET_REF,
                  inFlight: { type: "integer", description: "requests being handled now (/health aside)" },
                },
              },
            },
          },
        },
      },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "exitfund serve",
      version: packageJson.version,
      summary: "the money of an industry-exit programme, exact and explained, over HTTP",
      description:
        "The documents of the exitfund CLI over HTTP: each POST takes the cases document the CLI reads (an array, or { cases, …options } with the options named as the flags) and answers the document the command prints with --format json, byte for byte. Errors are JSON { code, message, zh } (422: issues, every problem of the input). docs/serve.md.",
      license: { name: "MIT", identifier: "MIT" },
    },
    paths,
    components: {
      schemas,
      securitySchemes: {
        token: { type: "http", scheme: "bearer", description: "only when the server was started with --token-file" },
      },
    },
    security: [{}, { token: [] }],
  };
}
