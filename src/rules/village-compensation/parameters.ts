import { parameter } from "../../parameters/handles.js";
import { ZONE_TYPES } from "../../vocabulary.js";

/**
 * 村集体补偿参数 · the parameters of village-collective compensation, read on `clearedOn` (docs/village-compensation.md).
 * @category village-compensation
 */
export const villageCompensationParameters = Object.freeze({
  rentCapYears: parameter.decimal(
    "village.rentCapYears",
    "租金补偿年限上限 cap on the remaining lease term compensated",
    "years",
  ),
  rentCompensationRate: parameter.decimal(
    "village.rentCompensationRate",
    "租金损失补偿比例 share of lost rent compensated",
    "share",
  ),
  perMu: parameter.table(
    "village.perMu",
    "场地补偿标准 site compensation per mu by zone type",
    { keys: ZONE_TYPES, cell: "decimal" },
    "元/亩",
  ),
});
