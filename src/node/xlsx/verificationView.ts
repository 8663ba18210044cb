import { assertInvariant, isInvalidInputError } from "../../errors/index.js";
import { toChineseCapital } from "../../money/capital.js";
import { UNIT_LABELS, STRUCTURE_TYPE_LABELS, clearanceMessage } from "../../rules/land-clearing-fee/index.js";
import type { ClearanceDetail } from "../../rules/land-clearing-fee/index.js";
import type { OutcomeBase, Status } from "../../trace/types.js";
import { own } from "../own.js";

/** A finding of one item, with its text in both languages. */
export interface FindingView {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

/** One row of a verification sheet. */
export interface ItemView {
  readonly no: number;
  readonly id: string;
  readonly declaredType: string;
  readonly declaredTypeZh: string;
  readonly declaredQuantity: string;
  readonly approvedType: string;
  readonly approvedTypeZh: string;
  readonly approvedQuantity: string;
  readonly unit: string;
  readonly unitZh: string;
  readonly rate: string;
  readonly fee: string;
  /** The item's declared figure (its declaredAmount, or the declared quantity at the rates). */
  readonly declared: string;
  readonly declaredFromRates: boolean;
  readonly findings: readonly FindingView[];
}

/** One declaration as the commission's sheet and the terminal table show it. */
export interface DeclarationView {
  readonly id: string;
  readonly township: string;
  readonly village: string;
  readonly site: string;
  readonly declaredOn: string;
  readonly basis: Status;
  readonly items: readonly ItemView[];
  readonly totals: ClearanceDetail["totals"];
  readonly declaredBasis: ClearanceDetail["declaredBasis"];
  readonly findingCount: number;
}

/** 申报合计口径 · how the declared total was formed, in Chinese. */
export const DECLARED_BASIS_ZH: { readonly [basis in ClearanceDetail["declaredBasis"]]: string } = {
  "declared-amounts": "按各项申报金额合计",
  "declared-quantities-at-rates": "未填申报金额，按申报类型和数量乘以单价测算合计",
  mixed: "填有申报金额的项按申报金额，其余按申报类型和数量乘以单价测算，合计",
};

/** The statement printed on every sheet whose figures rest on illustrative parameters. */
export const ILLUSTRATIVE_NOTE_ZH =
  "注意：本表所用单价及抢建截止日等参数为示例值，并非官方测算标准，不得作为拨付依据。";

/** The sheet view of a structure-clearance outcome (verify's input is checked to hold only these). */
export function declarationView(outcome: OutcomeBase): DeclarationView {
  assertInvariant(
    outcome.kind === "structure-clearance" && outcome.detail !== undefined,
    `outcome ${outcome.id} is not a structure-clearance outcome`,
  );
  const detail = outcome.detail as ClearanceDetail;
  const items = detail.items.map((item, index): ItemView => {
    const declared = detail.declaredByItem[index];
    assertInvariant(declared !== undefined && declared.id === item.id, `declared figure of item ${item.id}`);
    const findings = outcome.findings.filter((f) => f.itemId === item.id);
    return {
      no: index + 1,
      id: item.id,
      declaredType: item.declaredType,
      declaredTypeZh: own(STRUCTURE_TYPE_LABELS, item.declaredType) ?? item.declaredType,
      declaredQuantity: item.declaredQuantity,
      approvedType: item.approvedType,
      approvedTypeZh: own(STRUCTURE_TYPE_LABELS, item.approvedType) ?? item.approvedType,
      approvedQuantity: item.approvedQuantity,
      unit: item.unit,
      unitZh: own(UNIT_LABELS, item.unit)?.zh ?? item.unit,
      rate: item.rate,
      fee: item.fee,
      declared: declared.amount,
      declaredFromRates: declared.basis === "declared-quantity-at-rate",
      findings: findings.map((f) => ({
        code: f.code,
        zh: clearanceMessage(f.code, f.data, "zh"),
        en: clearanceMessage(f.code, f.data, "en"),
      })),
    };
  });
  return {
    id: outcome.id,
    township: outcome.township,
    village: detail.village,
    site: detail.site,
    declaredOn: detail.declaredOn,
    basis: outcome.basis,
    items,
    totals: detail.totals,
    declaredBasis: detail.declaredBasis,
    findingCount: outcome.findings.length,
  };
}

/**
 * 人民币大写 of a total shown on a sheet, e.g. 人民币伍万零壹佰元整. `toChineseCapital` accepts amounts at the
 * fen only; a rule set rounding to more decimals (or an amount beyond 10^16) gets a dash and a note, not a crash.
 */
export function capitalOf(amount: string): string {
  try {
    return toChineseCapital(amount, { prefix: "人民币" });
  } catch (error) {
    if (isInvalidInputError(error)) return `—（${amount} 无法写成大写：${error.issues[0]?.zh ?? error.message}）`;
    throw error;
  }
}
