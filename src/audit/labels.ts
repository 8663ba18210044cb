import type { DiscrepancyType, ReconciliationStatus } from "./types.js";

/** Chinese and English names of each discrepancy type, for tables and workbooks. */
export const DISCREPANCY_LABELS: { readonly [T in DiscrepancyType]: { readonly zh: string; readonly en: string } } = {
  underpaid: { zh: "少付", en: "paid less than owed" },
  overpaid: { zh: "多付", en: "paid more than owed" },
  unpaid: { zh: "未付", en: "owed, nothing paid" },
  "paid-not-owed": { zh: "不应支付而支付", en: "paid where nothing is owed" },
  "duplicate-payment": { zh: "重复支付", en: "a further payment row for the same case and payer" },
  "wrong-payer": { zh: "付款主体错误", en: "paid by the payer that owes nothing while the other owes" },
  "unknown-case": { zh: "无对应案件", en: "ledger row for a case id that is not in the cases" },
};

/** Chinese and English names of each reconciliation status. */
export const STATUS_LABELS: { readonly [S in ReconciliationStatus]: { readonly zh: string; readonly en: string } } = {
  clean: { zh: "相符", en: "clean" },
  "within-tolerance": { zh: "差额在容差内", en: "within tolerance" },
  discrepant: { zh: "有差异", en: "discrepant" },
};

/** Chinese names of the payers. */
export const PAYER_LABELS = { municipal: "市级", district: "区级" } as const;
