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
 * 默认方案 · the default programme: the four domains, as `tongzhou-2016` values them.
 * @category rules
 */
export const defaultProgramme = programme(enterpriseExit, structureClearance, villageCompensation, townshipTransfer);

/** The programme type of the default programme. */
export type DefaultProgramme = typeof defaultProgramme;

/** The outcome of one case of the default programme, discriminated by `kind`. */
export type Outcome = EnterpriseOutcome | ClearanceOutcome | VillageOutcome | TransferOutcome;
