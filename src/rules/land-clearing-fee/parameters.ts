import { parameter } from "../../parameters/handles.js";

/**
 * 腾地经费参数 · the parameters of land-clearing fees, read on `declaredOn` (docs/land-clearing-fees.md).
 * @category land-clearing-fee
 */
export const structureClearanceParameters = Object.freeze({
  rates: parameter.table(
    "clearance.rates",
    "腾地经费测算标准 land-clearing fee rates by structure type",
    { cell: "rate" },
    "元 per unit",
  ),
  cutoffDate: parameter.date("clearance.cutoffDate", "抢建认定截止日 cut-off date for structures (built later: 抢建)"),
  requireSurvey: parameter.boolean(
    "clearance.requireSurvey",
    "须经住建委核定测量 survey required before a fee is approved",
  ),
  paidInFull: parameter.boolean(
    "clearance.paidInFull",
    "足额拨付 paid in full under a budget cap, before other kinds share what remains",
  ),
});
