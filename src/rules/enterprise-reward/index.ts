import type { EnterpriseExit } from "../../schemas/cases.js";
import type { Domain } from "../domain.js";
import { enterpriseReward } from "./enterpriseReward.js";
import { enterpriseRewardMessages } from "./messages.js";

/**
 * 调整退出奖励 · the enterprise-exit domain: the four tracks of 市级奖励 and 区级奖励 (DESIGN §4.1).
 *
 * @remarks No `checkCase`: every valid `enterprise-exit` case can be computed with any rule set that loads
 * (the catalog guarantees each parameter's shape); a floor above the cap is reported as a rule-set error.
 * @category enterprise-reward
 */
export const enterpriseExitDomain: Domain<EnterpriseExit> = {
  kind: "enterprise-exit",
  compute: enterpriseReward,
  messages: enterpriseRewardMessages,
};
