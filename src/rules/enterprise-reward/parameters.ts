import { parameter } from "../../parameters/handles.js";
import { DEADLINE_KEYS, EXIT_MODES, POLLUTANTS } from "../../vocabulary.js";

/**
 * 企业奖励参数 · the parameters of enterprise rewards, read on `exitCompletedOn` (docs/enterprise-rewards.md).
 * @category enterprise-reward
 */
export const enterpriseExitParameters = Object.freeze({
  ratePerTce: parameter.decimal(
    "reward.municipal.ratePerTce",
    "市级奖励·每吨标煤节能量奖励 municipal reward per tce saved",
    "元/tce",
  ),
  ratePerTonne: parameter.table(
    "reward.municipal.ratePerTonne",
    "市级奖励·每吨污染物减排量奖励 municipal reward per tonne of pollutant reduced",
    { keys: POLLUTANTS, cell: "decimal" },
    "元/t",
  ),
  municipalMin: parameter.decimal(
    "reward.municipal.min",
    "市级奖励下限 municipal reward floor (standard met at or above)",
    "元",
  ),
  municipalMax: parameter.decimal("reward.municipal.max", "市级奖励上限 municipal reward cap", "元"),
  supplementRate: parameter.decimal(
    "reward.district.supplementRate",
    "区级奖励比照市级比例 district supplement rate of the municipal amount",
    "share",
  ),
  smallCap: parameter.table(
    "reward.small.cap",
    "区级综合奖励上限 small-enterprise reward cap by exit mode",
    { keys: EXIT_MODES, cell: "decimal" },
    "元",
  ),
  taxScale: parameter.scale(
    "reward.small.taxScale",
    "区级综合奖励·税收贡献 small-enterprise reward: tax contribution",
    "元 of prior-year tax → 元",
  ),
  employeeScale: parameter.scale(
    "reward.small.employeeScale",
    "区级综合奖励·用工人数 small-enterprise reward: employees",
    "persons → 元",
  ),
  landScale: parameter.scale(
    "reward.small.landScale",
    "区级综合奖励·占地规模 small-enterprise reward: land area",
    "m² → 元",
  ),
  exitDeadline: parameter.table(
    "plan.exitDeadline",
    "退出完成时限 exit deadline by region / catalogue",
    { keys: DEADLINE_KEYS, cell: "date" },
    "date",
  ),
});
