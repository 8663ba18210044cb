import { deepFreeze } from "../../freeze.js";
import {
  VILLAGE_COMPENSATION_FIELDS,
  finishVillageCompensation,
  type VillageCompensation,
} from "../../schemas/cases.js";
import type { OutcomeBase } from "../../trace/types.js";
import { ZONE_TYPE_LABELS } from "../../vocabulary.js";
import type { Domain } from "../domain.js";
import { leaseCompensation, rentCap } from "./leaseCompensation.js";
import { villageCompensationMessages } from "./messages.js";
import { villageCompensationParameters } from "./parameters.js";
import { sitePart } from "./sitePart.js";
import {
  villageCompensation as compensation,
  type VillageCompensationDetail,
  type VillageCompensationParts,
} from "./villageCompensation.js";

/** The outcome of a village-compensation case. */
export type VillageOutcome = OutcomeBase<"village-compensation", VillageCompensationDetail>;

/**
 * 村集体补偿 · the village-compensation domain (docs/village-compensation.md). Parameters are read on
 * `clearedOn`; the district pays the village collective.
 * @category village-compensation
 */
export const villageCompensation: Domain<
  "village-compensation",
  VillageCompensation,
  VillageCompensationParts,
  VillageCompensationDetail
> = {
  kind: "village-compensation",
  labels: { zh: "村集体经济组织补偿", en: "village-collective compensation" },
  fields: VILLAGE_COMPENSATION_FIELDS,
  finish: finishVillageCompensation,
  date: (facts) => facts.clearedOn,
  dateField: "clearedOn",
  payee: (facts) => ({ type: "village-collective", id: facts.village }),
  parameters: Object.freeze(Object.values(villageCompensationParameters)),
  parts: Object.freeze({ rentCap, leaseCompensation, sitePart }),
  payment: compensation,
  messages: villageCompensationMessages,
  values: { zoneType: { labels: ZONE_TYPE_LABELS, keysOf: "village.perMu" } },
  budgetLines: ["village-compensation"],
  budgetLine: () => "village-compensation",
};
deepFreeze(villageCompensation);

export {
  compensateLeases,
  leaseCompensation,
  rentCap,
  type LeaseCompensation,
  type LeaseFacts,
  type LeaseRow,
  type RentCap,
} from "./leaseCompensation.js";
export { villageCompensationMessages } from "./messages.js";
export { MONTHS_PER_YEAR, capMonthsOf, wholeMonthsBetween } from "./months.js";
export { villageCompensationParameters } from "./parameters.js";
export { sitePart } from "./sitePart.js";
export {
  villageCompensation as villageCompensationPayment,
  type VillageCompensationDetail,
  type VillageCompensationParts,
} from "./villageCompensation.js";
