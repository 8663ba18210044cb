import { deepFreeze } from "../../freeze.js";
import { STRUCTURE_CLEARANCE_FIELDS, finishStructureClearance, type StructureClearance } from "../../schemas/cases.js";
import type { OutcomeBase } from "../../trace/types.js";
import type { Domain } from "../domain.js";
import { checkDeclaration } from "./checkDeclaration.js";
import { declaredFee } from "./declaredFee.js";
import { clearanceKernel } from "./fast.js";
import { landClearingFee } from "./landClearingFee.js";
import { STRUCTURE_TYPE_VALUE_LABELS, landClearingFeeMessages } from "./messages.js";
import { structureClearanceParameters } from "./parameters.js";
import type { ClearanceDetail } from "./types.js";
import { clearanceTotals, verifyDeclaration, type StructureClearanceParts } from "./verifyDeclaration.js";
import { itemFindings } from "./verifyItem.js";

/** The outcome of a land-clearing declaration. */
export type ClearanceOutcome = OutcomeBase<"structure-clearance", ClearanceDetail>;

/**
 * 腾地经费 · the structure-clearance domain: a township's declaration for one site, verified item by item
 * (docs/land-clearing-fees.md). Parameters are read on `declaredOn`; the district pays the township.
 * @category land-clearing-fee
 */
export const structureClearance: Domain<
  "structure-clearance",
  StructureClearance,
  StructureClearanceParts,
  ClearanceDetail
> = {
  kind: "structure-clearance",
  labels: { zh: "腾地经费申报核定", en: "land-clearing fee declaration" },
  fields: STRUCTURE_CLEARANCE_FIELDS,
  finish: finishStructureClearance,
  date: (facts) => facts.declaredOn,
  dateField: "declaredOn",
  payee: (facts) => ({ type: "township", id: facts.township }),
  parameters: Object.freeze(Object.values(structureClearanceParameters)),
  parts: Object.freeze({ declaredFee, landClearingFee, itemFindings, clearanceTotals }),
  payment: verifyDeclaration,
  checkCase: checkDeclaration,
  messages: landClearingFeeMessages,
  values: {
    "items.structureType": { keysOf: "clearance.rates", labels: STRUCTURE_TYPE_VALUE_LABELS },
    "items.survey.structureType": { keysOf: "clearance.rates", labels: STRUCTURE_TYPE_VALUE_LABELS },
  },
  budgetLines: ["structure-clearance"],
  budgetLine: () => "structure-clearance",
  fast: { covers: (domain) => domain === structureClearance, compile: clearanceKernel },
  paidInFull: structureClearanceParameters.paidInFull,
};
deepFreeze(structureClearance);

export { checkDeclaration } from "./checkDeclaration.js";
export { declaredFee } from "./declaredFee.js";
export { approvedQuantity, landClearingFee, type ItemFee } from "./landClearingFee.js";
export {
  STRUCTURE_TYPE_LABELS,
  STRUCTURE_TYPE_VALUE_LABELS,
  UNIT_LABELS,
  clearanceMessage,
  landClearingFeeMessages,
  structureTypeLabel,
} from "./messages.js";
export { structureClearanceParameters } from "./parameters.js";
export type { ClearanceDetail, DeclaredBasis, DeclaredValue, VerifiedItem } from "./types.js";
export {
  clearanceTotals,
  verifyDeclaration,
  type ClearanceTotals,
  type StructureClearanceParts,
} from "./verifyDeclaration.js";
export { itemFindings, verifyItem, type ItemParts, type ItemVerification } from "./verifyItem.js";
