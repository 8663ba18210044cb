import * as z from "zod";
import { nodeSha256 } from "../sha256.js";
import { computeBatch, summarize } from "../../batch/compute.js";
import type { RuleSet } from "../../parameters/types.js";
import { auditOutcomes } from "../../audit/audit.js";
import { echoText } from "../../errors/echo.js";
import { InvalidInputError, type InputIssue } from "../../errors/index.js";
import { Dec } from "../../money/decimal.js";
import type { Receipt } from "../../receipt/receipt.js";
import type { OutcomeBase } from "../../trace/types.js";
import { EXIT, UsageError, reportInputError, type CliIo } from "../io.js";
import { emitJson } from "../output.js";
import { loadMapOption } from "../map-option.js";
import { loadProgrammeAndRules } from "../programme-option.js";
import { parseJsonText, readBytes, readCaseSource, readStdin, sayNotices } from "../read.js";
import { decodeUtf8 } from "../formats/text.js";
import { say, VERIFY_RECEIPT, VERIFY_RECEIPT_WITH, type Said } from "../messages.js";
import type { Lang } from "../lang.js";
import { receiptOfWorkbook } from "../xlsx/receiptSheet.js";
import { parseCommand } from "./args.js";
import { readAuditInput } from "./audit.js";

/** `exitfund verify-receipt --help`, in both languages (the CLI's catalogue). */
export const VERIFY_RECEIPT_HELP: Said = VERIFY_RECEIPT.help;

const FORMATS = ["text", "json"] as const;

const HASH = z.string().regex(/^[0-9a-f]{64}$/, "64 lower-case hex digits");
/** The receipt of a written result (DESIGN §5). */
export const ReceiptSchema = z.strictObject({
  exitfund: z.string().min(1),
  programme: z.string().min(1),
  ruleSet: z.strictObject({ id: z.string().min(1), version: z.string().min(1), sha256: HASH }),
  input: z.strictObject({ sha256: HASH }),
});

/** What a written result shows: its receipt and the figures it printed. */
export interface WrittenResult {
  /** `verify`: a 核定表, which shows the structure-clearance cases of its input (the input hash is of every case). */
  readonly kind: "compute" | "verify" | "audit" | "budget" | "totals";
  readonly receipt: Receipt;
  /** Each case's figures, by id, in the order written (compute, NDJSON, audit's reconciliation, a workbook). */
  readonly cases?: ReadonlyMap<string, Figures>;
  /** Totals (field → amount) the result shows. */
  readonly totals: ReadonlyMap<string, string>;
  /** An audit's tolerance and its discrepancies' key figures (recomputed only with --ledger). */
  readonly audit?: { readonly tolerance: string; readonly lines: ReadonlyMap<string, string> };
}

/** The figures of one case a result shows (field → text): amounts, and track, eligible, findings when shown. */
export type Figures = ReadonlyMap<string, string>;

/** One check of the report. */
export interface ReceiptCheck {
  readonly check: "rules" | "programme" | "input" | "amounts" | "exitfund";
  readonly ok: boolean;
  /** A difference that is a notice only (another exitfund version). */
  readonly notice?: boolean;
  readonly written: string;
  readonly recomputed: string;
  readonly differences?: readonly Difference[];
  readonly added?: readonly string[];
  readonly removed?: readonly string[];
  readonly changed?: readonly string[];
  /** amounts: how many cases (when the result lists them) and totals were written, and recomputed. */
  readonly counts?: { readonly written: Shown; readonly recomputed: Shown };
}

/** How many figures a result shows. */
export interface Shown {
  readonly cases?: number;
  readonly totals: number;
}

/** One figure that differs: a case's (caseId) or a total's (no caseId). */
export interface Difference {
  readonly caseId?: string;
  readonly field: string;
  readonly written: string | null;
  readonly recomputed: string | null;
}

/** `exitfund verify-receipt`: see {@link VERIFY_RECEIPT_HELP}. */
export async function runVerifyReceipt(args: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommand(
      args,
      { cases: "string", rules: "string", programme: "string", ledger: "string", map: "string", format: "string" },
      say(VERIFY_RECEIPT_HELP, io.lang),
      io,
    );
    if (values.help === true) return EXIT.ok;
    const file = positionals[0];
    if (file === undefined || positionals.length > 1)
      throw new UsageError("verify-receipt takes one <result> file: the JSON, NDJSON or workbook exitfund wrote", {
        code: "one-result",
        zh: "verify-receipt 需要一个 <result> 文件：exitfund 写出的 JSON、NDJSON 或工作簿",
      });
    const casesFile = values.cases as string | undefined;
    if (casesFile === undefined)
      throw new UsageError("verify-receipt needs --cases <file>: the cases the result was computed from", {
        code: "no-cases-option",
        zh: "verify-receipt 需要 --cases <文件>：计算该结果所用的案件",
      });
    const format = (values.format as string | undefined) ?? "text";
    if (!(FORMATS as readonly string[]).includes(format))
      throw new UsageError(`--format must be text or json, got "${echoText(format)}"`, {
        code: "bad-format",
        zh: `--format 须为 text 或 json，收到 "${echoText(format)}"`,
      });
    if (file === "-" && casesFile === "-")
      throw new UsageError("verify-receipt reads standard input once: give <result> or --cases as a file", {
        code: "stdin-twice",
        zh: "verify-receipt 只能读取一次标准输入：请把 <result> 或 --cases 之一给作文件",
      });
    const written = await readWritten(file, io);
    const { programme, ruleSet } = await loadProgrammeAndRules(values, io);
    const ledgerFile = values.ledger as string | undefined;
    if (ledgerFile !== undefined && written.kind !== "audit")
      throw new UsageError("--ledger is for an audit result; this result is not an audit", {
        code: "ledger-not-audit",
        zh: "--ledger 仅用于审计结果；该结果不是审计结果",
      });
    const mapping = await loadMapOption(values, io, { programme, ruleSet });
    const source = await readCaseSource(casesFile, io, {
      programme,
      ruleSet,
      ...(mapping === undefined ? {} : { mapping }),
    });
    if (source.issues.length > 0)
      throw new InvalidInputError(
        source.issues.map((issue) => ({
          path: issue.where,
          code: issue.code ?? "unreadable",
          message: issue.message,
          ...(issue.zh === undefined ? {} : { zh: issue.zh }),
        })),
      );
    // The receipt hashes the cases computed: a result written with --skip-invalid left the invalid ones out.
    const document = computeBatch(source.cases, {
      ruleSet,
      programme,
      skipInvalid: true,
      trace: false,
      sha256: nodeSha256,
    });
    let auditLines: ReadonlyMap<string, string> | undefined;
    if (ledgerFile !== undefined && written.audit !== undefined) {
      const input = await readAuditInput(
        casesFile,
        ledgerFile,
        { ruleSet, programme, tolerance: written.audit.tolerance },
        io,
        { cases: mapping, ledger: undefined },
      );
      auditLines = auditFigures(auditOutcomes(input));
    }
    // A 核定表 shows the declarations of its input: its figures are checked against those, its input hash against all.
    const shown =
      written.kind === "verify"
        ? document.results.filter((outcome) => outcome.kind === "structure-clearance")
        : document.results;
    const checks = checksOf(written, {
      receipt: document.receipt,
      outcomes: shown,
      totals: totalsOf(written.kind, shown, ruleSet),
      ...(auditLines === undefined ? {} : { audit: auditLines }),
    });
    const ok = checks.every((check) => check.ok);
    if (format === "json")
      await emitJson(
        io,
        { ok, checks, receipt: { written: written.receipt, recomputed: document.receipt } },
        undefined,
      );
    else io.stdout.write(reportText(checks, io.lang ?? "en"));
    return ok ? EXIT.ok : EXIT.findings;
  } catch (error) {
    return reportInputError(error, io, "verify-receipt");
  }
}

/** The totals of the recomputed outcomes a result shows, as the result of `kind` shows them (field → amount). */
function totalsOf(
  kind: WrittenResult["kind"],
  outcomes: readonly OutcomeBase[],
  ruleSet: RuleSet,
): Map<string, string> {
  const document = { totals: summarize(outcomes, ruleSet) };
  const totals = new Map<string, string>();
  if (kind === "budget") {
    totals.set("total", document.totals.total);
    return totals;
  }
  if (kind === "audit") {
    totals.set("totals.owed", document.totals.total);
    return totals;
  }
  for (const field of ["municipal", "district", "total"] as const)
    totals.set(`totals.${field}`, document.totals[field]);
  for (const [township, amounts] of Object.entries(document.totals.byTownship))
    for (const field of ["municipal", "district", "total"] as const)
      totals.set(`totals.byTownship.${township}.${field}`, amounts[field]);
  return totals;
}

/** The key figures of an audit: its totals and each discrepancy (case · type · payer → difference). */
function auditFigures(document: ReturnType<typeof auditOutcomes>): Map<string, string> {
  const lines = new Map<string, string>();
  for (const field of ["owed", "paid", "difference"] as const) lines.set(`totals.${field}`, document.totals[field]);
  for (const one of document.discrepancies)
    lines.set(`discrepancies.${one.caseId}.${one.type}.${one.payer}`, one.difference);
  return lines;
}

/** The figures of an outcome a result shows. */
export function figuresOf(outcome: Pick<OutcomeBase, "amounts"> & Partial<OutcomeBase>): Map<string, string> {
  const figures = new Map<string, string>();
  for (const field of ["municipal", "district", "total"] as const)
    figures.set(`amounts.${field}`, outcome.amounts[field]);
  if (outcome.track !== undefined) figures.set("track", outcome.track);
  if (outcome.eligible !== undefined) figures.set("eligible", String(outcome.eligible));
  if (outcome.findings !== undefined)
    figures.set("findings", [...outcome.findings.map((finding) => finding.code)].sort().join(","));
  return figures;
}

/** Two amounts are the same figure when equal as decimals ("840000" and "840000.00"); other figures as text. */
function same(field: string, a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (/amounts\.|totals|discrepancies|^total$/.test(field)) {
    try {
      return new Dec(a).eq(b);
    } catch {
      return a === b;
    }
  }
  return a === b;
}

interface Recomputed {
  readonly receipt: Receipt;
  readonly outcomes: readonly OutcomeBase[];
  readonly totals: ReadonlyMap<string, string>;
  readonly audit?: ReadonlyMap<string, string>;
}

/** Every check of a written result against what was recomputed. */
export function checksOf(written: WrittenResult, now: Recomputed): ReceiptCheck[] {
  const w = written.receipt;
  const r = now.receipt;
  const checks: ReceiptCheck[] = [];
  const ruleText = (receipt: Receipt) =>
    `${receipt.ruleSet.id} v${receipt.ruleSet.version} sha256:${receipt.ruleSet.sha256}`;
  checks.push({
    check: "rules",
    ok:
      w.ruleSet.id === r.ruleSet.id && w.ruleSet.version === r.ruleSet.version && w.ruleSet.sha256 === r.ruleSet.sha256,
    written: ruleText(w),
    recomputed: ruleText(r),
    differences: (["id", "version", "sha256"] as const)
      .filter((field) => w.ruleSet[field] !== r.ruleSet[field])
      .map((field) => ({ field: `ruleSet.${field}`, written: w.ruleSet[field], recomputed: r.ruleSet[field] })),
  });
  checks.push({ check: "programme", ok: w.programme === r.programme, written: w.programme, recomputed: r.programme });

  // Amounts: each case the result lists, by id, then its totals.
  const differences: Difference[] = [];
  const byId = new Map(now.outcomes.map((outcome) => [outcome.id, figuresOf(outcome)]));
  const added: string[] = [];
  const removed: string[] = [];
  const changed: string[] = [];
  if (written.cases !== undefined) {
    for (const [caseId, figures] of written.cases) {
      const again = byId.get(caseId);
      if (again === undefined) {
        removed.push(caseId);
        continue;
      }
      let differs = false;
      for (const [field, value] of figures) {
        if (same(field, value, again.get(field))) continue;
        differs = true;
        differences.push({ caseId, field, written: value, recomputed: again.get(field) ?? null });
      }
      if (differs) changed.push(caseId);
    }
    for (const id of byId.keys()) if (!written.cases.has(id)) added.push(id);
  }
  for (const [field, value] of written.totals)
    if (!same(field, value, now.totals.get(field)))
      differences.push({ field, written: value, recomputed: now.totals.get(field) ?? null });
  // A total recomputed that the result lacks (a new township) differs, where the result shows totals of its family.
  const family = (field: string) => (field.startsWith("totals.byTownship.") ? "byTownship" : "top");
  const shown = new Set([...written.totals.keys()].map(family));
  for (const [field, value] of now.totals)
    if (shown.has(family(field)) && !written.totals.has(field))
      differences.push({ field, written: null, recomputed: value });
  if (written.audit !== undefined && now.audit !== undefined) {
    for (const [field, value] of written.audit.lines)
      if (!same(field, value, now.audit.get(field)))
        differences.push({ field, written: value, recomputed: now.audit.get(field) ?? null });
    for (const [field, value] of now.audit)
      if (!written.audit.lines.has(field)) differences.push({ field, written: null, recomputed: value });
  }

  const inputOk = w.input.sha256 === r.input.sha256;
  checks.push({
    check: "input",
    ok: inputOk,
    written: `sha256:${w.input.sha256}`,
    recomputed: `sha256:${r.input.sha256}`,
    ...(inputOk || written.cases === undefined ? {} : { added, removed, changed }),
  });
  const amountsOk = differences.length === 0 && added.length === 0 && removed.length === 0;
  const counts = {
    written: { ...(written.cases === undefined ? {} : { cases: written.cases.size }), totals: written.totals.size },
    recomputed: { ...(written.cases === undefined ? {} : { cases: now.outcomes.length }), totals: now.totals.size },
  };
  checks.push({
    check: "amounts",
    ok: amountsOk,
    written: VERIFY_RECEIPT_WITH.shown(counts.written.cases, counts.written.totals).en,
    recomputed: VERIFY_RECEIPT_WITH.shown(counts.recomputed.cases, counts.recomputed.totals).en,
    differences,
    counts,
  });
  const versionOk = w.exitfund === r.exitfund;
  checks.push({
    check: "exitfund",
    ok: true,
    ...(versionOk ? {} : { notice: true }),
    written: w.exitfund,
    recomputed: r.exitfund,
  });
  return checks;
}

/** Shown in a line of text: a value of a difference, or (none). */
function shownValue(value: string | null, lang: Lang): string {
  return value === null ? say(VERIFY_RECEIPT.none, lang) : echoText(value, 200);
}

/** At most this many differences are listed in the text report (all in --format json). */
const LISTED = 200;

/** The text report in `lang`: one line per check, then each difference indented. */
export function reportText(checks: readonly ReceiptCheck[], lang: Lang): string {
  const lines: string[] = [];
  const colon = lang === "zh" ? "：" : ": ";
  // A receipt's identity (`tongzhou-2016 v1 sha256:…`) and a field's path are data: in a Chinese line, in backquotes.
  const code = (text: string) => (lang === "zh" ? `\`${text}\`` : text);
  for (const check of checks) {
    const mark = check.notice === true ? "!" : check.ok ? "✓" : "✗";
    const name = say(VERIFY_RECEIPT[check.check], lang);
    const value = (text: string, shown: Shown | undefined) =>
      shown === undefined ? code(echoText(text, 200)) : say(VERIFY_RECEIPT_WITH.shown(shown.cases, shown.totals), lang);
    if (check.ok && check.notice !== true) {
      lines.push(
        `${mark} ${name}${colon}${value(check.recomputed, check.counts?.recomputed)} — ${say(VERIFY_RECEIPT.matches, lang)}`,
      );
      continue;
    }
    if (check.check === "exitfund") {
      lines.push(
        `${mark} ${name}${colon}${say(VERIFY_RECEIPT_WITH.versionNotice(echoText(check.written), check.recomputed), lang)}`,
      );
      continue;
    }
    const differs = VERIFY_RECEIPT_WITH.differs(
      value(check.written, check.counts?.written),
      value(check.recomputed, check.counts?.recomputed),
    );
    lines.push(`${mark} ${name}${colon}${say(differs, lang)}`);
    const list = (title: (count: number) => Said, ids: readonly string[] | undefined) => {
      if (ids === undefined || ids.length === 0) return;
      const shown = ids.slice(0, 50).map((id) => echoText(id));
      lines.push(
        `    ${say(title(ids.length), lang)}${colon}${shown.join(lang === "zh" ? "、" : ", ")}${ids.length > 50 ? " …" : ""}`,
      );
    };
    list(VERIFY_RECEIPT_WITH.added, check.added);
    list(VERIFY_RECEIPT_WITH.removed, check.removed);
    list(VERIFY_RECEIPT_WITH.changed, check.changed);
    for (const difference of (check.differences ?? []).slice(0, LISTED))
      lines.push(
        `    ${difference.caseId === undefined ? "" : `${echoText(difference.caseId)} `}${code(echoText(difference.field))}${colon}${shownValue(difference.written, lang)} → ${shownValue(difference.recomputed, lang)}`,
      );
    const more = (check.differences?.length ?? 0) - LISTED;
    if (more > 0) lines.push(`    ${say(VERIFY_RECEIPT_WITH.more(more), lang)}`);
  }
  const failed = checks.filter((check) => !check.ok).length;
  lines.push(say(failed === 0 ? VERIFY_RECEIPT.checksOut : VERIFY_RECEIPT_WITH.failed(failed), lang));
  return `${lines.join("\n")}\n`;
}

/**
 * The receipt and figures of a result file (or of standard input for `-`): a workbook (by its bytes), NDJSON, or
 * a JSON document, its text decoded strictly as every input is (a byte that is not UTF-8 is refused at its place,
 * never replaced).
 */
export async function readWritten(given: string, io: CliIo): Promise<WrittenResult> {
  const file = given === "-" ? "(stdin)" : given;
  const bytes = given === "-" ? await readStdin(io) : await readBytes(given, io);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const read = await receiptOfWorkbook(bytes, file);
    sayNotices(io, read.notices);
    return read.result;
  }
  const text = decodeUtf8(bytes, file).replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  if (
    /\.(ndjson|jsonl)$/i.test(file) ||
    (lines.length > 1 && lines.every((line) => line.trimStart().startsWith("{")) && !text.trimStart().startsWith("{\n"))
  )
    return writtenOfNdjson(lines, file);
  return writtenOfJson(parseJsonText(text, file), file);
}

function receiptOf(value: unknown, where: string): Receipt {
  if (typeof value !== "object" || value === null || !Object.hasOwn(value, "receipt"))
    throw new InvalidInputError([
      {
        path: where,
        code: "no-receipt",
        message:
          "has no receipt: it was not written by an exitfund that signs its results (0.1.0 and later write a top-level receipt), or it was edited",
        zh: "没有回执：该文件不是由签署结果的 exitfund 写出的，或已被修改",
      },
    ]);
  const parsed = ReceiptSchema.safeParse((value as { receipt: unknown }).receipt);
  if (!parsed.success)
    throw new InvalidInputError(
      parsed.error.issues.map(
        (issue): InputIssue => ({
          path: `${where} › receipt${issue.path.map((key) => `.${String(key)}`).join("")}`,
          code: "bad-receipt",
          message: `the receipt is not one exitfund writes: ${issue.message}; expected { exitfund, programme, ruleSet: { id, version, sha256 }, input: { sha256 } }`,
          zh: "回执格式不符：应为 { exitfund, programme, ruleSet: { id, version, sha256 }, input: { sha256 } }",
        }),
      ),
    );
  return parsed.data as Receipt;
}

const AmountsSchema = z.object({ municipal: z.string(), district: z.string(), total: z.string() });
const OutcomeFiguresSchema = z.object({
  id: z.string(),
  amounts: AmountsSchema,
  track: z.string().optional(),
  eligible: z.boolean().optional(),
  findings: z.array(z.object({ code: z.string() })).optional(),
});

function casesOf(outcomes: readonly unknown[], where: (index: number) => string): Map<string, Figures> {
  const cases = new Map<string, Figures>();
  outcomes.forEach((outcome, index) => {
    const parsed = OutcomeFiguresSchema.safeParse(outcome);
    if (!parsed.success)
      throw new InvalidInputError([
        {
          path: where(index),
          code: "not-an-outcome",
          message: "is not an outcome exitfund writes (id, amounts { municipal, district, total })",
          zh: "不是 exitfund 写出的结果（编号、金额）",
        },
      ]);
    cases.set(parsed.data.id, figuresOf(parsed.data as never));
  });
  return cases;
}

function totalsMap(totals: unknown): Map<string, string> {
  const map = new Map<string, string>();
  const parsed = AmountsSchema.extend({ byTownship: z.record(z.string(), AmountsSchema).optional() }).safeParse(totals);
  if (!parsed.success) return map;
  for (const field of ["municipal", "district", "total"] as const) map.set(`totals.${field}`, parsed.data[field]);
  // The townships as written: a record drops a township "__proto__", whose figures would then read as missing.
  const byTownship = (totals as { readonly byTownship?: object }).byTownship ?? {};
  for (const [township, written] of Object.entries(byTownship)) {
    const amounts = AmountsSchema.safeParse(written);
    if (!amounts.success) continue;
    for (const field of ["municipal", "district", "total"] as const)
      map.set(`totals.byTownship.${township}.${field}`, amounts.data[field]);
  }
  return map;
}

function writtenOfJson(value: unknown, file: string): WrittenResult {
  const receipt = receiptOf(value, file);
  const document = value as { [key: string]: unknown };
  if (Array.isArray(document.results))
    return {
      kind: isVerification(document.results) ? "verify" : "compute",
      receipt,
      cases: casesOf(document.results, (index) => `${file} › results[${index}]`),
      totals: totalsMap(document.totals),
    };
  if (Array.isArray(document.reconciliation)) {
    const cases = new Map<string, Figures>();
    for (const entry of document.reconciliation as { caseId?: unknown; owed?: unknown }[]) {
      const owed = AmountsSchema.safeParse(entry.owed);
      if (typeof entry.caseId === "string" && owed.success)
        cases.set(
          entry.caseId,
          new Map((["municipal", "district", "total"] as const).map((field) => [`amounts.${field}`, owed.data[field]])),
        );
    }
    const totals = (document.totals ?? {}) as { owed?: unknown; paid?: unknown; difference?: unknown };
    const lines = new Map<string, string>();
    for (const field of ["owed", "paid", "difference"] as const)
      if (typeof totals[field] === "string") lines.set(`totals.${field}`, totals[field] as string);
    for (const one of (document.discrepancies ?? []) as {
      caseId?: string;
      type?: string;
      payer?: string;
      difference?: string;
    }[])
      lines.set(`discrepancies.${one.caseId}.${one.type}.${one.payer}`, String(one.difference));
    return {
      kind: "audit",
      receipt,
      cases,
      totals: new Map(typeof totals.owed === "string" ? [["totals.owed", totals.owed]] : []),
      audit: { tolerance: typeof document.tolerance === "string" ? document.tolerance : "0", lines },
    };
  }
  if (Array.isArray(document.groups) && typeof document.total === "string")
    return { kind: "budget", receipt, totals: new Map([["total", document.total]]) };
  if (typeof document.totals === "object" && document.totals !== null)
    return { kind: "totals", receipt, totals: totalsMap(document.totals) };
  throw new InvalidInputError([
    {
      path: file,
      code: "unknown-result",
      message: "is not a result verify-receipt checks: a compute, verify, audit, budget or totals document",
      zh: "不是可核对的结果：应为 compute、verify、audit、budget 或 totals 文档",
    },
  ]);
}

/**
 * A compute document whose results are all structure-clearance declarations is checked as a 核定 (verify): against
 * the declarations of its input (its input hash is of every case of the file, as for any result).
 */
function isVerification(results: readonly unknown[]): boolean {
  return (
    results.length > 0 && results.every((one) => (one as { kind?: unknown } | null)?.kind === "structure-clearance")
  );
}

function writtenOfNdjson(lines: readonly string[], file: string): WrittenResult {
  const last = lines.at(-1) ?? "";
  const summary = parseJsonText(last, `${file} line ${lines.length}`);
  const receipt = receiptOf(summary, `${file} line ${lines.length}`);
  const outcomes = lines.slice(0, -1).map((line, index) => parseJsonText(line, `${file} line ${index + 1}`));
  return {
    kind: "compute",
    receipt,
    cases: casesOf(outcomes, (index) => `${file} line ${index + 1}`),
    totals: totalsMap((summary as { totals?: unknown }).totals),
  };
}
