import type { StructureClearance } from "../../schemas/cases.js";
import type { Domain } from "../domain.js";
import { checkDeclaration } from "./checkDeclaration.js";
import { landClearingFee } from "./landClearingFee.js";
import { landClearingFeeMessages } from "./messages.js";

/** 腾地经费 · the structure-clearance domain: a township's declaration for one site, verified item by item. */
export const structureClearanceDomain: Domain<StructureClearance> = {
  kind: "structure-clearance",
  checkCase: checkDeclaration,
  compute: landClearingFee,
  messages: landClearingFeeMessages,
};

export { checkDeclaration } from "./checkDeclaration.js";
export { clearanceTotals, landClearingFee } from "./landClearingFee.js";
export {
  STRUCTURE_TYPE_LABELS,
  UNIT_LABELS,
  clearanceMessage,
  landClearingFeeMessages,
  structureTypeLabel,
} from "./messages.js";
export type { ClearanceDetail, DeclaredBasis, DeclaredFigure, VerifiedItem } from "./types.js";
export { approvedQuantity, declaredFee, verifyItem } from "./verifyItem.js";
