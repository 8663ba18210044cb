import type { AuditDocument } from "../../audit/types.js";
import { FINDING_LABELS } from "../labels.js";
import { budget, caseYears, type BudgetDimension, type BudgetDocument } from "../../batch/budget.js";
import { summarize, type ComputeDocument } from "../../batch/compute.js";
import type { Payer } from "../../trace/types.js";
import { ZERO, type Dec } from "../../money/decimal.js";
import { toMoneyString } from "../../money/round.js";
import type { RuleSet } from "../../parameters/types.js";
import type { CaseFacts } from "../../rules/domain.js";
import { parseCase } from "../../rules/evaluate.js";
import { explain } from "../../rules/explain.js";
import type { Programme } from "../../rules/programme.js";
import type { Amounts, OutcomeBase, Status } from "../../trace/types.js";
import type { Label } from "../../vocabulary.js";
import { declarationView } from "../xlsx/verificationView.js";

/**
 * 报告数据 · what the report page shows, as plain data: every figure is taken from the library's documents
 * (`computeBatch`, `budget`, `verify`'s outcomes, `auditOutcomes`), never computed a second way.
 */
export interface ReportData {
  readonly title: string;
  readonly ruleSet: RuleSet;
  readonly programme: Programme;
  readonly document: ComputeDocument;
  /** The weakest status of any outcome: the page warns when it is not official. */
  readonly basis: Status;
  readonly byPayer: readonly AmountRow[];
  readonly byTownship: readonly PayerRow[];
  readonly byKind: readonly PayerRow[];
  readonly byYear: readonly AmountRow[];
  readonly byTrack: readonly AmountRow[];
  readonly verification?: VerificationSummary;
  readonly audit?: AuditDocument;
  readonly allocation?: AllocationSummary;
  readonly cases: CaseTable;
}

/** One row of a table with one amount: its key, label and the amount (a money string). */
export interface AmountRow {
  readonly key: string;
  readonly label: Label;
  readonly amount: string;
}

/** One row with the municipal, district and total amounts. */
export interface PayerRow {
  readonly key: string;
  readonly label: Label;
  readonly amounts: Amounts;
  readonly cases: number;
}

/** Declared vs approved per township, findings by type. */
export interface VerificationSummary {
  readonly declarations: number;
  readonly items: number;
  readonly itemsWithFindings: number;
  readonly byTownship: readonly {
    readonly township: string;
    readonly declarations: number;
    readonly declared: string;
    readonly approved: string;
    readonly difference: string;
  }[];
  readonly totals: { readonly declared: string; readonly approved: string; readonly difference: string };
  readonly findings: readonly { readonly code: string; readonly label: Label; readonly items: number }[];
}

/** The capped allocation rolled up by township, with the budget document it comes from. */
export interface AllocationSummary {
  readonly document: BudgetDocument;
  readonly byTownship: readonly {
    readonly township: string;
    readonly owed: string;
    readonly allocated: string;
    readonly shortfall: string;
  }[];
}

/** The case table: the first `limit` cases in input order with their explanations, and how many are not listed. */
export interface CaseTable {
  readonly rows: readonly CaseRow[];
  readonly total: number;
  readonly limit: number;
}

export interface CaseRow {
  readonly outcome: OutcomeBase;
  readonly kind: Label;
  readonly track?: Label;
  readonly allocated?: string;
  readonly zh: string;
  readonly en: string;
}

/** Options of {@link reportData}. */
export interface ReportOptions {
  readonly ruleSet: RuleSet;
  readonly programme: Programme;
  /** The compute document of the cases (every case valid). */
  readonly document: ComputeDocument;
  /** The parsed cases, for their budget years (`caseYears`). */
  readonly facts: readonly CaseFacts[];
  readonly audit?: AuditDocument;
  readonly cap?: { readonly amount: string; readonly payer: Payer };
  /** At most this many cases are listed with their explanation (default {@link CASE_LIMIT}). */
  readonly caseLimit?: number;
  readonly title?: string;
}

/** Cases listed with their explanations by default: beyond, the page says how many more there are and where to get them. */
export const CASE_LIMIT = 5000;

const PAYER_ROW_LABELS: { readonly [P in Payer]: Label } = {
  municipal: { zh: "市级", en: "municipal" },
  district: { zh: "区级", en: "district" },
};

/** The parsed facts of valid cases (the budget year of each comes from them). */
export function factsOf(cases: readonly unknown[], programme: Programme, ruleSet: RuleSet): CaseFacts[] {
  return cases.flatMap((input) => {
    const one = parseCase(programme, input, ruleSet);
    return one.ok ? [one.value] : [];
  });
}

/** The report's data from the documents the library computed. */
export function reportData(options: ReportOptions): ReportData {
  const { ruleSet, programme, document } = options;
  const outcomes = document.results;
  const money = (value: Dec) => toMoneyString(value, ruleSet.rounding);
  const common = { programme, rounding: ruleSet.rounding, ruleSet: document.ruleSet };
  const years = caseYears(options.facts, programme);
  const roll = (by: readonly BudgetDimension[]) => budget(outcomes, { ...common, by, years });
  const byPayer = roll(["payer"]).groups.map((group) => {
    const payer = group.key.payer ?? "municipal";
    return { key: payer, label: PAYER_ROW_LABELS[payer], amount: group.amount };
  });
  const counts = new Map<string, number>();
  for (const outcome of outcomes) counts.set(outcome.township, (counts.get(outcome.township) ?? 0) + 1);
  const byTownship = roll(["township"]).groups.map((group) => {
    const township = group.key.township ?? "";
    const amounts = Object.hasOwn(document.totals.byTownship, township)
      ? document.totals.byTownship[township]
      : undefined;
    return {
      key: township,
      label: { zh: township, en: township },
      amounts: amounts ?? { municipal: "0", district: "0", total: group.amount },
      cases: counts.get(township) ?? 0,
    };
  });
  const byKind = programme.domains.flatMap((domain) => {
    const ofKind = outcomes.filter((outcome) => outcome.kind === domain.kind);
    return ofKind.length === 0
      ? []
      : [{ key: domain.kind, label: domain.labels, amounts: summarize(ofKind, ruleSet), cases: ofKind.length }];
  });
  const byYear = roll(["year"]).groups.map((group) => ({
    key: String(group.key.year),
    label: { zh: `${group.key.year}年`, en: String(group.key.year) },
    amount: group.amount,
  }));
  const byTrack = roll(["track"]).groups.map((group) => ({
    key: group.key.track ?? "",
    label: lineLabel(programme, group.key.track ?? ""),
    amount: group.amount,
  }));
  const allocation = options.cap === undefined ? undefined : allocationOf(outcomes, options, years, money);
  const shares = new Map((allocation?.document.allocation?.shares ?? []).map((share) => [share.caseId, share]));
  const limit = options.caseLimit ?? CASE_LIMIT;
  return {
    title: options.title ?? "产业调整退出资金报告 · Industry-exit fund report",
    ruleSet,
    programme,
    document,
    basis: weakest(outcomes.map((outcome) => outcome.basis)),
    byPayer,
    byTownship,
    byKind,
    byYear,
    byTrack,
    ...(outcomes.some((outcome) => outcome.kind === "structure-clearance")
      ? { verification: verificationOf(outcomes, money) }
      : {}),
    ...(options.audit === undefined ? {} : { audit: options.audit }),
    ...(allocation === undefined ? {} : { allocation }),
    cases: {
      total: outcomes.length,
      limit,
      rows: outcomes.slice(0, limit).map((outcome) => {
        const entry = programme.entry(outcome.kind)?.domain;
        const track =
          outcome.track !== undefined && entry?.tracks !== undefined && Object.hasOwn(entry.tracks, outcome.track)
            ? entry.tracks[outcome.track]
            : undefined;
        const share = shares.get(outcome.id);
        // The account without its trace steps (the figures and their parameters are in `compute --explain`).
        const brief = { ...outcome, trace: [] };
        return {
          outcome,
          kind: entry?.labels ?? { zh: outcome.kind, en: outcome.kind },
          ...(track === undefined ? {} : { track }),
          ...(share === undefined ? {} : { allocated: share.allocated }),
          zh: explain(brief, { lang: "zh", programme, ruleSet }),
          en: explain(brief, { lang: "en", programme, ruleSet }),
        };
      }),
    },
  };
}

/** The label of a budget line: a track of a domain, or a kind (its own line). */
function lineLabel(programme: Programme, line: string): Label {
  for (const domain of programme.domains) {
    if (domain.tracks !== undefined && Object.hasOwn(domain.tracks, line)) return domain.tracks[line] as Label;
    if (domain.kind === line) return domain.labels;
  }
  return { zh: line, en: line };
}

const STATUS_ORDER: readonly Status[] = ["illustrative", "reported", "official"];

function weakest(statuses: readonly Status[]): Status {
  return STATUS_ORDER.find((status) => statuses.includes(status)) ?? "official";
}

/** Declared vs approved per township and findings by code, from the verification view of each declaration. */
function verificationOf(outcomes: readonly OutcomeBase[], money: (value: Dec) => string): VerificationSummary {
  const views = outcomes.filter((outcome) => outcome.kind === "structure-clearance").map(declarationView);
  const townships = new Map<string, { declarations: number; declared: Dec; approved: Dec }>();
  const findings = new Map<string, { label: Label; items: number }>();
  let items = 0;
  let itemsWithFindings = 0;
  for (const view of views) {
    const sums = townships.get(view.township) ?? { declarations: 0, declared: ZERO, approved: ZERO };
    townships.set(view.township, {
      declarations: sums.declarations + 1,
      declared: sums.declared.plus(view.totals.declared),
      approved: sums.approved.plus(view.totals.approved),
    });
    for (const item of view.items) {
      items += 1;
      if (item.findings.length > 0) itemsWithFindings += 1;
      for (const finding of new Map(item.findings.map((f) => [f.code, f])).values()) {
        const seen = findings.get(finding.code);
        findings.set(finding.code, {
          label: seen?.label ?? findingLabel(finding.code),
          items: (seen?.items ?? 0) + 1,
        });
      }
    }
  }
  const declared = [...townships.values()].reduce((sum, row) => sum.plus(row.declared), ZERO);
  const approved = [...townships.values()].reduce((sum, row) => sum.plus(row.approved), ZERO);
  return {
    declarations: views.length,
    items,
    itemsWithFindings,
    byTownship: [...townships.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([township, row]) => ({
        township,
        declarations: row.declarations,
        declared: money(row.declared),
        approved: money(row.approved),
        difference: money(row.approved.minus(row.declared)),
      })),
    totals: { declared: money(declared), approved: money(approved), difference: money(approved.minus(declared)) },
    findings: [...findings.entries()]
      .map(([code, row]) => ({ code, ...row }))
      .sort((a, b) => b.items - a.items || (a.code < b.code ? -1 : 1)),
  };
}

function findingLabel(code: string): Label {
  return FINDING_LABELS.get(code) ?? { zh: code, en: code };
}

/** The budget command's allocation (`budget` with `cap` and `payer`), rolled up by township. */
function allocationOf(
  outcomes: readonly OutcomeBase[],
  options: ReportOptions,
  years: { readonly [caseId: string]: number },
  money: (value: Dec) => string,
): AllocationSummary {
  const cap = options.cap as NonNullable<ReportOptions["cap"]>;
  const document = budget(outcomes, {
    by: ["township"],
    cap: cap.amount,
    payer: cap.payer,
    years,
    programme: options.programme,
    rounding: options.ruleSet.rounding,
    ruleSet: options.ruleSet,
  });
  const townshipOf = new Map(outcomes.map((outcome) => [outcome.id, outcome.township]));
  const sums = new Map<string, { owed: Dec; allocated: Dec }>();
  for (const share of document.allocation?.shares ?? []) {
    const township = townshipOf.get(share.caseId) ?? "";
    const row = sums.get(township) ?? { owed: ZERO, allocated: ZERO };
    sums.set(township, { owed: row.owed.plus(share.owed), allocated: row.allocated.plus(share.allocated) });
  }
  return {
    document,
    byTownship: [...sums.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([township, row]) => ({
        township,
        owed: money(row.owed),
        allocated: money(row.allocated),
        shortfall: money(row.owed.minus(row.allocated)),
      })),
  };
}
