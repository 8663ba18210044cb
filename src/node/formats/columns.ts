import * as z from "zod";
import { defaultProgramme } from "../../rules/default.js";
import { STRUCTURE_TYPE_LABELS } from "../../rules/land-clearing-fee/messages.js";
import type { Programme } from "../../rules/programme.js";
import { CASE_KINDS } from "../../schemas/cases.js";
import { FIELD_LABELS } from "../../schemas/labels.js";
import {
  CATALOGUE_INDUSTRIES,
  EXEMPT_CATEGORIES,
  EXIT_MODE_LABELS,
  EXIT_MODES,
  MUNICIPAL_OUTCOMES,
  POLLUTANTS,
  TAX_TYPES,
  ZONE_TYPE_LABELS,
  ZONE_TYPES,
} from "../../vocabulary.js";

/** The case kinds of the contract's flat layouts. */
type CaseKind = (typeof CASE_KINDS)[number];

/** How a cell is read (docs/files.md, "Reading rules"). */
export type CellType =
  | "text"
  | "money"
  | "quantity"
  | "date"
  | "boolean"
  | "count"
  | "year"
  | "enum"
  | "structure-type";

/** One column of the flat layout of a case kind (or of the ledger). */
export interface Column {
  /** The English header: the field's path in the case, dotted (`acceptance.equipmentRemoved`, `items.survey.quantity`). */
  readonly key: string;
  /** The Chinese header we publish. */
  readonly zh: string;
  readonly type: CellType;
  /** Unit of the figure, in Chinese (元, ㎡, 吨标煤), or "" */
  readonly unit: string;
  /** The field is required: the column must be present (a list's column: when any column of the list is, or the list is `items`). */
  readonly required: boolean;
  /** Accepted values of an enumerated column, each with its Chinese alias (also accepted) or "". */
  readonly values?: readonly (readonly [string, string])[];
  /** The column belongs to one entry of the kind's list (an item, a lease, an exited enterprise): one per row. */
  readonly perRow: boolean;
}

/** The flat layout of a kind: its columns and, for kinds with a list, the list that takes one row per entry. */
export interface Layout {
  /** A case kind (the contract's, or a programme's own), or `ledger`. */
  readonly kind: string;
  /** Chinese name of the kind; a sheet of that name (or of `kind`) holds cases of the kind. */
  readonly zhName: string;
  readonly list?: "items" | "leases" | "exitedEnterprises";
  readonly columns: readonly Column[];
  /** Objects of a list entry created even when all their cells are empty (their fields default to 0). */
  readonly alwaysObjects?: readonly string[];
}

const leaf = (key: string): string => key.slice(key.lastIndexOf(".") + 1);

type Options = { zh?: string; required?: boolean; values?: readonly (readonly [string, string])[] };

function column(key: string, type: CellType, unit: string, options: Options = {}): Column {
  const perRow = /^(items|leases|exitedEnterprises)\./.test(key);
  return {
    key,
    zh: options.zh ?? FIELD_LABELS[leaf(key)] ?? key,
    type,
    unit,
    required: options.required ?? true,
    perRow,
    ...(options.values === undefined ? {} : { values: options.values }),
  };
}

const optional = (options: Options = {}): Options => ({ ...options, required: false });
const plain = (values: readonly string[]): readonly (readonly [string, string])[] =>
  values.map((value) => [value, ""] as const);

const EXIT_MODE_VALUES = EXIT_MODES.map((mode) => [mode, EXIT_MODE_LABELS[mode].zh] as const);
const SCALE_VALUES = [
  ["above", "规模以上"],
  ["below", "规模以下"],
] as const;
const OUTCOME_ZH = { granted: "已获批", "not-granted": "未获批", pending: "审核中", "not-applied": "未申报" } as const;
const REGION_VALUES = [
  ["north", "京哈高速以北"],
  ["south", "京哈高速以南"],
] as const;
const DECISION_VALUES = [
  ["pending", "待定"],
  ["exit", "退出"],
  ["retain", "保留"],
] as const;
const ZONE_VALUES = ZONE_TYPES.map((zone) => [zone, ZONE_TYPE_LABELS[zone].zh] as const);
const PAYER_VALUES = [
  ["municipal", "市级"],
  ["district", "区级"],
] as const;
const KIND_ZH: { readonly [kind in CaseKind | "ledger"]: string } = {
  "enterprise-exit": "企业退出",
  "structure-clearance": "腾地经费",
  "village-compensation": "村集体补偿",
  "township-transfer": "转移支付",
  ledger: "付款台账",
};
const KIND_VALUES = CASE_KINDS.map((kind) => [kind, KIND_ZH[kind]] as const);

/** The optional `kind` (类型) column every case layout has. */
export const KIND_COLUMN: Column = column("kind", "enum", "", optional({ values: KIND_VALUES }));
const kindColumn = KIND_COLUMN;

const ENTERPRISE: Layout = {
  kind: "enterprise-exit",
  zhName: KIND_ZH["enterprise-exit"],
  columns: [
    kindColumn,
    column("id", "text", "", { zh: "企业编号" }),
    column("name", "text", ""),
    column("township", "text", ""),
    column("exitMode", "enum", "", { zh: "退出方式", values: EXIT_MODE_VALUES }),
    column("scale", "enum", "", { zh: "规模", values: SCALE_VALUES }),
    column("exitCompletedOn", "date", ""),
    column("licensed", "boolean", ""),
    column("acceptance.equipmentRemoved", "boolean", ""),
    column("acceptance.licenceChangedOrCancelled", "boolean", ""),
    column("acceptance.staffResettled", "boolean", ""),
    column("municipalOutcome", "enum", "", {
      values: MUNICIPAL_OUTCOMES.map((outcome) => [outcome, OUTCOME_ZH[outcome]] as const),
    }),
    column("recommendedByDistrict", "boolean", ""),
    column("energySavedTce", "quantity", "吨标煤"),
    ...POLLUTANTS.map((pollutant) => column(`pollutantsReducedTonnes.${pollutant}`, "quantity", "吨", optional())),
    ...TAX_TYPES.map((tax) =>
      column(`priorYearTax.${tax}`, "money", "元", optional({ zh: `上年度${FIELD_LABELS[tax] ?? tax}` })),
    ),
    column("employees", "count", "人"),
    column("landAreaM2", "quantity", "㎡"),
    column("municipalAssessedAmount", "money", "元", optional()),
    column("region", "enum", "", optional({ zh: "区域", values: REGION_VALUES })),
    column("catalogueIndustry", "enum", "", optional({ values: plain(CATALOGUE_INDUSTRIES) })),
    column("exemptCategory", "enum", "", optional({ values: plain(EXEMPT_CATEGORIES) })),
    column("leadingGroupDecision", "enum", "", optional({ values: DECISION_VALUES })),
  ],
};

const CLEARANCE: Layout = {
  kind: "structure-clearance",
  zhName: KIND_ZH["structure-clearance"],
  list: "items",
  columns: [
    kindColumn,
    column("id", "text", "", { zh: "申报编号" }),
    column("township", "text", ""),
    column("village", "text", ""),
    column("site", "text", ""),
    column("declaredOn", "date", ""),
    column("items.id", "text", "", { zh: "地上物编号" }),
    column("items.structureType", "structure-type", "", { zh: "申报结构类型" }),
    column("items.quantity", "quantity", "㎡/米/项", { zh: "申报数量" }),
    column("items.builtOn", "date", "", optional()),
    column("items.declaredAmount", "money", "元", optional()),
    column("items.survey.structureType", "structure-type", "", optional({ zh: "核定结构类型" })),
    column("items.survey.quantity", "quantity", "㎡/米/项", optional({ zh: "核定数量" })),
  ],
};

const VILLAGE: Layout = {
  kind: "village-compensation",
  zhName: KIND_ZH["village-compensation"],
  list: "leases",
  columns: [
    kindColumn,
    column("id", "text", "", { zh: "补偿编号" }),
    column("township", "text", ""),
    column("village", "text", ""),
    column("zoneType", "enum", "", { zh: "场地类型", values: ZONE_VALUES }),
    column("clearedOn", "date", ""),
    column("landAreaMu", "quantity", "亩", { zh: "清退土地面积(亩)" }),
    column("leases.id", "text", "", { zh: "租赁合同编号" }),
    column("leases.tenant", "text", ""),
    column("leases.landAreaMu", "quantity", "亩", { zh: "租赁土地面积(亩)" }),
    column("leases.annualRent", "money", "元"),
    column("leases.leaseEndsOn", "date", ""),
  ],
};

const TRANSFER: Layout = {
  kind: "township-transfer",
  zhName: KIND_ZH["township-transfer"],
  list: "exitedEnterprises",
  alwaysObjects: ["priorYearTax"],
  columns: [
    kindColumn,
    column("id", "text", "", { zh: "转移支付编号" }),
    column("township", "text", ""),
    column("fiscalYear", "year", "年"),
    column("priorYearRevenue", "money", "元"),
    column("exitedEnterprises.id", "text", "", { zh: "退出企业编号" }),
    ...TAX_TYPES.map((tax) =>
      column(
        `exitedEnterprises.priorYearTax.${tax}`,
        "money",
        "元",
        optional({ zh: `退出企业上年度${FIELD_LABELS[tax] ?? tax}` }),
      ),
    ),
    column("exitedEnterprises.priorYearOutput", "money", "元", optional({ zh: "退出企业上年度产值(元)" })),
  ],
};

const LEDGER: Layout = {
  kind: "ledger",
  zhName: KIND_ZH.ledger,
  columns: [
    column("caseId", "text", ""),
    column("payer", "enum", "", { zh: "付款方", values: PAYER_VALUES }),
    column("amount", "money", "元"),
    column("paidOn", "date", ""),
    column("voucher", "text", "", optional()),
  ],
};

/** The flat layouts of the contract, by kind (a programme's: {@link layoutOf}). */
export const LAYOUTS: { readonly [kind in CaseKind | "ledger"]: Layout } = {
  "enterprise-exit": ENTERPRISE,
  "structure-clearance": CLEARANCE,
  "village-compensation": VILLAGE,
  "township-transfer": TRANSFER,
  ledger: LEDGER,
};

/** The case kinds' layouts, in the contract's order. */
export const CASE_LAYOUTS: readonly Layout[] = CASE_KINDS.map((kind) => LAYOUTS[kind]);

/**
 * Chinese names of the structure types of `tongzhou-2016` as clerks write them: the label (砖混, 钢结构/彩钢),
 * each half of a label with a slash (钢结构, 彩钢; 钢混, 框架), and either with 结构 or 房 after it (砖混结构,
 * 框架结构, 彩钢房) → the type's key.
 */
export const STRUCTURE_TYPE_ALIASES: ReadonlyMap<string, string> = new Map(
  Object.entries(STRUCTURE_TYPE_LABELS).flatMap(([key, zh]) => {
    const names = [zh, ...zh.split("/")];
    const variants = names.flatMap((name) => [name, `${name}结构`, name.endsWith("房") ? name : `${name}房`]);
    return [...new Set(variants)].map((name) => [name, key] as const);
  }),
);

/** A header as a template writes it: `energySavedTce / 节能量(吨标煤)`. */
export function templateHeader(column: Column): string {
  return `${column.key} / ${column.zh}`;
}

/** Headers that are read as no column at all (a clerk's remarks). */
const IGNORED_HEADERS = new Set(["备注", "note", "notes", "remark", "remarks"]);

/**
 * The template's example flag column (`example / 示例`): a row with a value in it is the template's example,
 * refused as input until it is deleted, so an example is never computed (or paid) as a real case.
 */
export const EXAMPLE_HEADER = "example / 示例";
/** What the template writes in the example flag column of its example rows. */
export const EXAMPLE_MARK = "示例 example：删除此行 delete this row";
const EXAMPLE_HEADERS = new Set(["示例", "example", "example/示例", "示例/example"]);

/** NFKC (full-width brackets, ㎡ → m2), no spaces, lower case: how headers are compared. */
function normalize(header: string): string {
  return header.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

/**
 * The column a header names in `layout`: the English key, the Chinese header, or both written
 * `key / 中文`; `"ignored"` for a remarks column, `"example"` for the template's example flag; undefined when
 * the layout has no such column.
 */
export function columnOfHeader(layout: Layout, header: string): Column | "ignored" | "example" | undefined {
  const wanted = normalize(header);
  if (IGNORED_HEADERS.has(wanted)) return "ignored";
  if (EXAMPLE_HEADERS.has(wanted)) return "example";
  const [first = "", ...rest] = header.split("/");
  const english = rest.length > 0 ? normalize(first) : undefined;
  return layout.columns.find((candidate) => {
    const key = normalize(candidate.key);
    const names = [candidate.key, candidate.zh, templateHeader(candidate), ...leafLabel(layout, candidate)];
    return names.some((name) => normalize(name) === wanted) || english === key;
  });
}

/** The field's label of FIELD_LABELS (e.g. 编号, 增值税(元)), when no other column of the layout shares it. */
function leafLabel(layout: Layout, column: Column): string[] {
  const label = FIELD_LABELS[leaf(column.key)];
  if (label === undefined) return [];
  return layout.columns.filter((other) => FIELD_LABELS[leaf(other.key)] === label).length === 1 ? [label] : [];
}

/** Excel's letter of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letter = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  return letter;
}

/** A field that one cell holds (not an object or a list, which the flat layouts write as several columns or rows). */
function isScalar(schema: z.ZodType): boolean {
  const def = schema.def as { type: string; innerType?: z.ZodType };
  if (def.type === "optional" || def.type === "default" || def.type === "nullable")
    return def.innerType === undefined || isScalar(def.innerType);
  return def.type !== "object" && def.type !== "array" && def.type !== "record";
}

/** How a column reads a value of a zod field, from the field's JSON Schema (its type, format and values). */
function columnOfField(key: string, schema: z.ZodType, programme: Programme): Column {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    type?: string | string[];
    format?: string;
    enum?: readonly string[];
    pattern?: string;
  };
  const types = Array.isArray(json.type) ? json.type : [json.type];
  const type: CellType =
    json.enum !== undefined
      ? "enum"
      : types.includes("boolean")
        ? "boolean"
        : types.includes("integer")
          ? "count"
          : json.format === "date"
            ? "date"
            : json.pattern !== undefined && types.includes("number")
              ? "quantity"
              : "text";
  return {
    key,
    zh: programme.fieldLabel(key) ?? key,
    type,
    unit: "",
    required: !schema.safeParse(undefined).success,
    perRow: false,
    ...(json.enum === undefined ? {} : { values: json.enum.map((value) => [value, ""] as const) }),
  };
}

/**
 * The flat layout of a kind of a programme: the contract's layout, with a column for each top-level scalar field
 * the programme's domain adds (a district extension's new field), or for a kind of its own its scalar fields.
 * Undefined for a kind the programme does not compute.
 */
export function layoutOf(kind: string, programme: Programme = defaultProgramme): Layout | undefined {
  if (kind === "ledger") return LEDGER;
  const domain = programme.entry(kind)?.domain;
  if (domain === undefined) return undefined;
  const base: Layout = Object.hasOwn(LAYOUTS, kind)
    ? LAYOUTS[kind as CaseKind]
    : { kind, zhName: domain.labels.zh, columns: [KIND_COLUMN] };
  const covered = new Set(base.columns.map((column) => column.key.split(".")[0]));
  const added = Object.entries(domain.fields)
    .filter(([name, schema]) => !covered.has(name) && isScalar(schema as z.ZodType))
    .map(([name, schema]) => columnOfField(name, schema as z.ZodType, programme));
  return added.length === 0 ? base : { ...base, columns: [...base.columns, ...added] };
}

/** The layouts of a programme's case kinds, in its order. */
export function caseLayoutsOf(programme: Programme = defaultProgramme): readonly Layout[] {
  return programme.kinds.flatMap((kind) => layoutOf(kind, programme) ?? []);
}
