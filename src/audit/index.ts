export { audit, auditOutcomes, ledgerWithPlaces, parseAuditInput } from "./audit.js";
export { DISCREPANCY_LABELS, PAYER_LABELS, STATUS_LABELS } from "./labels.js";
export { parseLedger } from "./ledger.js";
export {
  AMOUNT_TYPES,
  DISCREPANCY_TYPES,
  type AuditDocument,
  type AuditInput,
  type AuditOptions,
  type Discrepancy,
  type DiscrepancyType,
  type LedgerPlace,
  type PayerAmounts,
  type ReconciliationEntry,
  type ReconciliationStatus,
} from "./types.js";
