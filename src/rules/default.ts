import { enterpriseExit, type EnterpriseOutcome } from "./enterprise-reward/index.js";
import { structureClearance, type ClearanceOutcome } from "./land-clearing-fee/index.js";
import { programme } from "./programme.js";
import { townshipTransfer, type TransferOutcome } from "./township-transfer/index.js";
import { villageCompensation, type VillageOutcome } from "./village-compensation/index.js";

/**
 * 四个领域 · the four domains of Tongzhou's plan, each with its named, replaceable parts.
 * @category rules
 */
export const domains = Object.freeze({ enterpriseExit, structureClearance, villageCompensation, townshipTransfer });

/**
 * 默认方案 · the default programme: the four domains of 《通州区产业调整退出工作实施方案》 (2016), as the
 * `tongzhou-2016` rule set values them. Its id, which receipts name it by, is `tongzhou-2016`.
 * @category rules
 */
export const defaultProgramme = programme(
  { id: "tongzhou-2016" },
  enterpriseExit,
  structureClearance,
  villageCompensation,
  townshipTransfer,
);

/** The programme type of the default programme. */
export type DefaultProgramme = typeof defaultProgramme;

/** The outcome of one case of the default programme, discriminated by `kind`. */
export type Outcome = EnterpriseOutcome | ClearanceOutcome | VillageOutcome | TransferOutcome;
