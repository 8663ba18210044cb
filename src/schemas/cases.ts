import * as z from "zod/mini";
import { echo } from "../errors/echo.js";
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
  withMeta,
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
function unique(list: unknown, ctx: z.core.$RefinementCtx, field: string, what: string): void {
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
        message: `duplicate ${what} id ${echo(id)} (also at ${field}[${first}]); ids must be unique within the case`,
        input: id,
      });
  });
}

// Duplicate ids are reported together with every other problem of the case, not after they are fixed.
const ALWAYS = { when: () => true } as unknown as undefined;

const zeroDefaults = <const K extends readonly string[]>(keys: K) =>
  Object.fromEntries(keys.map((k) => [k, "0"])) as { [P in K[number]]: string };

export const PollutantsSchema = z.pipe(
  z.strictObject(
    Object.fromEntries(POLLUTANTS.map((p) => [p, withMeta(z.optional(QuantitySchema), label(p))])) as {
      [P in (typeof POLLUTANTS)[number]]: z.ZodMiniOptional<typeof QuantitySchema>;
    },
  ),
  z.transform((value: { [P in (typeof POLLUTANTS)[number]]?: string | undefined }) => ({
    ...zeroDefaults(POLLUTANTS),
    ...stripUndefined(value),
  })),
);

export const PriorYearTaxSchema = z.pipe(
  z.strictObject(
    Object.fromEntries(TAX_TYPES.map((t) => [t, withMeta(z.optional(MoneySchema), label(t))])) as {
      [P in (typeof TAX_TYPES)[number]]: z.ZodMiniOptional<typeof MoneySchema>;
    },
  ),
  z.transform((value: { [P in (typeof TAX_TYPES)[number]]?: string | undefined }) => ({
    ...zeroDefaults(TAX_TYPES),
    ...stripUndefined(value),
  })),
);

function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

/** The fields of an enterprise exit besides `kind` (docs/enterprise-rewards.md). */
export const ENTERPRISE_EXIT_FIELDS = {
  id: withMeta(TextSchema, label("id")),
  name: withMeta(TextSchema, label("name")),
  township: withMeta(TextSchema, label("township")),
  exitMode: withMeta(enumSchema(EXIT_MODES), label("exitMode")),
  scale: withMeta(enumSchema(["above", "below"]), label("scale")),
  exitCompletedOn: withMeta(IsoDateSchema, label("exitCompletedOn")),
  licensed: withMeta(BooleanSchema, label("licensed")),
  acceptance: withMeta(
    z.strictObject(
      {
        equipmentRemoved: withMeta(BooleanSchema, label("equipmentRemoved")),
        licenceChangedOrCancelled: withMeta(BooleanSchema, label("licenceChangedOrCancelled")),
        staffResettled: withMeta(BooleanSchema, label("staffResettled")),
      },
      {
        error: (issue) =>
          issue.input === undefined
            ? "is required"
            : "must be an object { equipmentRemoved, licenceChangedOrCancelled, staffResettled } of true/false",
      },
    ),
    label("acceptance"),
  ),
  municipalOutcome: withMeta(enumSchema(MUNICIPAL_OUTCOMES), label("municipalOutcome")),
  recommendedByDistrict: withMeta(BooleanSchema, label("recommendedByDistrict")),
  energySavedTce: withMeta(QuantitySchema, label("energySavedTce")),
  pollutantsReducedTonnes: withMeta(z.optional(PollutantsSchema), label("pollutantsReducedTonnes")),
  priorYearTax: withMeta(z.optional(PriorYearTaxSchema), label("priorYearTax")),
  employees: withMeta(CountSchema, label("employees")),
  landAreaM2: withMeta(QuantitySchema, label("landAreaM2")),
  municipalAssessedAmount: withMeta(z.optional(MoneySchema), label("municipalAssessedAmount")),
  region: withMeta(z.optional(enumSchema(["north", "south"])), label("region")),
  catalogueIndustry: withMeta(z.optional(enumSchema(CATALOGUE_INDUSTRIES)), label("catalogueIndustry")),
  exemptCategory: withMeta(z.optional(enumSchema(EXEMPT_CATEGORIES)), label("exemptCategory")),
  leadingGroupDecision: withMeta(z.optional(enumSchema(["pending", "exit", "retain"])), label("leadingGroupDecision")),
};

/**
 * What concerns a whole enterprise exit: the leading group's decision needs an exempt category, and absent
 * pollutant and tax figures are 0. Other fields (an extension's) pass through.
 */
export function finishEnterpriseExit<
  S extends z.ZodMiniObject<typeof ENTERPRISE_EXIT_FIELDS & { kind: z.ZodMiniLiteral<"enterprise-exit"> }>,
>(object: S) {
  return z.pipe(
    object.check(
      z.superRefine((value: z.output<S>, ctx) => {
        if (value.leadingGroupDecision !== undefined && value.exemptCategory === undefined) {
          ctx.addIssue({
            code: "custom",
            path: ["leadingGroupDecision"],
            message: "is only meaningful with exemptCategory (暂缓类别); give the category or remove the decision",
            input: value.leadingGroupDecision,
          });
        }
      }),
    ),
    z.transform((value: z.output<S>) => ({
      ...value,
      pollutantsReducedTonnes: value.pollutantsReducedTonnes ?? zeroDefaults(POLLUTANTS),
      priorYearTax: value.priorYearTax ?? zeroDefaults(TAX_TYPES),
    })),
  );
}

/** 调整退出 · enterprise exit (docs/enterprise-rewards.md). */
export const EnterpriseExitSchema = finishEnterpriseExit(
  z.strictObject({ kind: z.literal("enterprise-exit"), ...ENTERPRISE_EXIT_FIELDS }),
);

const ClearanceItemSchema = z.strictObject({
  id: withMeta(TextSchema, label("id")),
  structureType: withMeta(TextSchema, label("structureType")),
  quantity: withMeta(QuantitySchema, label("quantity")),
  builtOn: withMeta(z.optional(IsoDateSchema), label("builtOn")),
  declaredAmount: withMeta(z.optional(MoneySchema), label("declaredAmount")),
  survey: withMeta(
    z.optional(
      z.strictObject({
        structureType: withMeta(TextSchema, label("structureType")),
        quantity: withMeta(QuantitySchema, label("quantity")),
      }),
    ),
    label("survey"),
  ),
});

/** The fields of a land-clearing declaration besides `kind` (docs/land-clearing-fees.md). */
export const STRUCTURE_CLEARANCE_FIELDS = {
  id: withMeta(TextSchema, label("id")),
  township: withMeta(TextSchema, label("township")),
  village: withMeta(TextSchema, label("village")),
  site: withMeta(TextSchema, label("site")),
  declaredOn: withMeta(IsoDateSchema, label("declaredOn")),
  items: withMeta(
    z
      .array(ClearanceItemSchema, { error: "must be a list of structure items" })
      .check(
        z.minLength(1, { error: "must list at least one structure item" }),
        z.maxLength(MAX_LIST_ENTRIES, listMax("structure items")),
      ),
    label("items"),
  ),
};

/** Item ids are unique within a declaration (reported with every other problem of the case). */
export function finishStructureClearance<S extends z.ZodMiniObject>(object: S) {
  return object.check(
    z.superRefine((value, ctx) => unique((value as { items?: unknown })?.items, ctx, "items", "item"), ALWAYS),
  );
}

/** 腾地经费申报 · a township's land-clearing declaration for one site (docs/land-clearing-fees.md). */
export const StructureClearanceSchema = finishStructureClearance(
  z.strictObject({ kind: z.literal("structure-clearance"), ...STRUCTURE_CLEARANCE_FIELDS }),
);

const LeaseSchema = z.strictObject({
  id: withMeta(TextSchema, label("id")),
  tenant: withMeta(TextSchema, label("tenant")),
  landAreaMu: withMeta(QuantitySchema, label("landAreaMu")),
  annualRent: withMeta(MoneySchema, label("annualRent")),
  leaseEndsOn: withMeta(IsoDateSchema, label("leaseEndsOn")),
});

/** The fields of a village-compensation case besides `kind` (docs/village-compensation.md). */
export const VILLAGE_COMPENSATION_FIELDS = {
  id: withMeta(TextSchema, label("id")),
  township: withMeta(TextSchema, label("township")),
  village: withMeta(TextSchema, label("village")),
  zoneType: withMeta(enumSchema(ZONE_TYPES), label("zoneType")),
  clearedOn: withMeta(IsoDateSchema, label("clearedOn")),
  landAreaMu: withMeta(QuantitySchema, label("landAreaMu")),
  leases: withMeta(
    z
      .array(LeaseSchema, { error: "must be a list of leases (may be empty)" })
      .check(z.maxLength(MAX_LIST_ENTRIES, listMax("leases"))),
    label("leases"),
  ),
};

/** Lease ids are unique within a case (reported with every other problem of the case). */
export function finishVillageCompensation<S extends z.ZodMiniObject>(object: S) {
  return object.check(
    z.superRefine((value, ctx) => unique((value as { leases?: unknown })?.leases, ctx, "leases", "lease"), ALWAYS),
  );
}

/** 村集体补偿 · village-collective compensation for a cleared compound or breeding zone (docs/village-compensation.md). */
export const VillageCompensationSchema = finishVillageCompensation(
  z.strictObject({ kind: z.literal("village-compensation"), ...VILLAGE_COMPENSATION_FIELDS }),
);

const ExitedEnterpriseSchema = z.strictObject({
  id: withMeta(TextSchema, label("id")),
  priorYearTax: withMeta(PriorYearTaxSchema, label("priorYearTax")),
  priorYearOutput: withMeta(z.optional(MoneySchema), label("priorYearOutput")),
});

/** The fields of a township transfer besides `kind` (docs/township-transfers.md). */
export const TOWNSHIP_TRANSFER_FIELDS = {
  id: withMeta(TextSchema, label("id")),
  township: withMeta(TextSchema, label("township")),
  fiscalYear: withMeta(
    z
      .number({ error: (issue) => `must be a year such as 2017; got ${JSON.stringify(issue.input) ?? "nothing"}` })
      .check(
        z.int({ error: "must be a whole year such as 2017" }),
        z.gte(1990, { error: "must be a year from 1990 to 2100" }),
        z.lte(2100, { error: "must be a year from 1990 to 2100" }),
      ),
    label("fiscalYear"),
  ),
  priorYearRevenue: withMeta(PositiveMoneySchema, label("priorYearRevenue")),
  exitedEnterprises: withMeta(
    z
      .array(ExitedEnterpriseSchema, { error: "must be a list of exited enterprises" })
      .check(z.maxLength(MAX_LIST_ENTRIES, listMax("exited enterprises"))),
    label("exitedEnterprises"),
  ),
};

/** Enterprise ids are unique within a transfer (reported with every other problem of the case). */
export function finishTownshipTransfer<S extends z.ZodMiniObject>(object: S) {
  return object.check(
    z.superRefine(
      (value, ctx) =>
        unique((value as { exitedEnterprises?: unknown })?.exitedEnterprises, ctx, "exitedEnterprises", "enterprise"),
      ALWAYS,
    ),
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
  caseId: withMeta(TextSchema, label("caseId")),
  payer: withMeta(enumSchema(["municipal", "district"]), label("payer")),
  amount: withMeta(SignedMoneySchema, label("amount")),
  paidOn: withMeta(IsoDateSchema, label("paidOn")),
  voucher: withMeta(z.optional(z.string({ error: "must be a text" })), label("voucher")),
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
