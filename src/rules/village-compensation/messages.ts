import type { Json, MessageCatalog } from "../../trace/types.js";
import { dataMoney as yuan, dataText as text } from "../../trace/words.js";
import { ZONE_TYPE_LABELS, type ZoneType } from "../../vocabulary.js";
import { villageCompensationParams, villageCompensationSteps } from "./steps.js";

type Data = { readonly [key: string]: Json };

/** A zone type's name, or the key itself. */
function zone(data: Data, lang: "zh" | "en"): string {
  const key = text(data, "zoneType");
  return Object.hasOwn(ZONE_TYPE_LABELS, key) ? ZONE_TYPE_LABELS[key as ZoneType][lang] : key;
}

/**
 * 村集体补偿文本 · village-compensation messages — every reason, finding and rule name of the domain, in English and Chinese.
 *
 * @category village-compensation
 */
export const villageCompensationMessages: MessageCatalog = {
  codes: {
    "compensation-due": {
      en: (d) =>
        `The collective of ${text(d, "village")} is compensated for clearing its ${zone(d, "en")} of ${text(d, "landAreaMu")} mu: lost rent of ${text(d, "leases")} lease(s) plus the site part, ${yuan(d, "total")} yuan in all.`,
      zh: (d) =>
        `${text(d, "village")}村集体经济组织清退${zone(d, "zh")}${text(d, "landAreaMu")}亩，按${text(d, "leases")}份租赁合同的租金损失加场地补偿，合计${yuan(d, "total")}元。`,
    },
    "lease-ended": {
      en: (d) =>
        `Lease ${text(d, "leaseId")} (${text(d, "tenant")}) ended on ${text(d, "leaseEndsOn")}, before the clearance on ${text(d, "clearedOn")}: no rent was lost, so it is compensated at 0.`,
      zh: (d) =>
        `租赁合同${text(d, "leaseId")}（承租方${text(d, "tenant")}）已于${text(d, "leaseEndsOn")}到期，早于清退日期${text(d, "clearedOn")}，无租金损失，按0补偿。`,
    },
    "lease-capped": {
      en: (d) =>
        `Lease ${text(d, "leaseId")} (${text(d, "tenant")}) had ${text(d, "remainingMonths")} whole months left; only ${text(d, "capMonths")} months (${text(d, "capYears")} years) are compensated.`,
      zh: (d) =>
        `租赁合同${text(d, "leaseId")}（承租方${text(d, "tenant")}）剩余租期${text(d, "remainingMonths")}个整月，超过补偿年限上限${text(d, "capYears")}年，按${text(d, "capMonths")}个月补偿。`,
    },
    "leased-area-exceeds-site": {
      en: (d) =>
        `The leases in force at clearance cover ${text(d, "leasedAreaMu")} mu, more than the site's ${text(d, "siteAreaMu")} mu: check the leases against the site.`,
      zh: (d) =>
        `清退时有效租赁合同的土地面积合计${text(d, "leasedAreaMu")}亩，超过地块面积${text(d, "siteAreaMu")}亩，请核对租赁合同与地块。`,
    },
  },
  rules: {
    "village.remainingMonths": { en: "remaining lease term in whole months", zh: "剩余租期（整月）" },
    "village.rentCapMonths": {
      en: "cap on compensated months (12 × cap years, whole months)",
      zh: "补偿月数上限（12 × 补偿年限，取整月）",
    },
    "village.compensatedMonths": { en: "compensated months", zh: "补偿月数" },
    "village.lostRent": {
      en: "lost rent compensated (annual rent × months ÷ 12 × rate, rounded)",
      zh: "租金损失补偿（年租金 × 月数 ÷ 12 × 补偿比例，四舍五入）",
    },
    "village.sitePart": { en: "site part (per mu × area, rounded)", zh: "场地补偿（每亩标准 × 面积，四舍五入）" },
    "village.total": { en: "village-collective compensation", zh: "村集体补偿合计" },
    // Cited by the reason only
    "village.compensation": {
      en: "compensation of village collectives (the district's 补偿办法)",
      zh: "村集体经济组织清退补偿（补偿办法）",
    },
  },
  steps: villageCompensationSteps,
  params: villageCompensationParams,
};
