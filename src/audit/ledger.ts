import { holeIssue } from "../errors/arguments.js";
import { echo } from "../errors/echo.js";
import type { InputIssue } from "../errors/index.js";
import { dec, type Rounding } from "../money/decimal.js";
import { LedgerRowSchema, type LedgerRow } from "../schemas/cases.js";
import { zodIssues } from "../schemas/issues.js";

/**
 * 拨付台账 · payment ledger — the rows validated with `LedgerRowSchema`, every problem listed (`ledger[3].amount`).
 *
 * @remarks
 * A payment is at the fen (the rule set's rounding scale): an amount with more decimals is an input
 * problem, so every sum of the audit is exact and foots with the amounts shown.
 * @returns the parsed rows (in ledger order) when there is no problem, else the problems.
 * @category audit
 */
export function parseLedger(
  input: readonly unknown[],
  rounding: Rounding,
): { ok: true; rows: LedgerRow[] } | { ok: false; issues: InputIssue[] } {
  const rows: LedgerRow[] = [];
  const issues: InputIssue[] = [];
  // A loop over every index, so a hole of a sparse array is a missing row, not skipped.
  for (let index = 0; index < input.length; index += 1) {
    const raw = input[index];
    if (!(index in input)) {
      issues.push(holeIssue(`ledger[${index}]`, { en: "ledger rows", zh: "台账行" }));
      continue;
    }
    const parsed = LedgerRowSchema.safeParse(raw, { reportInput: true });
    if (!parsed.success) {
      issues.push(...zodIssues(parsed.error.issues, ["ledger", index], undefined, LedgerRowSchema));
      continue;
    }
    if (dec(parsed.data.amount).decimalPlaces() > rounding.scale) {
      issues.push({
        path: `ledger[${index}].amount`,
        code: "too-many-decimals",
        message: `amount (金额) ${echo(parsed.data.amount)} has more than ${rounding.scale} decimals; a payment is recorded to the fen, e.g. "1250.50"`,
        zh: `小数位超过 ${rounding.scale} 位，应精确到分`,
        label: "金额（元）",
      });
      continue;
    }
    rows.push(parsed.data);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rows };
}
