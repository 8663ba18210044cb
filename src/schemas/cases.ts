import * as z from "zod";
import { EXIT_MODES, POLLUTANTS, TAX_TYPES, ZONE_TYPES } from "../parameters/catalog.js";
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

export const CATALOGUE_INDUSTRIES = [
  "asphalt-waterproofing",
  "stone-processing",
  "chemical-pesticides",
  "solvent-coatings",
  "wood-panels",
  "casting",
  "forging",
  "electroplating",
  "solvent-coated-furniture",
] as const;
export const EXEMPT_CATEGORIES = [
  "high-tech",
  "listed",
  "famous-brand",
  "tech-centre",
  "livelihood",
  "arts-crafts",
] as const;
export const MUNICIPAL_OUTCOMES = ["granted", "not-granted", "pending", "not-applied"] as const;

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

/** 调整退出 · enterprise exit (DESIGN §4.1). */
export const EnterpriseExitSchema = z
  .strictObject({
    kind: z.literal("enterprise-exit"),
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
  })
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

/** 腾地经费申报 · a township's land-clearing declaration for one site (DESIGN §4.2). */
export const StructureClearanceSchema = z
  .strictObject({
    kind: z.literal("structure-clearance"),
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
  })
  .superRefine((value, ctx) => unique(value?.items, ctx, "items", "item"), ALWAYS);

const LeaseSchema = z.strictObject({
  id: TextSchema.meta(label("id")),
  tenant: TextSchema.meta(label("tenant")),
  landAreaMu: QuantitySchema.meta(label("landAreaMu")),
  annualRent: MoneySchema.meta(label("annualRent")),
  leaseEndsOn: IsoDateSchema.meta(label("leaseEndsOn")),
});

/** 村集体补偿 · village-collective compensation for a cleared compound or breeding zone (DESIGN §4.3). */
export const VillageCompensationSchema = z
  .strictObject({
    kind: z.literal("village-compensation"),
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
  })
  .superRefine((value, ctx) => unique(value?.leases, ctx, "leases", "lease"), ALWAYS);

const ExitedEnterpriseSchema = z.strictObject({
  id: TextSchema.meta(label("id")),
  priorYearTax: PriorYearTaxSchema.meta(label("priorYearTax")),
  priorYearOutput: MoneySchema.optional().meta(label("priorYearOutput")),
});

/** 财政转移支付 · a township's transfer and target reductions for one fiscal year (DESIGN §4.4). */
export const TownshipTransferSchema = z
  .strictObject({
    kind: z.literal("township-transfer"),
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
  })
  .superRefine((value, ctx) => unique(value?.exitedEnterprises, ctx, "exitedEnterprises", "enterprise"), ALWAYS);

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
