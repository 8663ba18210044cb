import type { VillageCompensation } from "../../schemas/cases.js";
import type { Domain } from "../domain.js";
import { villageCompensationMessages } from "./messages.js";
import { villageCompensation } from "./villageCompensation.js";

/** 村集体补偿 · the village-compensation domain (DESIGN §4.3). */
export const villageCompensationDomain: Domain<VillageCompensation> = {
  kind: "village-compensation",
  compute: villageCompensation,
  messages: villageCompensationMessages,
};
