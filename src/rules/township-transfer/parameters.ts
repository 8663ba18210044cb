import { parameter } from "../../parameters/handles.js";
import { TAX_TYPES } from "../../vocabulary.js";

/**
 * 转移支付参数 · the parameters of township transfers, read on 31 December before the fiscal year
 * (docs/township-transfers.md).
 * @category township-transfer
 */
export const townshipTransferParameters = Object.freeze({
  localShare: parameter.table(
    "transfer.localShare",
    "地方分享比例 local share of each tax (national split)",
    { keys: TAX_TYPES, cell: "decimal" },
    "share",
  ),
  townshipShareOfLocal: parameter.table(
    "transfer.townshipShareOfLocal",
    "乡镇分享比例 township share of the local part",
    { keys: TAX_TYPES, cell: "decimal" },
    "share",
  ),
  impactThreshold: parameter.decimal(
    "transfer.impactThreshold",
    "受影响较大认定比例 impact ratio at which a transfer is due",
    "share",
  ),
  coverage: parameter.decimal("transfer.coverage", "转移支付覆盖比例 share of lost capacity transferred", "share"),
});
