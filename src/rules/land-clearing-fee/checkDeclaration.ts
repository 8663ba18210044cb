import { echo, knownList } from "../../errors/echo.js";
import { isRuleSetError, type InputIssue } from "../../errors/index.js";
import { dec } from "../../money/decimal.js";
import type { AnyParameter } from "../../parameters/handles.js";
import type { ClearanceRate } from "../../parameters/types.js";
import type { ClearanceItem, StructureClearance } from "../../schemas/cases.js";
import type { Context } from "../algebra.js";
import { structureClearanceParameters as p } from "./parameters.js";

type Rates = Readonly<Record<string, ClearanceRate>>;

/**
 * 申报校验 · declaration check — the input problems of a clearance declaration that only the rule set reveals.
 *
 * @remarks
 * Parameters are read at `declaredOn`. A date on which one of them has no value is a problem of `declaredOn`.
 * A structure type (declared or surveyed) that `clearance.rates` does not know is an input error naming the
 * known types; a quantity of a per-item type (unit `item`) must be a whole number; a survey may change the type
 * only to one measured in the same unit, since the approved quantity is the smaller of the declared and surveyed
 * quantities. Paths are relative to the case.
 * @example checkDeclaration({ ...declaration, items: [{ id: "1", structureType: "tent", quantity: "5" }] }, ctx)
 * // [{ path: "items[0].structureType", code: "unknown-structure-type", message: 'structureType (结构类型) "tent" is not … known: …' }]
 * @category land-clearing-fee
 */
export function checkDeclaration(facts: StructureClearance, ctx: Context): InputIssue[] {
  const missing = ([p.rates, p.cutoffDate, p.requireSurvey] as readonly AnyParameter[]).flatMap(
    (handle): InputIssue[] => {
      try {
        ctx.read(handle);
        return [];
      } catch (error) {
        if (!isRuleSetError(error)) throw error;
        return error.issues.map((issue) => ({
          path: "declaredOn",
          code: issue.code,
          message: `declaredOn (申报日期) ${ctx.on}: rule set "${ctx.ruleSet.id}" ${handle.name} ${issue.message}`,
          zh: `申报日期 ${ctx.on}：规则集"${ctx.ruleSet.id}"${issue.zh ?? ""}`,
          label: "申报日期",
        }));
      }
    },
  );
  if (missing.length > 0) return missing;
  const rates = ctx.read(p.rates);
  const where = `rule set "${ctx.ruleSet.id}" on ${ctx.on}`;
  return facts.items.flatMap((item, index) => itemIssues(item, `items[${index}]`, rates, where));
}

function rateOf(rates: Rates, structureType: string): ClearanceRate | undefined {
  return Object.hasOwn(rates, structureType) ? rates[structureType] : undefined;
}

function itemIssues(item: ClearanceItem, path: string, rates: Rates, where: string): InputIssue[] {
  const issues: InputIssue[] = [];
  const declared = rateOf(rates, item.structureType);
  if (declared === undefined) issues.push(unknownType(`${path}.structureType`, item.structureType, rates, where));
  else if (!isWholeFor(declared, item.quantity))
    issues.push(notWhole(`${path}.quantity`, item.quantity, item.structureType));
  if (item.survey === undefined) return issues;
  const surveyed = rateOf(rates, item.survey.structureType);
  if (surveyed === undefined)
    issues.push(unknownType(`${path}.survey.structureType`, item.survey.structureType, rates, where));
  else if (!isWholeFor(surveyed, item.survey.quantity))
    issues.push(notWhole(`${path}.survey.quantity`, item.survey.quantity, item.survey.structureType));
  if (declared !== undefined && surveyed !== undefined && declared.unit !== surveyed.unit) {
    issues.push({
      path: `${path}.survey.structureType`,
      code: "survey-changes-unit",
      message: `survey structureType (核定结构类型) ${echo(item.survey.structureType)} is measured in ${surveyed.unit} but the declared ${echo(item.structureType)} in ${declared.unit}; quantities in different units cannot be compared — declare the item again in the surveyed type's unit`,
      zh: `核定结构类型与申报结构类型的计量单位不同（${surveyed.unit}、${declared.unit}），数量无法比较`,
      label: "核定结构类型",
    });
  }
  return issues;
}

function unknownType(path: string, structureType: string, rates: Rates, where: string): InputIssue {
  const known = knownList(Object.keys(rates).map((key) => `"${key}"`));
  return {
    path,
    code: "unknown-structure-type",
    message: `structureType (结构类型) ${echo(structureType)} is not a structure type of ${where}; known: ${known}`,
    zh: `结构类型 ${echo(structureType)} 不在本规则集中`,
    label: "结构类型",
  };
}

// A per-item structure (其他构筑物) is counted, not measured: 1.5 items has no meaning.
function isWholeFor(rate: ClearanceRate, quantity: string): boolean {
  return rate.unit !== "item" || dec(quantity).isInteger();
}

function notWhole(path: string, quantity: string, structureType: string): InputIssue {
  return {
    path,
    code: "not-a-whole-number",
    message: `quantity (数量) of ${echo(structureType)} is counted per item and must be a whole number; got ${echo(quantity)}`,
    zh: `按项计数，数量应为整数`,
    label: "数量",
  };
}
