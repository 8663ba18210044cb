import { holeIssue, listArgument } from "../errors/arguments.js";
import { InvalidInputError, type InputIssue } from "../errors/index.js";
import type { ClearanceOutcome } from "../rules/land-clearing-fee/index.js";
import { show } from "../schemas/scalars.js";
import { computeBatch, optionsOf, type BatchOptions, type ComputeDocument, type RuleSetInput } from "./compute.js";

/**
 * 核定 · verification — the housing commission's check of land-clearing declarations: the `compute`
 * document of `structure-clearance` cases, each outcome's `detail.items` declared vs approved item by item.
 *
 * @remarks Throws `InvalidInputError` listing every problem when any declaration is invalid or is not a
 * `structure-clearance` case (paths keep the index in the input). A finding on any outcome means the sheet
 * needs attention (CLI exit 1). The second argument is a rule set or `{ ruleSet, programme }`.
 */
export function verify(
  declarations: readonly unknown[],
  ruleSet?: RuleSetInput | BatchOptions,
): ComputeDocument<ClearanceOutcome> {
  const list = listArgument(declarations, "declarations", { en: "declarations", zh: "申报" });
  const clearance: number[] = [];
  const wrongKind: InputIssue[] = [];
  // A loop over every index, so a hole of a sparse array is a missing declaration, not skipped.
  for (let index = 0; index < list.length; index += 1) {
    const declaration = list[index];
    const kind =
      typeof declaration === "object" && declaration !== null ? (declaration as { kind?: unknown }).kind : undefined;
    if (kind === "structure-clearance") clearance.push(index);
    else if (declaration === undefined) wrongKind.push(holeIssue(`[${index}]`, { en: "declarations", zh: "申报" }));
    else
      wrongKind.push({
        path: `[${index}].kind`,
        code: "not-a-declaration",
        message: `verify takes structure-clearance declarations only (腾地经费申报); got ${kind === undefined ? "nothing" : show(kind)}`,
        zh: "核定只接受腾地经费申报（structure-clearance）",
      });
  }
  const document = computeBatch(
    clearance.map((index) => list[index]),
    optionsOf(ruleSet),
  );
  // Paths of the subset are re-indexed to the declaration's place in the input.
  const errors = document.errors.map(({ index, id: _id, ...issue }) => ({
    ...issue,
    path: issue.path.replace(/^\[\d+\]/, `[${clearance[index] ?? index}]`),
  }));
  const issues = [...wrongKind, ...errors].sort((a, b) => indexOf(a.path) - indexOf(b.path));
  if (issues.length > 0) throw new InvalidInputError(issues);
  return document as ComputeDocument<ClearanceOutcome>;
}

function indexOf(path: string): number {
  return Number(/^\[(\d+)\]/.exec(path)?.[1] ?? 0);
}
