import type { Dec } from "../../money/decimal.js";
import type { TownshipTransfer } from "../../schemas/cases.js";
import { TAX_TYPES, type TaxType } from "../../vocabulary.js";
import { all, chain, figure, of, type Rule } from "../algebra.js";
import { townshipTransferParameters as p } from "./parameters.js";

export type { TaxType } from "../../vocabulary.js";

/** The township's share of each tax. */
export type Shares = Readonly<Record<TaxType, Dec>>;

const shareOf = figure(
  "transfer.townshipShare",
  (type: TaxType, read) => read(p.localShare, type).times(read(p.townshipShareOfLocal, type)),
  { inputs: (type, _value, ctx) => ({ taxType: type, reckonedOn: ctx.on }) },
);

/**
 * 乡镇分享比例 · township share of each tax — `transfer.localShare`[type] × `transfer.townshipShareOfLocal`[type].
 *
 * @remarks
 * 《实施方案》四(十四)4; the local share is the national central/local split (VAT 0.25 before 2016-05-01
 * and 0.5 after, 国发〔2016〕26号; income tax 0.4 since 2004), the township's part of it is illustrative.
 * Read on 31 December of the year before the fiscal year. One step `transfer.townshipShare` per tax type.
 *
 * @example
 * // on 2016-12-31: VAT 0.5 × 0.25 = 0.125
 * @category township-transfer
 */
export const townshipShares: Rule<TownshipTransfer, Shares> = (_facts, ctx) =>
  chain(all(TAX_TYPES.map((type) => shareOf(type, ctx))), (values) =>
    of(Object.fromEntries(TAX_TYPES.map((type, index) => [type, values[index]])) as Shares),
  );
