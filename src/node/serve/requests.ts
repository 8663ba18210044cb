import * as z from "zod";
import { BUDGET_DIMENSIONS } from "../../batch/budget.js";
import { InvalidInputError } from "../../errors/index.js";
import { zodIssues } from "../../schemas/issues.js";

/**
 * The request bodies of `exitfund serve`: the cases document the CLI reads (a JSON array of cases, or
 * `{ "cases": [...] }`), whose object form also carries the options of the command, named as its flags
 * (`--skip-invalid` is `skipInvalid`). Every body is checked here; the cases themselves are checked by the
 * batch, which names each problem by index and field path exactly as the CLI does.
 */

/** The cases: validated by the batch (by index and field path), so here any JSON value. */
const Cases = z.array(z.unknown()).describe("the cases, as in a cases file: each an object with its kind (案件)");

/** `rules` / `against`: a rule set by id, or inline. */
const RulesRef = z
  .union([
    z.string().min(1).describe("a rule set the server knows: a bundled id (tongzhou-2016) or the one given to --rules"),
    z
      .record(z.string(), z.unknown())
      .describe(
        'a rule set in the rule-set format (exitfund schema rules); its "extends" may name a rule set the server knows',
      ),
  ])
  .describe("the rule set (规则集): an id the server knows, or a rule set inline; default the server's");

/** The keys a cases document may carry beside its cases (as a cases file may). */
const metadata = {
  note: z.string().optional().describe("a note for people; ignored"),
  $schema: z.string().optional().describe("a JSON Schema the file points at; ignored"),
};

export const ComputeRequestSchema = z
  .strictObject({
    cases: Cases,
    rules: RulesRef.optional(),
    explain: z.boolean().optional().describe("include each outcome's trace (--explain)"),
    skipInvalid: z
      .boolean()
      .optional()
      .describe("compute the valid cases and list the invalid ones in errors (--skip-invalid)"),
    ...metadata,
  })
  .describe("POST /compute: exitfund compute <cases> --format json [--rules] [--explain] [--skip-invalid]");

export const VerifyRequestSchema = z
  .strictObject({
    cases: Cases.describe("structure-clearance declarations (腾地经费申报)"),
    rules: RulesRef.optional(),
    explain: z.boolean().optional().describe("include each outcome's trace (--explain)"),
    ...metadata,
  })
  .describe("POST /verify: exitfund verify <declarations> --format json [--rules] [--explain]");

export const AuditRequestSchema = z
  .strictObject({
    cases: Cases,
    ledger: z
      .array(z.unknown())
      .describe("the payment ledger (拨付台账): rows { caseId, payer, amount, paidOn, voucher? } (--ledger)"),
    tolerance: z
      .string()
      .optional()
      .describe('an amount difference at most this large is not a discrepancy, in yuan, e.g. "0.05" (--tolerance)'),
    rules: RulesRef.optional(),
    ...metadata,
  })
  .describe("POST /audit: exitfund audit <cases> --ledger <file> --format json [--tolerance] [--rules]");

export const BudgetRequestSchema = z
  .strictObject({
    cases: Cases,
    by: z
      .union([
        z.array(z.enum(BUDGET_DIMENSIONS)).min(1),
        z.string().describe('comma-separated, as the flag: "township,payer"'),
      ])
      .optional()
      .describe("group by any of township, payer, track, year (--by; default township)"),
    cap: z.string().optional().describe('the money available to payer, in yuan, e.g. "5000000" (--cap)'),
    payer: z.enum(["municipal", "district"]).optional().describe("whose money cap is (--payer; with cap)"),
    rules: RulesRef.optional(),
    ...metadata,
  })
  .describe("POST /budget: exitfund budget <cases> --format json [--by] [--cap --payer] [--rules]");

export const CompareRequestSchema = z
  .strictObject({
    cases: Cases,
    rules: RulesRef.describe("rule set A, to start from (--rules)"),
    against: RulesRef.describe("rule set B, to compare with (--against)"),
    ...metadata,
  })
  .describe("POST /compare: exitfund compare <cases> --rules <A> --against <B> --format json");

export const ExplainRequestSchema = z
  .strictObject({
    cases: Cases,
    rules: RulesRef.optional(),
    lang: z.enum(["zh", "en"]).optional().describe("language of the accounts: zh (default) or en (--lang)"),
    case: z
      .array(z.string().min(1))
      .optional()
      .describe("explain only the cases with these ids, in this order (--case); default every case"),
    ...metadata,
  })
  .describe(
    "POST /explain: each case's account in words, as exitfund compute --explain --format table --lang prints it",
  );

/** The body of every answer that is not a document. */
export const ErrorBodySchema = z
  .object({
    code: z.string().describe("a stable kebab-case code programs match on"),
    message: z.string().describe("what was wrong and what is accepted, in English"),
    zh: z.string().describe("the same in Chinese"),
    issues: z
      .array(
        z.object({
          path: z.string(),
          code: z.string(),
          message: z.string(),
          zh: z.string().optional(),
          label: z.string().optional(),
          index: z.number().int().optional(),
          id: z.string().optional(),
        }),
      )
      .optional()
      .describe("422: every problem of the input, as the CLI lists them (index and id name the case)"),
    issuesOmitted: z.number().int().optional().describe("problems found beyond the first 200 listed"),
  })
  .describe("an error: 400, 401, 403, 404, 405, 413, 415, 422, 500, 503");

/** The endpoints that take a body, with their request schema. */
export const REQUESTS = {
  compute: ComputeRequestSchema,
  verify: VerifyRequestSchema,
  audit: AuditRequestSchema,
  budget: BudgetRequestSchema,
  compare: CompareRequestSchema,
  explain: ExplainRequestSchema,
} as const;

export type Endpoint = keyof typeof REQUESTS;
export type RequestOf<E extends Endpoint> = z.infer<(typeof REQUESTS)[E]>;

/** The endpoints whose body may be a bare array of cases (every option has a default). */
const ARRAY_BODY: ReadonlySet<Endpoint> = new Set(["compute", "verify", "budget", "explain"]);

/**
 * The request of `endpoint` in `body` (parsed JSON): a bare array stands for `{ "cases": [...] }` where every
 * option has a default.
 *
 * @throws InvalidInputError listing every problem of the body (paths from the body's root).
 */
export function parseRequest<E extends Endpoint>(endpoint: E, body: unknown): RequestOf<E> {
  const value = Array.isArray(body) && ARRAY_BODY.has(endpoint) ? { cases: body } : body;
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new InvalidInputError([
      {
        path: "",
        code: "not-an-object",
        message: `the body of /${endpoint} must be a JSON object { "cases": [...], …options }${ARRAY_BODY.has(endpoint) ? " or an array of cases" : ""} (docs/serve.md)`,
        zh: `/${endpoint} 的请求体须为 JSON 对象 { "cases": [...], …选项 }${ARRAY_BODY.has(endpoint) ? "，或案件数组" : ""}（见 docs/serve.md）`,
      },
    ]);
  const parsed = REQUESTS[endpoint].safeParse(value, { reportInput: true });
  if (!parsed.success) throw new InvalidInputError(zodIssues(parsed.error.issues, [], undefined, REQUESTS[endpoint]));
  return parsed.data as RequestOf<E>;
}
