/** How the declared total was formed (docs/land-clearing-fees.md). */
export type DeclaredBasis = "declared-amounts" | "declared-quantities-at-rates" | "mixed";

/** One verified item of a clearance declaration, as `verify` prints it (docs/land-clearing-fees.md). */
export interface VerifiedItem {
  readonly id: string;
  readonly declaredType: string;
  readonly declaredQuantity: string;
  readonly approvedType: string;
  readonly approvedQuantity: string;
  readonly unit: "m2" | "m" | "item";
  /** Rate of the approved type, yuan per unit, as the rule set writes it. */
  readonly rate: string;
  readonly fee: string;
  readonly declaredAmount?: string;
  readonly findings: readonly string[];
}

/**
 * 申报值 · the declared value of one item: what the declared total adds — its `declaredAmount` when the township
 * gave one, else its declared fee at the rates.
 */
export interface DeclaredValue {
  readonly id: string;
  readonly amount: string;
  readonly basis: "declared-amount" | "declared-quantity-at-rate";
}

/** `detail` of a structure-clearance outcome. */
export interface ClearanceDetail {
  readonly village: string;
  readonly site: string;
  readonly declaredOn: string;
  readonly items: readonly VerifiedItem[];
  readonly totals: { readonly declared: string; readonly approved: string; readonly difference: string };
  readonly declaredBasis: DeclaredBasis;
  readonly declaredByItem: readonly DeclaredValue[];
}
