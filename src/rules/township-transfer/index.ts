import { deepFreeze } from "../../freeze.js";
import { TOWNSHIP_TRANSFER_FIELDS, finishTownshipTransfer, type TownshipTransfer } from "../../schemas/cases.js";
import type { OutcomeBase } from "../../trace/types.js";
import type { Domain } from "../domain.js";
import { crossCheckTransfer } from "./crossCheck.js";
import { enterpriseLostCapacity } from "./lostCapacity.js";
import { townshipTransferMessages } from "./messages.js";
import { townshipTransferParameters } from "./parameters.js";
import { townshipShares } from "./shares.js";
import { targetReduction } from "./targetReduction.js";
import {
  impact,
  reckoningDate,
  townshipTransfer as transfer,
  transferAmount,
  type TownshipTransferDetail,
  type TownshipTransferParts,
} from "./townshipTransfer.js";

/** The outcome of a township transfer. */
export type TransferOutcome = OutcomeBase<"township-transfer", TownshipTransferDetail>;

/**
 * 财政转移支付与核减指标 · the township-transfer domain (docs/township-transfers.md). Parameters are read on 31
 * December before `fiscalYear`; its budget year is the fiscal year; each transfer is cross-checked against the
 * batch's enterprise exits it lists.
 * @category township-transfer
 */
export const townshipTransfer: Domain<
  "township-transfer",
  TownshipTransfer,
  TownshipTransferParts,
  TownshipTransferDetail
> = {
  kind: "township-transfer",
  labels: { zh: "乡镇财政转移支付", en: "township transfer" },
  fields: TOWNSHIP_TRANSFER_FIELDS,
  finish: finishTownshipTransfer,
  date: (facts) => reckoningDate(facts.fiscalYear),
  dateField: "fiscalYear",
  year: (facts) => facts.fiscalYear,
  payee: (facts) => ({ type: "township", id: facts.township }),
  parameters: Object.freeze(Object.values(townshipTransferParameters)),
  parts: Object.freeze({ townshipShares, enterpriseLostCapacity, impact, transferAmount, targetReduction }),
  payment: transfer,
  crossCheck: crossCheckTransfer,
  messages: townshipTransferMessages,
  budgetLines: ["township-transfer"],
  budgetLine: () => "township-transfer",
};
deepFreeze(townshipTransfer);

export { crossCheckTransfer } from "./crossCheck.js";
export { enterpriseLostCapacity, type EnterpriseRow, type LostCapacity } from "./lostCapacity.js";
export { townshipTransferMessages } from "./messages.js";
export { townshipTransferParameters } from "./parameters.js";
export { townshipShares, type Shares, type TaxType } from "./shares.js";
export { targetReduction, type TargetReductions } from "./targetReduction.js";
export {
  impact,
  reckoningDate,
  townshipTransfer as townshipTransferPayment,
  transferAmount,
  type Impact,
  type TownshipTransferDetail,
  type TownshipTransferParts,
} from "./townshipTransfer.js";
