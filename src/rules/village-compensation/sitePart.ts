import { dec, type Dec } from "../../money/decimal.js";
import { roundMoney } from "../../money/round.js";
import type { VillageCompensation } from "../../schemas/cases.js";
import { asMoney, figure, type Rule } from "../algebra.js";
import { villageCompensationParameters as p } from "./parameters.js";

/**
 * 场地补偿 · site part — the per-mu compensation for the cleared compound or breeding zone.
 *
 * @remarks
 * 《实施方案》三(三)3. Read at `clearedOn`: round(`village.perMu`[zoneType] × landAreaMu). Step `village.sitePart`.
 *
 * @example
 * // 12.5 mu of industrial compound at 10,000 a mu → 125,000.00
 * @category village-compensation
 */
export const sitePart: Rule<VillageCompensation, Dec> = figure(
  "village.sitePart",
  (facts: VillageCompensation, read, ctx) =>
    roundMoney(read(p.perMu, facts.zoneType).times(dec(facts.landAreaMu)), ctx.rounding),
  {
    inputs: (facts, _value, ctx) => ({
      zoneType: facts.zoneType,
      landAreaMu: facts.landAreaMu,
      unrounded: ctx.read(p.perMu, facts.zoneType).times(dec(facts.landAreaMu)),
    }),
    show: asMoney,
  },
);
