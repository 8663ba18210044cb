import { denseListArgument, isPlainObject, optionsArgument, refuse } from "../errors/arguments.js";
import { describeValue, describeValueZh, echo, knownList } from "../errors/echo.js";
import { InvalidInputError, type InputIssue } from "../errors/index.js";
import { dec, type Dec } from "../money/decimal.js";
import type {
  DatedValueJson,
  ParameterJson,
  ParameterValueJson,
  RuleSet,
  RuleSetJson,
  ScaleJson,
} from "../parameters/types.js";
import { loadWith, resolveRuleSetInput, type RuleSetInput } from "../rule-sets/index.js";
import { defaultProgramme } from "../rules/default.js";
import { PROGRAMME_OPTION, type Programme } from "../rules/programme.js";

/** One what-if change: every amount of a parameter (or of one key of a table) multiplied by a factor. */
export interface ScaleChange {
  /** A parameter the rule set values (`clearance.rates`), or one key of a table (`clearance.rates.brick-concrete`). */
  readonly parameter: string;
  /** The factor, as `parseFactor` reads it: `"1.1"`, `"110%"`, `"+10%"`, `"-5%"` (never below 0). */
  readonly factor: string;
}

/** The most digits of a factor (the products stay far inside the kernel's exact range). */
const MAX_FACTOR_DIGITS = 20;
const FACTOR = /^(?:(?<plain>(?:0|[1-9]\d*)(?:\.\d+)?)|(?<sign>[+-])?(?<percent>(?:0|[1-9]\d*)(?:\.\d+)?)%)$/;

/**
 * 调整系数 · a what-if factor: `"1.1"` (×1.1), `"110%"` (×1.1), `"+10%"` (×1.1), `"-5%"` (×0.95).
 *
 * @throws InvalidInputError when `text` is not a string.
 * @returns the factor, or undefined when the text is none of those forms, has more than 20 digits, or is below 0.
 * @example parseFactor("+10%")?.toString() // "1.1"
 * @category batch
 */
export function parseFactor(text: string): Dec | undefined {
  if (typeof text !== "string")
    refuse(
      "text",
      "not-a-text",
      `must be a factor written as text such as "1.1" or "+10%"; got ${describeValue(text)}`,
      `应为文本形式的系数，如 "1.1" 或 "+10%"；实际为 ${describeValueZh(text)}`,
    );
  const match = FACTOR.exec(text.trim());
  if (match?.groups === undefined || text.replace(/\D/g, "").length > MAX_FACTOR_DIGITS) return undefined;
  const { plain, sign, percent } = match.groups;
  if (plain !== undefined) return dec(plain);
  const share = dec(percent ?? "0").dividedBy(100);
  const factor = sign === undefined ? share : sign === "+" ? share.plus(1) : dec(1).minus(share);
  return factor.isNegative() ? undefined : factor;
}

/**
 * 参数调整 · a what-if rule set: `ruleSet` with the amounts of some parameters multiplied ("+10 %" on the
 * land-clearing rates) without retyping a table — for `compare(cases, a, scaleRuleSet(a, …))` and `exitfund compare --scale`.
 *
 * @remarks
 * What is multiplied: a decimal value; every decimal of a table (the `rate` of a `{ unit, rate }` entry); the `rate`
 * or `amount` of every bracket of a scale (never a threshold). Every dated value of the parameter is scaled; a
 * parameter name followed by `.key` scales one key of a table. The products are exact (no rounding: the rules round
 * where they say). A scaled value is marked `illustrative` (a what-if is no figure of its source) and its note says
 * what was done; the rule set gets its own id (`<id>+scale`), version and title, so its results cannot pass for the
 * original's. Dates and booleans cannot be scaled.
 * @throws InvalidInputError naming each change that names no parameter, gives a bad factor, or scales a value that is
 * no amount — every problem listed.
 * @example scaleRuleSet("tongzhou-2016", [{ parameter: "clearance.rates", factor: "+10%" }])
 * @category batch
 */
export function scaleRuleSet(
  ruleSet: RuleSetInput,
  changes: readonly ScaleChange[],
  options: { readonly programme?: Programme } = {},
): RuleSet {
  const { programme = defaultProgramme } = optionsArgument(options, "options", { programme: PROGRAMME_OPTION }) as {
    readonly programme?: Programme;
  };
  const base = resolveRuleSetInput(ruleSet, programme, "ruleSet");
  const list = denseListArgument(changes, "changes", { en: "scale changes", zh: "参数调整" });
  if (list.length === 0)
    refuse("changes", "no-change", "must name at least one parameter to scale", "至少须给出一项参数调整");
  const json = base.toJSON();
  const parameters = new Map<string, ParameterJson>(Object.entries(json.parameters));
  const issues: InputIssue[] = [];
  const said: string[] = [];
  list.forEach((change: unknown, index) => {
    const path = `changes[${index}]`;
    if (!isPlainObject(change) || typeof change.parameter !== "string" || typeof change.factor !== "string") {
      issues.push({
        path,
        code: "not-a-scale-change",
        message: `must be { parameter: "<name>", factor: "<factor>" } with both as text`,
        zh: `应为 { parameter: "<参数名>", factor: "<系数>" }，二者均为文本`,
      });
      return;
    }
    const factor = parseFactor(change.factor);
    if (factor === undefined)
      issues.push({
        path: `${path}.factor`,
        code: "not-a-factor",
        message: `must be a factor ≥ 0 such as "1.1", "110%", "+10%" or "-5%" (at most ${MAX_FACTOR_DIGITS} digits); got ${echo(change.factor)}`,
        zh: `应为不小于 0 的系数，如 "1.1"、"110%"、"+10%"、"-5%"（至多 ${MAX_FACTOR_DIGITS} 位数字）；实际为 ${echo(change.factor)}`,
      });
    const target = parameterOf(change.parameter, parameters);
    if (target === undefined) {
      issues.push({
        path: `${path}.parameter`,
        code: "unknown-parameter",
        message: `names no parameter of rule set ${echo(base.id)}; known: ${knownList(parameters.keys())}`,
        zh: `不是规则集 ${echo(base.id)} 的参数`,
      });
      return;
    }
    if (factor === undefined) return;
    const parameter = parameters.get(target.name) as ParameterJson;
    const problems: string[] = [];
    const values = parameter.values.map((value) => scaledValue(value, factor, target.key, problems));
    if (problems.length > 0) {
      issues.push({
        path: `${path}.parameter`,
        code: "not-an-amount",
        message: `${echo(change.parameter)} holds ${problems[0]}, which cannot be scaled: only decimals, tables of decimals and scales can`,
        zh: `${echo(change.parameter)} 的值为${problems[0] === "a date or a boolean" ? "日期或是否" : "非数额"}，不能按系数调整：只有数额、数额表和分档标准可以`,
      });
      return;
    }
    const what = `×${factor.toFixed()}${target.key === undefined ? "" : ` (key ${target.key})`}`;
    said.push(`${change.parameter} ×${factor.toFixed()}`);
    parameters.set(target.name, {
      ...parameter,
      values: values.map((value) => ({
        ...value,
        status: "illustrative",
        note: `what-if: ${what} of the value of rule set ${base.id} v${base.version} · 测算：按原值${target.key === undefined ? "" : `（${target.key}）`}乘以 ${factor.toFixed()}${value.note === undefined ? "" : ` · ${value.note}`}`,
      })),
    });
  });
  if (issues.length > 0) throw new InvalidInputError(issues);
  const scaled: RuleSetJson = {
    ...json,
    id: `${json.id}+scale`,
    version: `${json.version}+scale`,
    title:
      typeof json.title === "string"
        ? `${json.title} (what-if 测算：${said.join(", ")})`
        : { zh: `${json.title.zh}（测算：${said.join("，")}）`, en: `${json.title.en} (what-if: ${said.join(", ")})` },
    parameters: Object.fromEntries(parameters),
  };
  const { extends: _extends, ...own } = scaled;
  return loadWith(own, programme);
}

/** The parameter `name` names: itself, or a parameter and one key of its table (the longest parameter name wins). */
function parameterOf(
  name: string,
  parameters: ReadonlyMap<string, ParameterJson>,
): { readonly name: string; readonly key?: string } | undefined {
  if (parameters.has(name)) return { name };
  for (let at = name.lastIndexOf("."); at > 0; at = name.lastIndexOf(".", at - 1)) {
    const parameter = parameters.get(name.slice(0, at));
    const key = name.slice(at + 1);
    if (parameter !== undefined)
      return parameter.values.some((value) => isTable(value.value) && Object.hasOwn(value.value, key))
        ? { name: name.slice(0, at), key }
        : undefined;
  }
  return undefined;
}

type TableJson = Exclude<ParameterValueJson, string | boolean | null | ScaleJson>;

function isTable(value: ParameterValueJson): value is TableJson {
  return typeof value === "object" && value !== null && !isScale(value);
}

function isScale(value: ParameterValueJson): value is ScaleJson {
  return typeof value === "object" && value !== null && Array.isArray((value as { brackets?: unknown }).brackets);
}

const times = (text: string, factor: Dec): string => dec(text).times(factor).toFixed();

/** One dated value with its amounts multiplied (only `key` of a table when given); what could not be, in `problems`. */
function scaledValue(value: DatedValueJson, factor: Dec, key: string | undefined, problems: string[]): DatedValueJson {
  const v = value.value;
  if (typeof v === "string" && key === undefined) {
    if (/^-?\d/.test(v) && !/^\d{4}-\d{2}-\d{2}$/.test(v)) return { ...value, value: times(v, factor) };
    problems.push("a date or a boolean");
    return value;
  }
  if (isScale(v) && key === undefined)
    return {
      ...value,
      value: {
        ...v,
        brackets: v.brackets.map((bracket) => ({
          ...bracket,
          ...(bracket.rate === undefined ? {} : { rate: times(bracket.rate, factor) }),
          ...(bracket.amount === undefined ? {} : { amount: times(bracket.amount, factor) }),
        })),
      },
    };
  if (isTable(v)) {
    const entries = Object.entries(v).map(([name, cell]): [string, unknown] => {
      if (key !== undefined && name !== key) return [name, cell];
      if (typeof cell === "string" && !/^\d{4}-\d{2}-\d{2}$/.test(cell)) return [name, times(cell, factor)];
      if (typeof cell === "object" && cell !== null && typeof (cell as { rate?: unknown }).rate === "string")
        return [name, { ...cell, rate: times((cell as { rate: string }).rate, factor) }];
      problems.push("a date or a boolean");
      return [name, cell];
    });
    return { ...value, value: Object.fromEntries(entries) as ParameterValueJson };
  }
  problems.push(key === undefined ? "a date or a boolean" : "no table");
  return value;
}
