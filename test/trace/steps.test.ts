import { readFileSync } from "node:fs";
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { computeBatch } from "../../src/batch/compute.js";
import { defaultProgramme } from "../../src/rules/default.js";
import { explain } from "../../src/rules/explain.js";
import { catalogsOf } from "../../src/rules/programme.js";
import { stepTemplate } from "../../src/trace/explain.js";
import type { Json, OutcomeBase, TraceStep } from "../../src/trace/types.js";

const sample = JSON.parse(
  readFileSync(new URL("../../examples/tongzhou-2016/cases.json", import.meta.url), "utf8"),
) as {
  readonly cases: readonly { readonly id: string; readonly kind: string }[];
};
const catalogs = catalogsOf(defaultProgramme);
const outcomes: readonly OutcomeBase[] = computeBatch(sample.cases).results;
const byId = new Map(outcomes.map((outcome) => [outcome.id, outcome]));
const of = (id: string): OutcomeBase => {
  const outcome = byId.get(id);
  if (outcome === undefined) throw new Error(`no case ${id} in the sample`);
  return outcome;
};
const lines = (id: string, lang: "zh" | "en" = "zh") => explain(of(id), { lang }).split("\n");
/** The line that contains `text` (one must). */
const line = (id: string, text: string, lang: "zh" | "en" = "zh") => {
  const found = lines(id, lang).find((candidate) => candidate.includes(text));
  expect(found, `${id}: a line with ${text}`).toBeDefined();
  return found ?? "";
};

describe("explain: step sentences, parameters and conditions (hand-checked on the sample)", () => {
  it("an enterprise exit on the small-enterprise track (E-2016-0009)", () => {
    // 291.8 × 1,200 = 350,160; 2.08 × 20,000 = 41,600; 350,160 + 41,600 = 391,760.
    expect(line("E-2016-0009", "市级奖励测算额")).toContain(
      "：节能量 291.8 吨标准煤 × 1,200 元/吨标准煤 + 氮氧化物减排 2.08 吨 × 20,000 元/吨 = 391,760.00 元",
    );
    expect(line("E-2016-0009", "市级奖励标准额")).toContain(
      "min(测算额 391,760.00 元, 上限 3,000,000.00 元) = 391,760.00 元",
    );
    expect(line("E-2016-0009", "条件「达到市级起奖额度」")).toContain(
      "条件「达到市级起奖额度」：不满足（391,760.00 元 < 500,000.00 元） → 不适用市级奖励",
    );
    expect(line("E-2016-0009", "条件「持有营业执照」")).toContain("条件「持有营业执照」：满足 → 可获奖励");
    // 659,416.34 + 181,085.87 + 173,984.48 = 1,014,486.69; only the first 300,000 counts, at 1.
    expect(line("E-2016-0009", "小企业综合奖励·税收贡献：")).toContain(
      "增值税 659,416.34 元 + 企业所得税 181,085.87 元 + 其他税收 173,984.48 元 = 1,014,486.69 元；0–300,000 元部分 300,000 × 1 + 300,000 元以上部分 714,486.69 × 0 = 300,000.00 元",
    );
    // 50 × 3,000 = 150,000; 5,000 × 30 = 150,000.
    expect(line("E-2016-0009", "小企业综合奖励·用工人数：")).toContain(
      "用工人数 129；0–50 人部分 50 × 3,000 + 50 人以上部分 79 × 0 = 150,000.00 元",
    );
    expect(line("E-2016-0009", "区级小企业综合奖励金额")).toContain(
      "min(税收贡献 300,000.00 + 用工人数 150,000.00 + 占地规模 150,000.00 = 600,000.00 元, 上限 600,000.00 元) = 600,000.00 元",
    );
    expect(line("E-2016-0009", "参数「市级奖励·每吨标准煤」")).toBe(
      "     参数「市级奖励·每吨标准煤」1,200 元/吨标准煤，自 2016-01-01 起，示例值（非官方数字，仅供测算）",
    );
    expect(line("E-2016-0009", "参数「市级奖励上限」")).toContain(
      "参数「市级奖励上限」3,000,000 元，自 2016-01-01 起，媒体报道，来源：京华时报 (S1)，依据：京华时报 (S1): 市级奖励“奖励额度为50万元至300万元”",
    );
    expect(line("E-2016-0009", "参数「退出完成时限·京哈高速以北」")).toContain("官方文件，来源：《实施方案》 (S0)");
  });

  it("an enterprise exit on the district supplement (E-2016-0004), and in English", () => {
    // 1,589,880.00 × 0.7 = 1,112,916.00
    expect(line("E-2016-0004", "区级奖励（比照市级标准）：")).toContain(
      "市级标准金额 1,589,880.00 元 × 比照比例 0.7 = 1,112,916.00 元",
    );
    expect(line("E-2016-0004", "(reward.districtSupplement)", "en")).toContain(
      "municipal standard amount 1,589,880.00 yuan × supplement rate 0.7 = 1,112,916.00 yuan",
    );
    expect(line("E-2016-0004", 'Condition "recommended by the district"', "en")).toContain(
      'Condition "recommended by the district": met → district supplement applies',
    );
  });

  it("a municipal reward cut to the cap (E-2016-0015)", () => {
    expect(line("E-2016-0015", "市级奖励标准额")).toContain(
      "min(测算额 3,902,560.00 元, 上限 3,000,000.00 元) = 3,000,000.00 元",
    );
    expect(line("E-2016-0015", "条件「市级奖励获批准」")).toContain("满足 → 适用市级奖励");
  });

  it("a clearance item approved as another type (C-0001 item 069) and one cut to the survey (item 023)", () => {
    // 24.9 × 25 = 622.50 declared; approved as hardened ground 24.9 × 20 = 498.00.
    expect(line("C-0001", "[069] 简易房")).toContain(
      "[069] 简易房 24.9 ㎡ × 25 元/㎡ = 622.50 元（申报金额 622.50 元，一致）",
    );
    expect(line("C-0001", "[069] 核定")).toContain(
      "[069] 核定 硬化地面 24.9 ㎡ × 20 元/㎡ = 498.00 元（申报 简易房 24.9 ㎡，核定测量 硬化地面 24.9 ㎡，见需关注）",
    );
    // 18.5 × 40 = 740.00
    expect(line("C-0001", "[023] 核定")).toContain("[023] 核定 围墙 18.5 米 × 40 元/米 = 740.00 元");
    expect(line("C-0001", "参数「腾地经费标准·硬化地面」")).toContain("20 元/㎡，自 2016-01-01 起，示例值");
    expect(line("C-0001", "差额（核定 − 申报）")).toContain(
      "核定 1,757,510.50 元 − 申报 1,862,982.08 元 = -105,471.58 元",
    );
  });

  it("a village collective's lost rent, rounded (V-0001 lease L3)", () => {
    // 182,900 × 32 ÷ 12 × 0.4 = 195,093.333… → 195,093.33
    expect(line("V-0001", "[L3] 年租金")).toContain(
      "[L3] 年租金 182,900.00 元 × 32 个月 ÷ 12 × 补偿比例 0.4 = 195,093.33 元（舍入到分，舍入前为 195,093.333333… 元）",
    );
    expect(line("V-0001", "场地补偿（")).toContain("工业大院每亩 10,000 元 × 98.4 亩 = 984,000.00 元");
  });

  it("a township transfer (T-2017-ZJW)", () => {
    // 45,006.45 × 0.225 + 11,201.61 × 0.18 + 6,300.91 × 0.45 = 10,126.45125 + 2,016.2898 + 2,835.4095 = 14,978.15055
    expect(line("T-2017-ZJW", "[E-2016-0001]")).toContain(
      "[E-2016-0001] 增值税 45,006.45 元 × 0.225 + 企业所得税 11,201.61 元 × 0.18 + 其他税收 6,300.91 元 × 0.45 = 14,978.15 元（舍入到分，舍入前为 14,978.15055 元）",
    );
    expect(line("T-2017-ZJW", "增值税：地方分享比例")).toContain(
      "地方分享比例 0.5 × 乡镇分享地方部分比例 0.45 = 0.225",
    );
    expect(line("T-2017-ZJW", "条件「达到受影响较大认定比例」")).toContain(
      "：满足（影响比例 0.0819989173… ≥ 0.05） → 给予财政转移支付",
    );
  });

  it("every step of the bundled programme has a template (none falls back)", () => {
    const missing = new Set<string>();
    for (const outcome of outcomes)
      for (const step of outcome.trace) if (stepTemplate(step.rule, catalogs) === undefined) missing.add(step.rule);
    expect([...missing]).toEqual([]);
  });

  it("a step without a template falls back to its value, inputs and parameters as written", () => {
    const outcome = of("E-2016-0009");
    const bare = catalogs.map(({ steps: _steps, ...rest }) => rest);
    const text = explain(outcome, { lang: "zh", catalogs: bare });
    expect(text).toContain("市级奖励测算额（封顶前） (reward.municipal.raw) = 391760");
    expect(text).toContain("输入: energySavedTce = 291.8");
  });
});

/** Every decimal a string or number of the step holds (inputs, parameters, value), as Decimals. */
function figuresOf(value: Json | undefined, into: string[] = []): string[] {
  if (typeof value === "number") into.push(String(value));
  else if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)) into.push(value);
  else if (Array.isArray(value)) for (const inner of value) figuresOf(inner, into);
  else if (typeof value === "object" && value !== null)
    for (const inner of Object.values(value)) figuresOf(inner, into);
  return into;
}

/** The figures a sentence prints (ids in brackets, dates and case ids left out), as written. */
function printedFigures(sentence: string): string[] {
  const text = sentence
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/\d{4}-\d{2}-\d{2}/g, " ")
    .replace(/\b[A-Z]-[\w-]+/g, " ")
    // Counts of a step's lists (74 项, 215 家, the 74 items, (37 gave no …)): the length of what the step lists, not a figure.
    .replace(/\d+ (项|家)/g, " ")
    .replace(/(the|over the|其中) \d+/g, " ")
    .replace(/\(\d+ gave /g, " ");
  return text.match(/-?\d[\d,]*(\.\d+)?…?/g) ?? [];
}

describe("explain: the figures of a step sentence are the trace's own", () => {
  const steps: readonly TraceStep[] = outcomes.flatMap((outcome) => outcome.trace);
  it("every figure printed in a step sentence equals a figure the step recorded (parsed back)", () => {
    // Every step of the sample in both languages (not a sample of them: a rare sentence shape must not pass by luck).
    const normal = (figure: string): string => new Decimal(figure).toString();
    let checked = 0;
    for (const step of steps) {
      const template = stepTemplate(step.rule, catalogs);
      if (template === undefined) continue;
      const raw = figuresOf([step.value, step.inputs, ...step.params.map((used) => used.value)]);
      const recorded = new Set(raw.map(normal));
      for (const lang of ["zh", "en"] as const) {
        const sentence: string = template[lang](step);
        checked += 1;
        for (const printed of printedFigures(sentence)) {
          const plain = printed.replace(/,/g, "");
          // Months per year, and the 0 a missing output counts as: the constants a sentence states.
          if (plain === "12" || (plain === "0" && step.rule === "transfer.outputTarget")) continue;
          const found = plain.endsWith("…")
            ? raw.some((figure) => figure.startsWith(plain.slice(0, -1)))
            : recorded.has(normal(plain));
          if (!found) expect.fail(`${step.rule}: ${printed} in "${sentence}"`);
        }
        // The sentence ends on the step's value (for figures: `= value`).
        if (typeof step.value === "string" && /^-?\d+(\.\d+)?$/.test(step.value)) {
          const value = step.value;
          const results = [...sentence.matchAll(/= (-?[\d,]+(\.\d+)?…?)/g)].map((match) => match[1] ?? "");
          const ends = results.some((result) =>
            result.endsWith("…")
              ? value.startsWith(result.slice(0, -1))
              : normal(result.replace(/,/g, "")) === normal(value),
          );
          if (!ends) expect.fail(`${step.rule}: its value ${value} in "${sentence}"`);
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe("explain in Chinese of the whole sample", () => {
  const ALLOWED = [/^S\d+$/, /^[A-Z]\d+$/, /^min$/, /^v\d+$/, /^tongzhou-2016$/, /^synthetic$/, /^[A-Z]-[\w-]+$/];
  it("has no JSON, no rule or reason codes and no English words", () => {
    // Every non-enterprise case, and every fifth enterprise exit (the enterprise texts repeat).
    const chosen = outcomes.filter((outcome, index) => outcome.kind !== "enterprise-exit" || index % 5 === 0);
    const stray = new Set<string>();
    for (const outcome of chosen) {
      const text = explain(outcome, { lang: "zh" });
      expect(text, outcome.id).not.toContain("{");
      expect(text, outcome.id).not.toMatch(/\b(reason|reward|clearance|village|transfer|plan)\.[a-z]/);
      for (const word of text.match(/[A-Za-z][A-Za-z0-9_-]*/g) ?? [])
        if (!ALLOWED.some((allowed) => allowed.test(word))) stray.add(word);
    }
    expect([...stray]).toEqual([]);
  }, 120_000);
});
