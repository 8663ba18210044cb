import * as z from "zod";
import {
  CATALOGUE_INDUSTRIES,
  EXEMPT_CATEGORIES,
  EXIT_MODES,
  MUNICIPAL_OUTCOMES,
  POLLUTANTS,
  TAX_TYPES,
  ZONE_TYPES,
} from "../vocabulary.js";
import { FIELD_LABELS } from "./labels.js";
import {
  BooleanSchema,
  CountSchema,
  IsoDateSchema,
  MoneySchema,
  PositiveMoneySchema,
  QuantitySchema,
  SignedMoneySchema,
  TextSchema,
  enumSchema,
} from "./scalars.js";

const label = (field: string) => ({ description: FIELD_LABELS[field] ?? field });

export { CATALOGUE_INDUSTRIES, EXEMPT_CATEGORIES, MUNICIPAL_OUTCOMES };

/**
 * The most entries a case's list may hold (items of a declaration, leases, exited enterprises): far above
 * any real site, low enough that one case cannot exhaust memory.
 */
export const MAX_LIST_ENTRIES = 100_000;

const listMax = (what: string) =>
  ({ error: `lists more than ${MAX_LIST_ENTRIES.toLocaleString("en-US")} ${what}; split the case` }) as const;

/** Reports duplicate ids; runs even when other fields are invalid (`when`), so it reads the list defensively. */
function unique(list: unknown, ctx: z.RefinementCtx, field: string, what: string): void {
  if (!Array.isArray(list)) return;
  const seen = new Map<string, number>();
  list.forEach((item: unknown, index) => {
    const id = typeof item === "object" && item !== null && "id" in item ? (item as { id: unknown }).id : undefined;
    if (typeof id !== "string") return;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else
      ctx.addIssue({
        code: "custom",
        path: [field, index, "id"],
        message: `duplicate ${what} id "${id}" (also at ${field}[${first}]); ids must be unique within the case`,
        input: id,
      });
  });
}

// Duplicate ids are reported together with every other problem of the case, not after they are fixed.
const ALWAYS = { when: () => true } as unknown as undefined;

const zeroDefaults = <const K extends readonly string[]>(keys: K) =>
  Object.fromEntries(keys.map((k) => [k, "0"])) as { [P in K[number]]: string };

export const PollutantsSchema = z
  .strictObject(
    Object.fromEntries(POLLUTANTS.map((p) => [p, QuantitySchema.optional().meta(label(p))])) as {
      [P in (typeof POLLUTANTS)[number]]: z.ZodOptional<typeof QuantitySchema>;
    },
  )
  .transform((value) => ({ ...zeroDefaults(POLLUTANTS), ...stripUndefined(value) }));

export const PriorYearTaxSchema = z
  .strictObject(
    Object.fromEntries(TAX_TYPES.map((t) => [t, MoneySchema.optional().meta(label(t))])) as {
      [P in (typeof TAX_TYPES)[number]]: z.ZodOptional<typeof MoneySchema>;
    },
  )
  .transform((value) => ({ ...zeroDefaults(TAX_TYPES), ...stripUndefined(value) }));

function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

/** The fields of an enterprise exit besides `kind` (docs/enterprise-rewards.md). */
export const ENTERPRISE_EXIT_FIELDS = {
  id: TextSchema.meta(label("id")),
  name: TextSchema.meta(label("name")),
  township: TextSchema.meta(label("township")),
  exitMode: enumSchema(EXIT_MODES).meta(label("exitMode")),
  scale: enumSchema(["above", "below"]).meta(label("scale")),
  exitCompletedOn: IsoDateSchema.meta(label("exitCompletedOn")),
  licensed: BooleanSchema.meta(label("licensed")),
  acceptance: z
    .strictObject(
      {
        equipmentRemoved: BooleanSchema.meta(label("equipmentRemoved")),
        licenceChangedOrCancelled: BooleanSchema.meta(label("licenceChangedOrCancelled")),
        staffResettled: BooleanSchema.meta(label("staffResettled")),
      },
      {
        error: (issue) =>
          issue.input === undefined
            ? "is required"
            : "must be an object { equipmentRemoved, licenceChangedOrCancelled, staffResettled } of true/false",
      },
    )
    .meta(label("acceptance")),
  municipalOutcome: enumSchema(MUNICIPAL_OUTCOMES).meta(label("municipalOutcome")),
  recommendedByDistrict: BooleanSchema.meta(label("recommendedByDistrict")),
  energySavedTce: QuantitySchema.meta(label("energySavedTce")),
  pollutantsReducedTonnes: PollutantsSchema.optional().meta(label("pollutantsReducedTonnes")),
  priorYearTax: PriorYearTaxSchema.optional().meta(label("priorYearTax")),
  employees: CountSchema.meta(label("employees")),
  landAreaM2: QuantitySchema.meta(label("landAreaM2")),
  municipalAssessedAmount: MoneySchema.optional().meta(label("municipalAssessedAmount")),
  region: enumSchema(["north", "south"]).optional().meta(label("region")),
  catalogueIndustry: enumSchema(CATALOGUE_INDUSTRIES).optional().meta(label("catalogueIndustry")),
  exemptCategory: enumSchema(EXEMPT_CATEGORIES).optional().meta(label("exemptCategory")),
  leadingGroupDecision: enumSchema(["pending", "exit", "retain"]).optional().meta(label("leadingGroupDecision")),
};

/**
 * What concerns a whole enterprise exit: the leading group's decision needs an exempt category, and absent
 * pollutant and tax figures are 0. Other fields (an extension's) pass through.
 */
export function finishEnterpriseExit<
  S extends z.ZodObject<typeof ENTERPRISE_EXIT_FIELDS & { kind: z.ZodLiteral<"enterprise-exit"> }>,
>(object: S) {
  return object
    .superRefine((value, ctx) => {
      if (value.leadingGroupDecision !== undefined && value.exemptCategory === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["leadingGroupDecision"],
          message: "is only meaningful with exemptCategory (暂缓类别); give the category or remove the decision",
          input: value.leadingGroupDecision,
        });
      }
    })
    .transform((value) => ({
      ...value,
      pollutantsReducedTonnes: value.pollutantsReducedTonnes ?? zeroDefaults(POLLUTANTS),
      priorYearTax: value.priorYearTax ?? zeroDefaults(TAX_TYPES),
    }));
}

/** 调整退出 · enterprise exit (docs/enterprise-rewards.md). */
export const EnterpriseExitSchema = finishEnterpriseExit(
  z.strictObject({ kind: z.literal("enterprise-exit"), ...ENTERPRISE_EXIT_FIELDS }),
);

const ClearanceItemSchema = z.strictObject({
  id: TextSchema.meta(label("id")),
  structureType: TextSchema.meta(label("structureType")),
  quantity: QuantitySchema.meta(label("quantity")),
  builtOn: IsoDateSchema.optional().meta(label("builtOn")),
  declaredAmount: MoneySchema.optional().meta(label("declaredAmount")),
  survey: z
    .strictObject({
      structureType: TextSchema.meta(label("structureType")),
      quantity: QuantitySchema.meta(label("quantity")),
    })
    .optional()
    .meta(label("survey")),
});

/** The fields of a land-clearing declaration besides `kind` (docs/land-clearing-fees.md). */
export const STRUCTURE_CLEARANCE_FIELDS = {
  id: TextSchema.meta(label("id")),
  township: TextSchema.meta(label("township")),
  village: TextSchema.meta(label("village")),
  site: TextSchema.meta(label("site")),
  declaredOn: IsoDateSchema.meta(label("declaredOn")),
  items: z
    .array(ClearanceItemSchema, { error: "must be a list of structure items" })
    .min(1, { error: "must list at least one structure item" })
    .max(MAX_LIST_ENTRIES, listMax("structure items"))
    .meta(label("items")),
};

/** Item ids are unique within a declaration (reported with every other problem of the case). */
export function finishStructureClearance<S extends z.ZodObject>(object: S) {
  return object.superRefine(
    (value, ctx) => unique((value as { items?: unknown })?.items, ctx, "items", "item"),
    ALWAYS,
  );
}

/** 腾地经费申报 · a township's land-clearing declaration for one site (docs/land-clearing-fees.md). */
export const StructureClearanceSchema = finishStructureClearance(
  z.strictObject({ kind: z.literal("structure-clearance"), ...STRUCTURE_CLEARANCE_FIELDS }),
);

const LeaseSchema = z.strictObject({
  id: TextSchema.meta(label("id")),
  tenant: TextSchema.meta(label("tenant")),
  landAreaMu: QuantitySchema.meta(label("landAreaMu")),
  annualRent: MoneySchema.meta(label("annualRent")),
  leaseEndsOn: IsoDateSchema.meta(label("leaseEndsOn")),
});

/** The fields of a village-compensation case besides `kind` (docs/village-compensation.md). */
export const VILLAGE_COMPENSATION_FIELDS = {
  id: TextSchema.meta(label("id")),
  township: TextSchema.meta(label("township")),
  village: TextSchema.meta(label("village")),
  zoneType: enumSchema(ZONE_TYPES).meta(label("zoneType")),
  clearedOn: IsoDateSchema.meta(label("clearedOn")),
  landAreaMu: QuantitySchema.meta(label("landAreaMu")),
  leases: z
    .array(LeaseSchema, { error: "must be a list of leases (may be empty)" })
    .max(MAX_LIST_ENTRIES, listMax("leases"))
    .meta(label("leases")),
};

/** Lease ids are unique within a case (reported with every other problem of the case). */
export function finishVillageCompensation<S extends z.ZodObject>(object: S) {
  return object.superRefine(
    (value, ctx) => unique((value as { leases?: unknown })?.leases, ctx, "leases", "lease"),
    ALWAYS,
  );
}

/** 村集体补偿 · village-collective compensation for a cleared compound or breeding zone (docs/village-compensation.md). */
export const VillageCompensationSchema = finishVillageCompensation(
  z.strictObject({ kind: z.literal("village-compensation"), ...VILLAGE_COMPENSATION_FIELDS }),
);

const ExitedEnterpriseSchema = z.strictObject({
  id: TextSchema.meta(label("id")),
  priorYearTax: PriorYearTaxSchema.meta(label("priorYearTax")),
  priorYearOutput: MoneySchema.optional().meta(label("priorYearOutput")),
});

/** The fields of a township transfer besides `kind` (docs/township-transfers.md). */
export const TOWNSHIP_TRANSFER_FIELDS = {
  id: TextSchema.meta(label("id")),
  township: TextSchema.meta(label("township")),
  fiscalYear: z
    .number({ error: (issue) => `must be a year such as 2017; got ${JSON.stringify(issue.input) ?? "nothing"}` })
    .int({ error: "must be a whole year such as 2017" })
    .min(1990, { error: "must be a year from 1990 to 2100" })
    .max(2100, { error: "must be a year from 1990 to 2100" })
    .meta(label("fiscalYear")),
  priorYearRevenue: PositiveMoneySchema.meta(label("priorYearRevenue")),
  exitedEnterprises: z
    .array(ExitedEnterpriseSchema, { error: "must be a list of exited enterprises" })
    .max(MAX_LIST_ENTRIES, listMax("exited enterprises"))
    .meta(label("exitedEnterprises")),
};

/** Enterprise ids are unique within a transfer (reported with every other problem of the case). */
export function finishTownshipTransfer<S extends z.ZodObject>(object: S) {
  return object.superRefine(
    (value, ctx) =>
      unique((value as { exitedEnterprises?: unknown })?.exitedEnterprises, ctx, "exitedEnterprises", "enterprise"),
    ALWAYS,
  );
}

/** 财政转移支付 · a township's transfer and target reductions for one fiscal year (docs/township-transfers.md). */
export const TownshipTransferSchema = finishTownshipTransfer(
  z.strictObject({ kind: z.literal("township-transfer"), ...TOWNSHIP_TRANSFER_FIELDS }),
);

export const CASE_KINDS = [
  "enterprise-exit",
  "structure-clearance",
  "village-compensation",
  "township-transfer",
] as const;

/** Any case, chosen by its `kind`. */
export const CaseSchema = z.discriminatedUnion(
  "kind",
  [EnterpriseExitSchema, StructureClearanceSchema, VillageCompensationSchema, TownshipTransferSchema],
  {
    error: (issue) =>
      issue.code === "invalid_union" && issue.discriminator !== undefined
        ? `kind must be one of ${CASE_KINDS.map((k) => `"${k}"`).join(", ")}`
        : "must be a case object with a kind",
  },
);

/** A payment actually made (a ledger row). */
export const LedgerRowSchema = z.strictObject({
  caseId: TextSchema.meta(label("caseId")),
  payer: enumSchema(["municipal", "district"]).meta(label("payer")),
  amount: SignedMoneySchema.meta(label("amount")),
  paidOn: IsoDateSchema.meta(label("paidOn")),
  voucher: z.string({ error: "must be a text" }).optional().meta(label("voucher")),
});

export type EnterpriseExit = z.output<typeof EnterpriseExitSchema>;
export type StructureClearance = z.output<typeof StructureClearanceSchema>;
export type ClearanceItem = StructureClearance["items"][number];
export type VillageCompensation = z.output<typeof VillageCompensationSchema>;
export type Lease = VillageCompensation["leases"][number];
export type TownshipTransfer = z.output<typeof TownshipTransferSchema>;
export type ExitedEnterprise = TownshipTransfer["exitedEnterprises"][number];
export type Case = z.output<typeof CaseSchema>;
export type CaseInput = z.input<typeof CaseSchema>;
export type LedgerRow = z.output<typeof LedgerRowSchema>;
