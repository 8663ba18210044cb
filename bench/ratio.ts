// `npm run bench`: exitfund end to end against JSON.parse, a naive decimal.js version of the same arithmetic and
// float64, as ratios measured side by side in one process (the review's method, ../shared/reviews/perf.md §1):
//   - deterministic data (bench/data.ts): structure items with 2–3-decimal quantities, and enterprise exits;
//   - the text is cut into short passes (10,000 items, 2,000 cases); each cycle times one pass of every method on
//     the same text, in an order that rotates from cycle to cycle, so the machine's noise falls on all alike;
//   - per cycle, the ratio of exitfund's speed to each other method's; the median of a block's cycles; the median
//     and range over the blocks;
//   - then every pass of the whole N is computed once more by exitfund and by the naive decimal.js code, and each
//     item fee (each case's amounts), each declaration's totals and the grand totals are compared.
// exitfund is the Node library path, as the CLI runs it: `parseJson` (exitfund/node's strict JSON: duplicate keys
// refused) + `computeTotals` (validated, computed, totals out; traces and outcomes off) with `sha256: nodeSha256`
// (exitfund/node: node:crypto) for the receipt. A fifth method, exitfund-core, is the same with the core's SHA-256 in
// TypeScript (what a browser gets), so that its cost is shown too. The exactness sweep reads `computeBatch`'s
// outcomes. The ratio is speed: exitfund/json-parse 0.5 means exitfund takes twice JSON.parse's time.
//   npx tsx bench/ratio.ts [--n 1000000] [--cases 200000] [--blocks 3] [--cycles 9]
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import Decimal from "decimal.js";
import { computeBatch, computeTotals } from "../src/batch/compute.js";
import { parseJson } from "../src/node/formats/json.js";
import { nodeSha256 } from "../src/node/sha256.js";
import { defaultRuleSet } from "../src/rule-sets/index.js";
import { declarations, enterpriseCases, ITEMS_PER_DECLARATION } from "./data.js";
import { D, inForce, naiveClearance, naiveEnterprise, type Json, type NaiveDeclaration } from "./naive.js";

const { values: args } = parseArgs({
  options: {
    n: { type: "string", default: "1000000" },
    cases: { type: "string" },
    blocks: { type: "string", default: "3" },
    cycles: { type: "string", default: "9" },
  },
});
const N_ITEMS = Number(args.n);
const N_CASES = Number(args.cases ?? Math.max(2_000, Math.round(N_ITEMS / 5)));
const BLOCKS = Number(args.blocks);
const CYCLES = Number(args.cycles);
const ITEMS_PER_PASS = 10_000;
const CASES_PER_PASS = 2_000;
const ruleSet = defaultRuleSet;

// ---------------------------------------------------------------------------------------------------------------
// float64: parseFloat, round half up by floor(x·100 + 0.5)/100, float sums.

function floatClearance(cases: readonly Json[]): { fees: number[]; total: number } {
  const fees: number[] = [];
  let total = 0;
  for (const c of cases) {
    const on = c.declaredOn as string;
    const rates = inForce("clearance.rates", on) as { [type: string]: { rate: string } };
    const cutoff = inForce("clearance.cutoffDate", on) as string;
    const requireSurvey = inForce("clearance.requireSurvey", on) as boolean;
    for (const item of c.items as Json[]) {
      const survey = item.survey as Json | undefined;
      const type = (survey?.structureType as string | undefined) ?? (item.structureType as string);
      const declared = parseFloat(item.quantity as string);
      const quantity =
        item.builtOn !== undefined && (item.builtOn as string) > cutoff
          ? 0
          : survey === undefined
            ? requireSurvey
              ? 0
              : declared
            : Math.min(declared, parseFloat(survey.quantity as string));
      const fee = Math.floor(parseFloat(rates[type]?.rate as string) * quantity * 100 + 0.5) / 100;
      fees.push(fee);
      total += fee;
    }
  }
  return { fees, total };
}

function floatEnterprise(cases: readonly Json[]): { amounts: number[]; total: number } {
  const amounts: number[] = [];
  let total = 0;
  const r = (x: number) => Math.floor(x * 100 + 0.5) / 100;
  const scaleAt = (scale: { brackets: { threshold: string; rate?: string }[] }, x: number) => {
    let sum = 0;
    scale.brackets.forEach((bracket, index) => {
      const threshold = parseFloat(bracket.threshold);
      if (x <= threshold) return;
      const next = scale.brackets[index + 1];
      sum +=
        (Math.min(x, next === undefined ? x : parseFloat(next.threshold)) - threshold) *
        parseFloat(bracket.rate ?? "0");
    });
    return sum;
  };
  for (const c of cases) {
    const on = c.exitCompletedOn as string;
    const a = c.acceptance as { [flag: string]: boolean };
    let amount = 0;
    if (c.licensed === true && a.equipmentRemoved && a.licenceChangedOrCancelled && a.staffResettled) {
      let raw = 0;
      if (c.municipalAssessedAmount !== undefined) raw = parseFloat(c.municipalAssessedAmount as string);
      else {
        raw = parseFloat(c.energySavedTce as string) * parseFloat(inForce("reward.municipal.ratePerTce", on) as string);
        const perTonne = inForce("reward.municipal.ratePerTonne", on) as { [pollutant: string]: string };
        for (const [pollutant, tonnes] of Object.entries((c.pollutantsReducedTonnes ?? {}) as Json))
          raw += parseFloat(tonnes as string) * parseFloat(perTonne[pollutant] as string);
      }
      const standard = Math.min(raw, parseFloat(inForce("reward.municipal.max", on) as string));
      const meets = raw >= parseFloat(inForce("reward.municipal.min", on) as string);
      if (c.scale === "above" && meets && (c.municipalOutcome === "granted" || c.municipalOutcome === "pending"))
        amount = r(standard);
      else if (meets && c.recommendedByDistrict === true)
        amount = r(parseFloat(inForce("reward.district.supplementRate", on) as string) * r(standard));
      else {
        type ScaleJson = Parameters<typeof scaleAt>[0];
        const taxes = Object.values((c.priorYearTax ?? {}) as Json).reduce<number>(
          (s, t) => s + parseFloat(t as string),
          0,
        );
        const sum =
          r(scaleAt(inForce("reward.small.taxScale", on) as ScaleJson, taxes)) +
          r(scaleAt(inForce("reward.small.employeeScale", on) as ScaleJson, c.employees as number)) +
          r(scaleAt(inForce("reward.small.landScale", on) as ScaleJson, parseFloat(c.landAreaM2 as string)));
        amount = r(
          Math.min(
            parseFloat((inForce("reward.small.cap", on) as { [m: string]: string })[c.exitMode as string] as string),
            sum,
          ),
        );
      }
    }
    amounts.push(amount);
    total += amount;
  }
  return { amounts, total };
}

// ---------------------------------------------------------------------------------------------------------------
// exitfund end to end.

/** Totals out: `computeTotals` (the fast path without outcomes), the receipt hashed by node:crypto. */
function exitfund(text: string) {
  return computeTotals(parseJson(text, "bench.json") as unknown[], { ruleSet, sha256: nodeSha256 });
}

/** The same with the core's SHA-256 (TypeScript), as in a browser. */
function exitfundCore(text: string) {
  return computeTotals(parseJson(text, "bench.json") as unknown[], { ruleSet });
}

/** Outcomes out (for the exactness sweep): `computeBatch` with traces off. */
function exitfundOutcomes(text: string) {
  return computeBatch(parseJson(text, "bench.json") as unknown[], { ruleSet, trace: false });
}

// ---------------------------------------------------------------------------------------------------------------
// The harness.

type Method = "exitfund" | "exitfund-core" | "json-parse" | "naive-decimal" | "float64";
const METHODS: readonly Method[] = ["exitfund", "exitfund-core", "json-parse", "naive-decimal", "float64"];
const OTHERS: readonly Exclude<Method, "exitfund">[] = ["exitfund-core", "json-parse", "naive-decimal", "float64"];

let sink = 0;
function consume(value: unknown): void {
  sink += value === undefined ? 0 : 1;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const fixed = (x: number) => (x >= 10 ? x.toFixed(1) : x.toFixed(2));

interface Kind {
  readonly title: string;
  readonly unit: string;
  readonly perPass: number;
  readonly texts: readonly string[];
  readonly run: (method: Method, text: string) => unknown;
  /** Exact results of the whole N: how many units equal the naive ones, float64's misses, and the detail line. */
  readonly exactness: () => { exact: number; total: number; floatWrong: number; lines: string[] };
}

function measure(kind: Kind): void {
  const units = kind.texts.length * kind.perPass;
  console.log(`\n=== ${kind.title} ===`);
  console.log(
    `${units.toLocaleString("en")} ${kind.unit} in ${kind.texts.length} passes of ${kind.perPass.toLocaleString("en")}; ${BLOCKS} blocks × ${CYCLES} cycles, methods alternating`,
  );
  // Warm every method up on the first pass (JIT) before anything is timed.
  for (let warm = 0; warm < 3; warm += 1)
    for (const method of METHODS) consume(kind.run(method, kind.texts[0] as string));
  const blockRatios: { [M in Exclude<Method, "exitfund">]: number[] } = {
    "exitfund-core": [],
    "json-parse": [],
    "naive-decimal": [],
    float64: [],
  };
  const rates: { [M in Method]: number[] } = {
    exitfund: [],
    "exitfund-core": [],
    "json-parse": [],
    "naive-decimal": [],
    float64: [],
  };
  // exitfund-core against the others, per cycle and per block (the core's SHA-256 in TypeScript).
  const coreBlocks: { [M in "json-parse" | "naive-decimal"]: number[] } = { "json-parse": [], "naive-decimal": [] };
  let pass = 0;
  for (let block = 0; block < BLOCKS; block += 1) {
    const cycleRatios: { [M in Exclude<Method, "exitfund">]: number[] } = {
      "exitfund-core": [],
      "json-parse": [],
      "naive-decimal": [],
      float64: [],
    };
    const coreCycles: { [M in "json-parse" | "naive-decimal"]: number[] } = { "json-parse": [], "naive-decimal": [] };
    for (let cycle = 0; cycle < CYCLES; cycle += 1) {
      const text = kind.texts[pass % kind.texts.length] as string;
      pass += 1;
      const times = {} as { [M in Method]: number };
      const shift = (block * CYCLES + cycle) % METHODS.length;
      const order = [...METHODS.slice(shift), ...METHODS.slice(0, shift)];
      for (const method of cycle % 2 === 0 ? order : order.reverse()) {
        const start = performance.now();
        consume(kind.run(method, text));
        times[method] = performance.now() - start;
      }
      for (const method of METHODS) rates[method].push(kind.perPass / times[method]);
      for (const other of OTHERS) cycleRatios[other].push(times[other] / times.exitfund);
      coreCycles["json-parse"].push(times["json-parse"] / times["exitfund-core"]);
      coreCycles["naive-decimal"].push(times["naive-decimal"] / times["exitfund-core"]);
    }
    for (const other of OTHERS) blockRatios[other].push(median(cycleRatios[other]));
    for (const other of ["json-parse", "naive-decimal"] as const) coreBlocks[other].push(median(coreCycles[other]));
  }
  console.log("");
  console.log(
    `| method | k ${kind.unit}/s, median [range] over cycles | exitfund / method, median [range] over blocks |`,
  );
  console.log("|---|---:|---:|");
  for (const method of METHODS) {
    const r = rates[method];
    const ratio =
      method === "exitfund"
        ? "—"
        : `${blockRatios[method].map(fixed).length > 0 ? fixed(median(blockRatios[method])) : ""} [${fixed(Math.min(...blockRatios[method]))}–${fixed(Math.max(...blockRatios[method]))}]`;
    console.log(
      `| ${method} | ${median(r).toFixed(0)} [${Math.min(...r).toFixed(0)}–${Math.max(...r).toFixed(0)}] | ${ratio} |`,
    );
  }
  const check = kind.exactness();
  console.log("");
  for (const line of check.lines) console.log(line);
  console.log(
    `float64: ${check.floatWrong.toLocaleString("en")} of ${check.total.toLocaleString("en")} ${kind.unit} differ from the exact amounts`,
  );
  console.log("");
  console.log(
    `with the core's SHA-256 (TypeScript, as in a browser): exitfund-core/json-parse: ${median(coreBlocks["json-parse"]).toFixed(3)} [${fixed(Math.min(...coreBlocks["json-parse"]))}–${fixed(Math.max(...coreBlocks["json-parse"]))}], exitfund-core/naive-decimal: ${median(coreBlocks["naive-decimal"]).toFixed(3)} [${fixed(Math.min(...coreBlocks["naive-decimal"]))}–${fixed(Math.max(...coreBlocks["naive-decimal"]))}]`,
  );
  console.log("");
  console.log(`exitfund/json-parse: ${median(blockRatios["json-parse"]).toFixed(3)}`);
  console.log(`exitfund/naive-decimal: ${median(blockRatios["naive-decimal"]).toFixed(3)}`);
  console.log(`exitfund/float64: ${median(blockRatios.float64).toFixed(3)}`);
  console.log(`exact: ${check.exact}/${check.total}`);
}

const fen = (x: Decimal) => x.times(100).toFixed(0);

function itemsKind(): Kind {
  const texts: string[] = [];
  const passes = Math.max(1, Math.ceil(N_ITEMS / ITEMS_PER_PASS));
  const perPassDeclarations = ITEMS_PER_PASS / ITEMS_PER_DECLARATION;
  for (let k = 0; k < passes; k += 1)
    texts.push(JSON.stringify(declarations(ITEMS_PER_PASS, 20_160_614 + k, k * perPassDeclarations)));
  return {
    title: `structure items (structure-clearance declarations of ${ITEMS_PER_DECLARATION} items)`,
    unit: "items",
    perPass: ITEMS_PER_PASS,
    texts,
    run(method, text) {
      if (method === "exitfund") return exitfund(text).totals;
      if (method === "exitfund-core") return exitfundCore(text).totals;
      const cases = JSON.parse(text) as Json[];
      if (method === "json-parse") return cases;
      if (method === "naive-decimal") return naiveClearance(cases).total;
      return floatClearance(cases).total;
    },
    exactness() {
      let items = 0;
      let exactItems = 0;
      let declarationsDiffering = 0;
      let floatWrong = 0;
      let naiveTotal = new D(0);
      let exitfundTotal = new D(0);
      for (const text of texts) {
        const cases = JSON.parse(text) as Json[];
        const naive = naiveClearance(cases);
        const floats = floatClearance(cases);
        const document = exitfundOutcomes(text);
        if (document.errors.length > 0)
          throw new Error(`exitfund refused the bench data: ${JSON.stringify(document.errors[0])}`);
        let f = 0;
        document.results.forEach((outcome, index) => {
          const reference = naive.declarations[index] as NaiveDeclaration;
          const detail = outcome.detail as unknown as { items: { fee: string }[]; totals: { [k: string]: string } };
          const totalsEqual =
            detail.totals.declared === reference.declared.toFixed(2) &&
            detail.totals.approved === reference.approved.toFixed(2) &&
            detail.totals.difference === reference.difference.toFixed(2);
          if (!totalsEqual) declarationsDiffering += 1;
          detail.items.forEach((item, i) => {
            const exactFee = reference.fees[i] as Decimal;
            items += 1;
            if (totalsEqual && item.fee === exactFee.toFixed(2)) exactItems += 1;
            if (Math.round((floats.fees[f] as number) * 100) !== Number(fen(exactFee))) floatWrong += 1;
            f += 1;
          });
        });
        naiveTotal = naiveTotal.plus(naive.total);
        exitfundTotal = exitfundTotal.plus(document.totals.total);
      }
      const totalsEqual = naiveTotal.eq(exitfundTotal);
      return {
        exact: totalsEqual ? exactItems : 0,
        total: items,
        floatWrong,
        lines: [
          `exitfund against naive decimal.js: ${exactItems.toLocaleString("en")} of ${items.toLocaleString("en")} item fees equal, ${declarationsDiffering} declarations with other totals; grand total ${exitfundTotal.toFixed(2)} (naive ${naiveTotal.toFixed(2)}: ${totalsEqual ? "equal" : "DIFFERENT"})`,
        ],
      };
    },
  };
}

function casesKind(): Kind {
  const texts: string[] = [];
  const passes = Math.max(1, Math.ceil(N_CASES / CASES_PER_PASS));
  for (let k = 0; k < passes; k += 1) texts.push(JSON.stringify(enterpriseCases(CASES_PER_PASS, k * CASES_PER_PASS)));
  return {
    title: "enterprise cases (enterprise-exit)",
    unit: "cases",
    perPass: CASES_PER_PASS,
    texts,
    run(method, text) {
      if (method === "exitfund") return exitfund(text).totals;
      if (method === "exitfund-core") return exitfundCore(text).totals;
      const cases = JSON.parse(text) as Json[];
      if (method === "json-parse") return cases;
      if (method === "naive-decimal") return naiveEnterprise(cases).total;
      return floatEnterprise(cases).total;
    },
    exactness() {
      let count = 0;
      let exact = 0;
      let floatWrong = 0;
      let naiveTotal = new D(0);
      let exitfundTotal = new D(0);
      for (const text of texts) {
        const cases = JSON.parse(text) as Json[];
        const naive = naiveEnterprise(cases);
        const floats = floatEnterprise(cases);
        const document = exitfundOutcomes(text);
        if (document.errors.length > 0)
          throw new Error(`exitfund refused the bench data: ${JSON.stringify(document.errors[0])}`);
        document.results.forEach((outcome, index) => {
          const [municipal, district] = naive.amounts[index] as [Decimal, Decimal];
          count += 1;
          if (outcome.amounts.municipal === municipal.toFixed(2) && outcome.amounts.district === district.toFixed(2))
            exact += 1;
          if (Math.round((floats.amounts[index] as number) * 100) !== Number(fen(municipal.plus(district))))
            floatWrong += 1;
        });
        naiveTotal = naiveTotal.plus(naive.total);
        exitfundTotal = exitfundTotal.plus(document.totals.total);
      }
      const totalsEqual = naiveTotal.eq(exitfundTotal);
      return {
        exact: totalsEqual ? exact : 0,
        total: count,
        floatWrong,
        lines: [
          `exitfund against naive decimal.js: ${exact.toLocaleString("en")} of ${count.toLocaleString("en")} cases with equal amounts; grand total ${exitfundTotal.toFixed(2)} (naive ${naiveTotal.toFixed(2)}: ${totalsEqual ? "equal" : "DIFFERENT"})`,
        ],
      };
    },
  };
}

const cpu = process.cpuUsage();
const started = performance.now();
console.log(
  `exitfund ratio bench · node ${process.version} · load average ${(await import("node:os"))
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
measure(itemsKind());
measure(casesKind());
const used = process.cpuUsage(cpu);
console.error(
  `\n(${((performance.now() - started) / 1000).toFixed(1)} s wall, ${((used.user + used.system) / 1e6).toFixed(1)} s CPU${sink < 0 ? "" : ""})`,
);
