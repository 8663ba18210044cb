import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { asciiMarksInChinese, offendersIn } from "../support/zhPunctuation.js";

const root = join(import.meta.dirname, "..", "..");
const folders = readdirSync(join(root, "src"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe("the checker", () => {
  it("finds ASCII ,:;() next to Chinese, and not in quoted data, codes or English texts", () => {
    expect(asciiMarksInChinese("应为文本:实际为 ${…}")).toEqual(["本:实"]);
    expect(asciiMarksInChinese("规则集(loadRuleSet 的结果)")).toEqual(["集(l", "果)"]);
    expect(asciiMarksInChinese("金额小数位超过 2 位,请先舍入")).toEqual(["位,请"]);
    expect(asciiMarksInChinese('应为十进制数字文本（如 "1,250.50"）；实际为 `a(b)`')).toEqual([]);
    expect(asciiMarksInChinese("「甲,乙」不是可用的选项")).toEqual([]);
    expect(asciiMarksInChinese("verify takes structure-clearance declarations only (腾地经费申报); got")).toEqual([]);
    expect(asciiMarksInChinese("must be one of: a, b")).toEqual([]);
  });
});

describe("Chinese texts in src/ use Chinese punctuation: ，：；（）", () => {
  it.each(folders)("src/%s", (folder) => {
    const offenders = offendersIn(join(root, "src", folder), root);
    expect(offenders.map((o) => `${o.where} ${o.marks.join(" ")}  ${o.text}`)).toEqual([]);
  });
});
