import * as z from "zod";
import { defaultProgramme } from "../../rules/default.js";
import type { FieldValues } from "../../rules/domain.js";
import type { Programme } from "../../rules/programme.js";
import { CASE_KINDS } from "../../schemas/cases.js";
import { FIELD_LABELS } from "../../schemas/labels.js";
import { BOOLEAN_LABELS, PAYER_LABELS, POLLUTANTS, TAX_TYPES, nameKey, type ValueLabel } from "../../vocabulary.js";

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

/** One accepted value of an enumerated column, with its names for people and the other ways sheets write it. */
export interface ColumnValue {
  readonly value: string;
  /** The Chinese name a template's dropdown shows ("" when the value has none). */
  readonly zh: string;
  readonly en: string;
  readonly aliases: readonly string[];
}

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
  /** Accepted values of an enumerated column, with their names (all accepted). */
  readonly values?: readonly ColumnValue[];
  /** The values are the keys of this table parameter: the rule set's keys and their `aliases` are accepted too. */
  readonly keysOf?: string;
  /** Other headers that name the column (a finance system's, `借方金额` for a ledger's amount). */
  readonly names?: readonly string[];
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

type Options = { zh?: string; required?: boolean; names?: readonly string[] };

function column(key: string, type: CellType, unit: string, options: Options = {}): Column {
  const perRow = /^(items|leases|exitedEnterprises)\./.test(key);
  return {
    key,
    zh: options.zh ?? FIELD_LABELS[leaf(key)] ?? key,
    type,
    unit,
    required: options.required ?? true,
    perRow,
    ...(options.names === undefined ? {} : { names: options.names }),
  };
}

const optional = (options: Options = {}): Options => ({ ...options, required: false });

/** The values of an enumeration with their labels: each label's zh, en and aliases are accepted names. */
export function columnValues(labels: { readonly [value: string]: ValueLabel }): ColumnValue[] {
  return Object.entries(labels).map(([value, label]) => ({
    value,
    zh: label.zh,
    en: label.en,
    aliases: label.aliases ?? [],
  }));
}

const KIND_ZH: { readonly [kind in CaseKind | "ledger"]: string } = {
  "enterprise-exit": "企业退出",
  "structure-clearance": "腾地经费",
  "village-compensation": "村集体补偿",
  "township-transfer": "转移支付",
  ledger: "付款台账",
};

/** The booleans' names (是/否 first: what a template's dropdown shows). */
export const BOOLEAN_VALUES: readonly ColumnValue[] = columnValues(BOOLEAN_LABELS);

/** The optional `kind` (类型) column every case layout has. */
export const KIND_COLUMN: Column = {
  ...column("kind", "enum", "", optional()),
  values: CASE_KINDS.map((kind) => ({ value: kind, zh: KIND_ZH[kind], en: kind, aliases: [] })),
};
const kindColumn = KIND_COLUMN;

const ENTERPRISE: Layout = {
  kind: "enterprise-exit",
  zhName: KIND_ZH["enterprise-exit"],
  columns: [
    kindColumn,
    column("id", "text", "", { zh: "企业编号" }),
    column("name", "text", ""),
    column("township", "text", ""),
    column("exitMode", "enum", "", { zh: "退出方式" }),
    column("scale", "enum", "", { zh: "规模" }),
    column("exitCompletedOn", "date", ""),
    column("licensed", "boolean", ""),
    column("acceptance.equipmentRemoved", "boolean", ""),
    column("acceptance.licenceChangedOrCancelled", "boolean", ""),
    column("acceptance.staffResettled", "boolean", ""),
    column("municipalOutcome", "enum", ""),
    column("recommendedByDistrict", "boolean", ""),
    column("energySavedTce", "quantity", "吨标煤"),
    ...POLLUTANTS.map((pollutant) => column(`pollutantsReducedTonnes.${pollutant}`, "quantity", "吨", optional())),
    ...TAX_TYPES.map((tax) =>
      column(`priorYearTax.${tax}`, "money", "元", optional({ zh: `上年度${FIELD_LABELS[tax] ?? tax}` })),
    ),
    column("employees", "count", "人"),
    column("landAreaM2", "quantity", "㎡"),
    column("municipalAssessedAmount", "money", "元", optional()),
    column("region", "enum", "", optional({ zh: "区域" })),
    column("catalogueIndustry", "enum", "", optional()),
    column("exemptCategory", "enum", "", optional()),
    column("leadingGroupDecision", "enum", "", optional()),
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
    column(
      "items.survey.structureType",
      "structure-type",
      "",
      optional({ zh: "核定结构类型", names: ["核查结构类型", "核实结构类型", "勘验结构类型", "实测结构类型"] }),
    ),
    column(
      "items.survey.quantity",
      "quantity",
      "㎡/米/项",
      optional({ zh: "核定数量", names: ["核查数量", "核实数量", "勘验数量", "实测数量", "测量数量"] }),
    ),
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
    column("zoneType", "enum", "", { zh: "场地类型" }),
    column("clearedOn", "date", ""),
    column("landAreaMu", "quantity", "亩", { zh: "清退土地面积（亩）" }),
    column("leases.id", "text", "", { zh: "租赁合同编号" }),
    column("leases.tenant", "text", ""),
    column("leases.landAreaMu", "quantity", "亩", { zh: "租赁土地面积（亩）" }),
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
    column("exitedEnterprises.priorYearOutput", "money", "元", optional({ zh: "退出企业上年度产值（元）" })),
  ],
};

/**
 * The ledger's columns, with the headers finance systems export (the default mapping of docs/files.md,
 * "Ledgers from finance systems"): 项目编号 for the case, 资金来源 or 付款单位 for the payer, 借方金额 or 付款金额
 * for the amount, 日期 for the day paid, 凭证字号 for the voucher; 贷方金额 (a reversal) is subtracted from the
 * amount, and 摘要 (the description) is not read.
 */
const LEDGER: Layout = {
  kind: "ledger",
  zhName: KIND_ZH.ledger,
  columns: [
    column("caseId", "text", "", { names: ["项目编号", "案件号", "项目代码", "项目编码", "案件代码"] }),
    {
      ...column("payer", "enum", "", { zh: "付款方", names: ["资金来源", "付款单位", "付款主体", "资金渠道"] }),
      values: columnValues(PAYER_LABELS),
    },
    column("amount", "money", "元", {
      names: ["金额", "借方金额", "借方", "付款金额", "支付金额", "拨付金额", "实付金额"],
    }),
    column("paidOn", "date", "", {
      names: ["日期", "付款日期", "拨付日期", "凭证日期", "记账日期", "制单日期"],
    }),
    column("voucher", "text", "", optional({ names: ["凭证字号", "凭证编号", "凭证", "凭证字"] })),
    column("credit", "money", "元", optional({ zh: "贷方金额", names: ["贷方", "冲销金额", "退回金额"] })),
  ],
};

/** The layouts of the contract's kinds before a programme's names of values are applied. */
const BARE: { readonly [kind in CaseKind]: Layout } = {
  "enterprise-exit": ENTERPRISE,
  "structure-clearance": CLEARANCE,
  "village-compensation": VILLAGE,
  "township-transfer": TRANSFER,
};

/** A column with the names its domain gives its values (and the table whose keys they are). */
function withValues(target: Column, values: FieldValues | undefined): Column {
  if (values === undefined) return target;
  return {
    ...target,
    ...(values.labels === undefined ? {} : { values: columnValues(values.labels) }),
    ...(values.keysOf === undefined ? {} : { keysOf: values.keysOf }),
  };
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
    ...(json.enum === undefined
      ? {}
      : { values: json.enum.map((value) => ({ value, zh: "", en: value, aliases: [] as const })) }),
  };
}

/**
 * The flat layout of a kind of a programme: the contract's layout, with a column for each top-level scalar field
 * the programme's domain adds (a district extension's new field), or for a kind of its own its scalar fields;
 * each enumerated column with the names the domain gives its values. Undefined for a kind the programme does not
 * compute.
 */
export function layoutOf(kind: string, programme: Programme = defaultProgramme): Layout | undefined {
  if (kind === "ledger") return LEDGER;
  const domain = programme.entry(kind)?.domain;
  if (domain === undefined) return undefined;
  const base: Layout = Object.hasOwn(BARE, kind)
    ? BARE[kind as CaseKind]
    : { kind, zhName: domain.labels.zh, columns: [KIND_COLUMN] };
  const covered = new Set(base.columns.map((one) => one.key.split(".")[0]));
  const added = Object.entries(domain.fields)
    .filter(([name, schema]) => !covered.has(name) && isScalar(schema as z.ZodType))
    .map(([name, schema]) => columnOfField(name, schema as z.ZodType, programme));
  const values = domain.values ?? {};
  const named = (target: Column): Column =>
    withValues(target, Object.hasOwn(values, target.key) ? values[target.key] : undefined);
  return { ...base, columns: [...base.columns, ...added].map(named) };
}

/** The layouts of a programme's case kinds, in its order. */
export function caseLayoutsOf(programme: Programme = defaultProgramme): readonly Layout[] {
  return programme.kinds.flatMap((kind) => layoutOf(kind, programme) ?? []);
}

function defaultLayout(kind: CaseKind): Layout {
  const layout = layoutOf(kind);
  if (layout === undefined) throw new Error(`[exitfund] invariant: no layout for ${kind}`);
  return layout;
}

/** The flat layouts of the contract (as the default programme names their values), by kind (a programme's: {@link layoutOf}). */
export const LAYOUTS: { readonly [kind in CaseKind | "ledger"]: Layout } = {
  "enterprise-exit": defaultLayout("enterprise-exit"),
  "structure-clearance": defaultLayout("structure-clearance"),
  "village-compensation": defaultLayout("village-compensation"),
  "township-transfer": defaultLayout("township-transfer"),
  ledger: LEDGER,
};

/** The case kinds' layouts, in the contract's order. */
export const CASE_LAYOUTS: readonly Layout[] = CASE_KINDS.map((kind) => LAYOUTS[kind]);

/** A header as a template writes it: `energySavedTce / 节能量（吨标煤）`. */
export function templateHeader(target: Column): string {
  return `${target.key} / ${target.zh}`;
}

/** Headers that are read as no column at all, and why: a clerk's remarks, a row number, a ledger's description. */
const IGNORED_HEADERS: ReadonlyMap<string, Ignored["ignored"]> = new Map([
  ...["备注", "note", "notes", "remark", "remarks", "说明"].map((name) => [name, "remarks"] as const),
  ...["序号", "序", "行号", "no", "no.", "#", "序列号"].map((name) => [name, "row-number"] as const),
  ...["摘要", "summary", "description"].map((name) => [name, "description"] as const),
]);

/**
 * The template's example flag column (`example / 示例`): a row with a value in it is the template's example,
 * refused as input until it is deleted, so an example is never computed (or paid) as a real case.
 */
export const EXAMPLE_HEADER = "example / 示例";
/** What the template writes in the example flag column of its example rows. */
export const EXAMPLE_MARK = "示例 example：删除此行 delete this row";
const EXAMPLE_HEADERS = new Set(["示例", "example", "example/示例", "示例/example"]);

/**
 * How the id of every template example starts (`示例-E-2016-0001`; a ledger's example, its case id): a second mark
 * that survives deleting the example flag column, so the example is refused still.
 */
export const EXAMPLE_ID_PREFIX = "示例-";

/**
 * An id that marks the template's example: it starts with 示例, compared as headers are ({@link nameKey}: NFKC,
 * without spaces or invisible format characters), so a full-width, spaced or `示\u200B例-…` id is the example too.
 */
export function isExampleId(id: string): boolean {
  // Format characters (zero-width spaces and joiners, a soft hyphen) are invisible: 示\u200B例 shows as 示例.
  return nameKey(id)
    .replace(/\p{Cf}/gu, "")
    .startsWith("示例");
}

/** A header that names no field: why it is not read. */
export interface Ignored {
  readonly ignored: "remarks" | "row-number" | "description" | "mapped-away";
}

/**
 * What a header names in a layout: a column (with the unit the header writes, if any), a column whose unit
 * the header contradicts (`金额(万元)` for a column in 元), a column that is not read (`备注`, `序号`), or the
 * template's example flag; undefined when it names nothing of the layout.
 */
export type HeaderMatch =
  | { readonly column: Column; readonly unit?: string }
  | { readonly wrongUnit: Column; readonly unit: string }
  | Ignored
  | { readonly example: true }
  | undefined;

/** What an explicit mapping (`--map`, `--ledger-map`) says of headers: a field's key, or null for "not read". */
export type HeaderMapping = ReadonlyMap<string, string | null>;

/**
 * Units a header may write in brackets, by the unit of the column they fit; any other unit of {@link UNIT_WORDS}
 * contradicts the column's (a header in 万元 over a column read in 元 would multiply every amount by 10,000).
 */
const UNIT_NAMES: ReadonlyMap<string, readonly string[]> = new Map([
  ["元", ["元", "人民币元", "rmb", "yuan", "¥", "cny", "元人民币"]],
  ["㎡", ["m2", "平方米", "平米", "平方"]],
  ["亩", ["亩", "mu"]],
  ["吨", ["吨", "t"]],
  ["吨标煤", ["吨标煤", "吨标准煤", "tce", "t标准煤", "吨标煤当量"]],
  ["人", ["人", "名", "人数"]],
  ["年", ["年"]],
  ["米", ["米", "m", "延米"]],
  ["项", ["项", "个", "处", "座"]],
]);
const UNIT_WORDS: ReadonlySet<string> = new Set([
  ...[...UNIT_NAMES.values()].flat(),
  ...[
    "万元",
    "千元",
    "亿元",
    "万",
    "公顷",
    "hm2",
    "ha",
    "万吨",
    "千克",
    "kg",
    "公斤",
    "公里",
    "km",
    "万人",
    "万吨标煤",
  ],
  ...["万平方米", "万m2", "月", "天", "日"],
]);

/** The units a column's figures are in, as header words (`㎡/米/项` takes any of the three). */
function unitsOf(target: Column): readonly string[] {
  const written = target.unit !== "" ? target.unit : (/\(([^()]*)\)$/.exec(target.zh.normalize("NFKC"))?.[1] ?? "");
  return written
    .split("/")
    .flatMap((unit) => UNIT_NAMES.get(unit) ?? UNIT_NAMES.get(unit.normalize("NFKC")) ?? [])
    .map(nameKey);
}

/** A header (compared as {@link nameKey}) without a trailing bracketed part, and that part. */
function splitUnit(key: string): { base: string; unit?: string } {
  const match = /^(.+?)\(([^()]*)\)$/.exec(key);
  return match === null ? { base: key } : { base: match[1] ?? key, unit: match[2] ?? "" };
}

/** Every name of a column as a header, compared as {@link nameKey} compares them. */
function namesOf(layout: Layout, target: Column): string[] {
  return [target.key, target.zh, templateHeader(target), ...leafLabel(layout, target), ...(target.names ?? [])].map(
    nameKey,
  );
}

/** The one column of `found` (several different columns: none, the header is ambiguous). */
function only(found: readonly Column[]): Column | undefined {
  const distinct = [...new Set(found)];
  return distinct.length === 1 ? distinct[0] : undefined;
}

/**
 * What a header names in `layout` (see {@link HeaderMatch}): its English key, its Chinese header, both written
 * `key / 中文` (or on two lines), a finance system's name for it (`names`), or any of these with a unit in
 * brackets after it (`申报数量(㎡)`, `金额（元）`) — a unit that contradicts the column's is said so. Headers
 * are compared after NFKC, without spaces and line breaks, case-insensitively. `mapping` (a `--map` file's
 * columns) is looked at first.
 */
export function matchHeader(layout: Layout, header: string, mapping?: HeaderMapping): HeaderMatch {
  const wanted = nameKey(header);
  if (mapping?.has(wanted) === true) {
    const key = mapping.get(wanted);
    const mapped = layout.columns.find((candidate) => candidate.key === key);
    return mapped === undefined ? { ignored: "mapped-away" } : { column: mapped };
  }
  const ignored = IGNORED_HEADERS.get(wanted);
  if (ignored !== undefined) return { ignored };
  if (EXAMPLE_HEADERS.has(wanted)) return { example: true };
  const exact = only(layout.columns.filter((candidate) => namesOf(layout, candidate).includes(wanted)));
  if (exact !== undefined) return { column: exact };
  // `key / 中文`, `中文 / key`, or the two on separate lines: a part that is a column's key names it.
  const parts = header
    .split(/\s*\/\s*|\r?\n/)
    .map(nameKey)
    .filter((part) => part !== "");
  if (parts.length > 1) {
    const byKey = only(layout.columns.filter((candidate) => parts.includes(nameKey(candidate.key))));
    if (byKey !== undefined) return { column: byKey };
    const byName = only(
      layout.columns.filter((candidate) => parts.some((part) => namesOf(layout, candidate).includes(part))),
    );
    if (byName !== undefined) return { column: byName };
  }
  const { base, unit } = splitUnit(wanted);
  if (unit === undefined) {
    const bare = only(
      layout.columns.filter((candidate) => namesOf(layout, candidate).some((name) => splitUnit(name).base === base)),
    );
    return bare === undefined ? undefined : { column: bare };
  }
  const withUnit = only(
    layout.columns.filter((candidate) => namesOf(layout, candidate).some((name) => splitUnit(name).base === base)),
  );
  if (withUnit === undefined) return undefined;
  const fits = unitsOf(withUnit);
  if (fits.includes(unit)) return { column: withUnit, unit };
  if (UNIT_WORDS.has(unit) || (fits.length > 0 && /^[万千亿]/.test(unit))) return { wrongUnit: withUnit, unit };
  return { column: withUnit };
}

/**
 * The column a header names in `layout` (see {@link matchHeader}): `"ignored"` for a column that is not read,
 * `"example"` for the template's example flag, undefined when it names none (or contradicts the column's unit).
 */
export function columnOfHeader(layout: Layout, header: string): Column | "ignored" | "example" | undefined {
  const match = matchHeader(layout, header);
  if (match === undefined || "wrongUnit" in match) return undefined;
  if ("ignored" in match) return "ignored";
  if ("example" in match) return "example";
  return match.column;
}

/** The field's label of FIELD_LABELS (e.g. 编号, 增值税（元）), when no other column of the layout shares it. */
function leafLabel(layout: Layout, target: Column): string[] {
  const label = FIELD_LABELS[leaf(target.key)];
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
