import { InvalidInputError } from "../errors/index.js";
import { computeBatch, type ComputeDocument, type RuleSetInput } from "./compute.js";

/**
 * 核定 · verification — the housing commission's check of land-clearing declarations: the `compute`
 * document of `structure-clearance` cases, each outcome's `detail.items` declared vs approved item by item.
 *
 * @remarks Throws `InvalidInputError` listing every problem when any declaration is invalid or is not a
 * `structure-clearance` case (paths keep the index in the input). A finding on any outcome means the sheet
 * needs attention (CLI exit 1).
 */
export function verify(declarations: readonly unknown[], ruleSet?: RuleSetInput): ComputeDocument {
  const clearance: number[] = [];
  const wrongKind = declarations.flatMap((declaration, index) => {
    const kind =
      typeof declaration === "object" && declaration !== null ? (declaration as { kind?: unknown }).kind : undefined;
    if (kind === "structure-clearance") {
      clearance.push(index);
      return [];
    }
    return [
      {
        path: `[${index}].kind`,
        message: `verify takes structure-clearance declarations only (腾地经费申报); got ${JSON.stringify(kind) ?? "nothing"}`,
      },
    ];
  });
  const document = computeBatch(
    clearance.map((index) => declarations[index]),
    ruleSet,
  );
  // Paths of the subset are re-indexed to the declaration's place in the input.
  const errors = document.errors.map(({ index, path, message }) => ({
    path: path.replace(/^\[\d+\]/, `[${clearance[index] ?? index}]`),
    message,
  }));
  const issues = [...wrongKind, ...errors].sort((a, b) => indexOf(a.path) - indexOf(b.path));
  if (issues.length > 0) throw new InvalidInputError(issues);
  return document;
}

function indexOf(path: string): number {
  return Number(/^\[(\d+)\]/.exec(path)?.[1] ?? 0);
}
