import { auditOutcomes, parseAuditInput } from "../../audit/audit.js";
import { nodeSha256 } from "../sha256.js";
import { BUDGET_DIMENSIONS, budgetOfCases, type BudgetDimension } from "../../batch/budget.js";
import { compare } from "../../batch/compare.js";
import { computeBatch, type ComputeDocument } from "../../batch/compute.js";
import { verify } from "../../batch/verify.js";
import { echo, echoText, knownList } from "../../errors/echo.js";
import { InvalidInputError, isInvalidInputError, type InputIssue } from "../../errors/index.js";
import type { RuleSet } from "../../parameters/types.js";
import { checkProgramme, loadWith } from "../../rule-sets/index.js";
import { explain } from "../../rules/explain.js";
import { jsonSchema, schemaNames } from "../../rules/jsonSchema.js";
import type { Programme } from "../../rules/programme.js";
import { LedgerRowSchema, type LedgerRow } from "../../schemas/cases.js";
import { zodIssues } from "../../schemas/issues.js";
import { listedErrors, withoutTraces } from "../commands/compute.js";
import { parseRequest, type Endpoint, type RequestOf } from "./requests.js";

/**
 * The documents of `exitfund serve`, made by the library calls the CLI's commands make, in the same order and
 * with the same options, so each is the document the command prints with `--format json` for the same input.
 * No handler reads a file or loads a module: a request names rule sets the server knows, or carries one inline.
 */

/** What the server computes with: its programme, its default rule set, and the rule sets a request may name. */
export interface ServeContext {
  readonly programme: Programme;
  readonly ruleSet: RuleSet;
  /** The bundled rule sets and the server's own `--rules`, by id. */
  readonly ruleSets: ReadonlyMap<string, RuleSet>;
}

/** A document to send: its HTTP status and the CLI's exit status for the same input (0 ok, 1 findings). */
export interface DocumentAnswer {
  readonly document: unknown;
  readonly exitStatus: 0 | 1;
}

/** Called between the steps of a request (and every few hundred cases): throws once the time limit is past. */
export type Deadline = () => void;

/** The documents of the POST endpoints, from the parsed JSON body. */
export const POST_HANDLERS: {
  readonly [E in Endpoint]: (body: unknown, context: ServeContext, deadline: Deadline) => DocumentAnswer;
} = {
  compute: (body, context, deadline) =>
    atEntries(body, () => computeAnswer(parseRequest("compute", body), context, deadline)),
  verify: (body, context, deadline) =>
    atEntries(body, () => verifyAnswer(parseRequest("verify", body), context, deadline)),
  audit: (body, context, deadline) =>
    atEntries(body, () => auditAnswer(parseRequest("audit", body), context, deadline)),
  budget: (body, context, deadline) =>
    atEntries(body, () => budgetAnswer(parseRequest("budget", body), context, deadline)),
  compare: (body, context, deadline) =>
    atEntries(body, () => compareAnswer(parseRequest("compare", body), context, deadline)),
  explain: (body, context, deadline) =>
    atEntries(body, () => explainAnswer(parseRequest("explain", body), context, deadline)),
};

/**
 * A path of the body as people count: the batch's `[3].exitMode` (or `cases[3].exitMode`, `ledger[3].amount`)
 * becomes `entry 4 › exitMode` for a body that is an array of cases, `cases › entry 4 › exitMode` and
 * `ledger › entry 4 › amount` in an object body — the entry counted from 1, as the CLI names the entries of a
 * JSON file. Lists inside an entry keep their JSON index (`entry 4 › items[0].quantity`); an issue's `index`
 * stays the 0-based index programs use.
 */
export function entryPath(path: string, bareArray: boolean): string {
  const found = /^(cases|ledger)?\[(\d+)\]\.?(.*)$/.exec(path);
  if (found === null) return path;
  const [, list, index, rest] = found;
  const entry = `entry ${Number(index) + 1}${rest === "" || rest === undefined ? "" : ` › ${rest}`}`;
  if (list === undefined) return bareArray ? entry : `cases › ${entry}`;
  return `${list} › ${entry}`;
}

/**
 * `issue` with its path and its "also at" references counted as people count ({@link entryPath}); a case the batch
 * names by its index alone (`also at [0]`, the first of two equal ids) is named at its id, as the CLI names it
 * (`also at entry 1 › id`, as the CLI's JSON document names it).
 */
export function issueAtEntry<I extends InputIssue>(issue: I, bareArray: boolean): I {
  const also = (text: string) =>
    text.replace(
      /((?:also at|另见) )((?:cases|ledger)?\[\d+\][^)）]*)/g,
      (_, words: string, path: string) =>
        `${words}${entryPath(/^\[\d+\]$/.test(path) ? `${path}.id` : path, bareArray)}`,
    );
  return {
    ...issue,
    path: entryPath(issue.path, bareArray),
    message: also(issue.message),
    ...(issue.zh === undefined ? {} : { zh: also(issue.zh) }),
  };
}

/** The answer of `handle`, every path of an entry in it (problems, and the errors of a document) counted from 1. */
function atEntries(body: unknown, handle: () => DocumentAnswer): DocumentAnswer {
  const bareArray = Array.isArray(body);
  let answer: DocumentAnswer;
  try {
    answer = handle();
  } catch (error) {
    if (!isInvalidInputError(error)) throw error;
    throw new InvalidInputError(error.issues.map((issue) => issueAtEntry(issue, bareArray)));
  }
  const document = answer.document as { readonly errors?: unknown };
  if (typeof document !== "object" || document === null || !Array.isArray(document.errors)) return answer;
  const errors = (document.errors as InputIssue[]).map((issue) => issueAtEntry(issue, bareArray));
  return { ...answer, document: { ...document, errors } };
}

type RulesRef = RequestOf<"compute">["rules"];

/**
 * The rule set a request names (`key` is `rules` or `against`): the server's default when it names none, a
 * rule set the server knows by id, or one given inline (its `extends` may name a rule set the server knows).
 * Like `--rules`, a rule set named by id is not checked against the programme here.
 */
function ruleSetOf(ref: RulesRef, context: ServeContext, key: string): RuleSet {
  if (ref === undefined) return context.ruleSet;
  if (typeof ref === "string") {
    const known = context.ruleSets.get(ref);
    if (known !== undefined) return known;
    throw new InvalidInputError([
      {
        path: key,
        code: "unknown-rule-set",
        message: `no rule set ${echo(ref)} on this server; known: ${knownList(context.ruleSets.keys())} (or give a rule set inline)`,
        zh: `服务器上没有规则集 ${echo(ref)}；已有：${knownList(context.ruleSets.keys(), undefined, "、")}（或直接给出规则集内容）`,
      },
    ]);
  }
  try {
    return loadWith(ref, context.programme, (name) => context.ruleSets.get(name));
  } catch (error) {
    if (!isInvalidInputError(error)) throw error;
    throw new InvalidInputError(error.issues.map((issue) => within(key, issue)));
  }
}

/** `issue` of a value found under `key` of the body. */
function within(key: string, issue: InputIssue): InputIssue {
  return { ...issue, path: issue.path === "" ? key : `${key} › ${issue.path}` };
}

/** The rule set of `ref`, checked to value every parameter of the programme (as `--rules` with `--programme`). */
function checkedRuleSetOf(ref: RulesRef, context: ServeContext): RuleSet {
  const ruleSet = ruleSetOf(ref, context, "rules");
  try {
    checkProgramme(ruleSet, context.programme);
  } catch (error) {
    if (!isInvalidInputError(error)) throw error;
    throw new InvalidInputError(error.issues.map((issue) => within("rules", issue)));
  }
  return ruleSet;
}

/** The batch of `cases`, computed as `exitfund compute` does; the deadline is checked as it goes. */
function batchOf(
  cases: readonly unknown[],
  ruleSet: RuleSet,
  context: ServeContext,
  options: { readonly skipInvalid?: boolean; readonly trace?: boolean },
  deadline: Deadline,
): ComputeDocument {
  deadline();
  const document = computeBatch(cases, {
    ruleSet,
    programme: context.programme,
    ...(options.skipInvalid === undefined ? {} : { skipInvalid: options.skipInvalid }),
    ...(options.trace === undefined ? {} : { trace: options.trace }),
    onProgress: () => deadline(),
    sha256: nodeSha256,
  });
  deadline();
  return document;
}

function computeAnswer(request: RequestOf<"compute">, context: ServeContext, deadline: Deadline): DocumentAnswer {
  const ruleSet = checkedRuleSetOf(request.rules, context);
  const skipInvalid = request.skipInvalid === true;
  const document = batchOf(request.cases, ruleSet, context, { skipInvalid }, deadline);
  if (document.errors.length > 0 && !skipInvalid) throw new InvalidInputError(document.errors);
  return {
    document: listedErrors(request.explain === true ? document : withoutTraces(document), document.errors),
    exitStatus: document.errors.length > 0 ? 1 : 0,
  };
}

function verifyAnswer(request: RequestOf<"verify">, context: ServeContext, deadline: Deadline): DocumentAnswer {
  const ruleSet = checkedRuleSetOf(request.rules, context);
  if (request.cases.length === 0)
    throw new InvalidInputError([
      {
        path: "cases",
        code: "no-cases",
        message: "holds no declarations; give at least one structure-clearance case",
        zh: "没有申报；请至少给出一份腾地经费申报",
      },
    ]);
  deadline();
  const document = verify(request.cases, { ruleSet, programme: context.programme });
  deadline();
  return {
    document: request.explain === true ? document : withoutTraces(document),
    exitStatus: document.results.some((outcome) => outcome.findings.length > 0) ? 1 : 0,
  };
}

function auditAnswer(request: RequestOf<"audit">, context: ServeContext, deadline: Deadline): DocumentAnswer {
  const ruleSet = checkedRuleSetOf(request.rules, context);
  const issues: InputIssue[] = [];
  const tolerance = request.tolerance;
  const decimals = tolerance === undefined ? 0 : (/\.(\d+)$/.exec(tolerance)?.[1]?.length ?? 0);
  if (tolerance !== undefined && decimals > ruleSet.rounding.scale)
    issues.push({
      path: "tolerance",
      code: "tolerance-decimals",
      message: `${echoText(tolerance)} has ${decimals} decimals, but amounts are rounded to ${ruleSet.rounding.scale}: give at most ${ruleSet.rounding.scale} (a finer tolerance would be reported as another than the one applied)`,
      zh: `容差 ${echoText(tolerance)} 有 ${decimals} 位小数，而金额保留 ${ruleSet.rounding.scale} 位：请最多给 ${ruleSet.rounding.scale} 位小数`,
    });
  const rows: LedgerRow[] = [];
  request.ledger.forEach((row, index) => {
    const parsed = LedgerRowSchema.safeParse(row, { reportInput: true });
    if (parsed.success) rows.push(parsed.data);
    else issues.push(...zodIssues(parsed.error.issues, ["ledger", index], undefined, LedgerRowSchema));
  });
  const options = { ruleSet, programme: context.programme, ...(tolerance === undefined ? {} : { tolerance }) };
  deadline();
  if (issues.length > 0) {
    // Every problem at once, as the CLI lists those of both files: the cases' too.
    try {
      parseAuditInput(request.cases, [], options);
    } catch (error) {
      if (!isInvalidInputError(error)) throw error;
      issues.unshift(...error.issues);
    }
    throw new InvalidInputError(issues);
  }
  const input = parseAuditInput(request.cases, rows, options);
  deadline();
  const document = auditOutcomes({ ...input, ledgerPlaces: rows.map((_, index) => ({ row: index + 1 })) });
  return { document, exitStatus: document.discrepancies.length > 0 ? 1 : 0 };
}

/** `by` as a list of dimensions: a list, or a comma-separated string as `--by` takes. */
function dimensionsOf(by: RequestOf<"budget">["by"]): BudgetDimension[] {
  if (by === undefined) return ["township"];
  const given = typeof by === "string" ? by.split(",").map((part) => part.trim()) : by;
  const issues: InputIssue[] = [];
  const known = BUDGET_DIMENSIONS as readonly string[];
  given.forEach((dimension, index) => {
    if (!known.includes(dimension))
      issues.push({
        path: typeof by === "string" ? "by" : `by[${index}]`,
        code: "unknown-dimension",
        message: `unknown dimension ${echo(dimension)}; use ${BUDGET_DIMENSIONS.join(", ")}`,
        zh: `未知的分组维度 ${echo(dimension)}；可用 ${BUDGET_DIMENSIONS.join("、")}`,
      });
    else if (given.indexOf(dimension) !== index)
      issues.push({
        path: typeof by === "string" ? "by" : `by[${index}]`,
        code: "dimension-repeated",
        message: `${echo(dimension)} is given twice; give each dimension once`,
        zh: `分组维度 ${echo(dimension)} 重复给出，请只给一次`,
      });
  });
  if (issues.length > 0) throw new InvalidInputError(issues);
  return given as BudgetDimension[];
}

function budgetAnswer(request: RequestOf<"budget">, context: ServeContext, deadline: Deadline): DocumentAnswer {
  const by = dimensionsOf(request.by);
  if ((request.cap === undefined) !== (request.payer === undefined))
    throw new InvalidInputError([
      {
        path: request.cap === undefined ? "cap" : "payer",
        code: "cap-needs-payer",
        message: 'cap and payer go together: { "cap": "<money>", "payer": "municipal" | "district" }',
        zh: 'cap 与 payer 须同时给出：{ "cap": "<金额>", "payer": "municipal" | "district" }',
      },
    ]);
  const ruleSet = checkedRuleSetOf(request.rules, context);
  deadline();
  const document = budgetOfCases(request.cases, {
    programme: context.programme,
    by,
    ruleSet,
    ...(request.cap === undefined || request.payer === undefined ? {} : { cap: request.cap, payer: request.payer }),
  });
  deadline();
  return { document, exitStatus: 0 };
}

function compareAnswer(request: RequestOf<"compare">, context: ServeContext, deadline: Deadline): DocumentAnswer {
  const problems: InputIssue[] = [];
  const loaded = (["rules", "against"] as const).map((key) => {
    try {
      return ruleSetOf(request[key], context, key);
    } catch (error) {
      if (!isInvalidInputError(error)) throw error;
      problems.push(...error.issues);
      return undefined;
    }
  });
  const [a, b] = loaded;
  if (a === undefined || b === undefined) throw new InvalidInputError(problems);
  deadline();
  const document = compare(request.cases, a, b, { programme: context.programme });
  deadline();
  return { document, exitStatus: 0 };
}

/** The account of each case (or of the cases `case` names) in words, as `compute --explain --format table` prints it. */
function explainAnswer(request: RequestOf<"explain">, context: ServeContext, deadline: Deadline): DocumentAnswer {
  const ruleSet = checkedRuleSetOf(request.rules, context);
  const document = batchOf(request.cases, ruleSet, context, {}, deadline);
  if (document.errors.length > 0) throw new InvalidInputError(document.errors);
  const byId = new Map(document.results.map((outcome) => [outcome.id, outcome]));
  const wanted = request.case ?? document.results.map((outcome) => outcome.id);
  const unknown = wanted.flatMap((id, index) =>
    byId.has(id)
      ? []
      : [
          {
            path: `case[${index}]`,
            code: "unknown-case",
            message: `no case with id ${echo(id)} among the ${document.results.length} given`,
            zh: `给出的 ${document.results.length} 个案件中没有编号为 ${echo(id)} 的案件`,
          },
        ],
  );
  if (unknown.length > 0) throw new InvalidInputError(unknown);
  const lang = request.lang ?? "zh";
  const explanations = wanted.map((id) => {
    const outcome = byId.get(id);
    if (outcome === undefined) throw new Error(`[exitfund] invariant: case ${id} was checked`);
    deadline();
    return {
      id,
      kind: outcome.kind,
      township: outcome.township,
      text: explain(outcome, { lang, programme: context.programme, ruleSet }),
    };
  });
  return { document: { ruleSet: document.ruleSet, lang, explanations }, exitStatus: 0 };
}

/** `GET /rules`: the rule sets a request may name. */
export function rulesList(context: ServeContext): unknown {
  return {
    default: context.ruleSet.id,
    ruleSets: [...context.ruleSets.values()].map((ruleSet) => ({
      id: ruleSet.id,
      version: ruleSet.version,
      title: ruleSet.title,
      titles: ruleSet.titles,
      validFrom: ruleSet.validFrom,
    })),
  };
}

/** `GET /rules/{id}`: the resolved rule set, as `exitfund rules --rules <id> --format json` prints it. */
export function ruleSetDocument(id: string, context: ServeContext): unknown {
  return context.ruleSets.get(id)?.toJSON();
}

/** `GET /schemas`: the schema names (the programme's case kinds, `ledger`, `rules`). */
export function schemasList(context: ServeContext): unknown {
  return { schemas: schemaNames(context.programme) };
}

/** `GET /schemas/{name}`: the JSON Schema `exitfund schema <name>` prints, or undefined for an unknown name. */
export function schemaDocument(name: string, context: ServeContext): unknown {
  return schemaNames(context.programme).includes(name) ? jsonSchema(name, { programme: context.programme }) : undefined;
}
