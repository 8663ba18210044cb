import type { InputIssue } from "../../errors/index.js";
import { dec } from "../../money/decimal.js";
import type { ClearanceRate, RuleSet } from "../../parameters/types.js";
import type { ClearanceItem, StructureClearance } from "../../schemas/cases.js";
import { clearanceParametersOrIssues, knownTypes } from "./parameters.js";

type Rates = Readonly<Record<string, ClearanceRate>>;

/**
 * 申报校验 · declaration check — the input problems of a clearance declaration that only the rule set reveals.
 *
 * @remarks
 * Parameters are read at `declaredOn`. A structure type (declared or surveyed) that `clearance.rates`
 * does not know is an input error naming the known types; a quantity of a per-item type (unit `item`)
 * must be a whole number; a survey may change the type only to one measured in the same unit, since
 * the approved quantity is the smaller of the declared and surveyed quantities. Paths are relative to the case.
 * @example checkDeclaration({ ...declaration, items: [{ id: "1", structureType: "tent", quantity: "5" }] }, ruleSet)
 * // [{ path: "items[0].structureType", message: 'structureType (结构类型) "tent" is not … known: "steel-concrete-frame", …' }]
 * @category land-clearing-fee
 */
export function checkDeclaration(facts: StructureClearance, ruleSet: RuleSet): InputIssue[] {
  const parameters = clearanceParametersOrIssues(ruleSet, facts.declaredOn);
  if (!parameters.ok) return parameters.issues;
  const rates = parameters.value.rates.value;
  const where = `rule set "${ruleSet.id}" on ${facts.declaredOn}`;
  return facts.items.flatMap((item, index) => itemIssues(item, `items[${index}]`, rates, where));
}

function itemIssues(item: ClearanceItem, path: string, rates: Rates, where: string): InputIssue[] {
  const issues: InputIssue[] = [];
  const declared = rates[item.structureType];
  if (declared === undefined) issues.push(unknownType(`${path}.structureType`, item.structureType, rates, where));
  else if (!isWholeFor(declared, item.quantity))
    issues.push(notWhole(`${path}.quantity`, item.quantity, item.structureType));
  if (item.survey === undefined) return issues;
  const surveyed = rates[item.survey.structureType];
  if (surveyed === undefined)
    issues.push(unknownType(`${path}.survey.structureType`, item.survey.structureType, rates, where));
  else if (!isWholeFor(surveyed, item.survey.quantity))
    issues.push(notWhole(`${path}.survey.quantity`, item.survey.quantity, item.survey.structureType));
  if (declared !== undefined && surveyed !== undefined && declared.unit !== surveyed.unit) {
    issues.push({
      path: `${path}.survey.structureType`,
      message: `survey structureType (核定结构类型) "${item.survey.structureType}" is measured in ${surveyed.unit} but the declared "${item.structureType}" in ${declared.unit}; quantities in different units cannot be compared — declare the item again in the surveyed type's unit`,
    });
  }
  return issues;
}

function unknownType(path: string, structureType: string, rates: Rates, where: string): InputIssue {
  return {
    path,
    message: `structureType (结构类型) "${structureType}" is not a structure type of ${where}; known: ${knownTypes(rates)}`,
  };
}

// A per-item structure (其他构筑物) is counted, not measured: 1.5 items has no meaning.
function isWholeFor(rate: ClearanceRate, quantity: string): boolean {
  return rate.unit !== "item" || dec(quantity).isInteger();
}

function notWhole(path: string, quantity: string, structureType: string): InputIssue {
  return {
    path,
    message: `quantity (数量) of "${structureType}" is counted per item and must be a whole number; got "${quantity}"`,
  };
}
