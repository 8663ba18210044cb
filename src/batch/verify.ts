import { InvalidInputError } from "../errors/index.js";
import { computeBatch, type ComputeDocument, type RuleSetInput } from "./compute.js";

/**
 * 核定 · verification — the housing commission's check of land-clearing declarations: the `compute`
 * document of `structure-clearance` cases, each outcome's `detail.items` declared vs approved item by item.
 *
 * @remarks Throws `InvalidInputError` listing every problem when any declaration is invalid or is not a
 * `structure-clearance` case. A finding on any outcome means the sheet needs attention (CLI exit 1).
 */
export function verify(declarations: readonly unknown[], ruleSet?: RuleSetInput): ComputeDocument {
  const wrongKind = declarations.flatMap((declaration, index) => {
    const kind = typeof declaration === "object" && declaration !== null ? (declaration as { kind?: unknown }).kind : undefined;
    return kind === "structure-clearance" ? [] : [{ path: `[${index}].kind`, message: `verify takes structure-clearance declarations only (腾地经费申报); got ${JSON.stringify(kind) ?? "nothing"}` }];
  });
  const document = computeBatch(declarations, ruleSet);
  const issues = [...wrongKind, ...document.errors.filter((error) => !wrongKind.some((w) => w.path === error.path)).map(({ path, message }) => ({ path, message }))];
  if (issues.length > 0) throw new InvalidInputError(issues);
  return document;
}
