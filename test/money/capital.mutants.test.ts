import { describe, expect, it } from "vitest";
import { crossCheckCapital, parseChineseCapital, toChineseCapital } from "../../src/money/capital.js";
import { issueOf } from "./issue.js";

// Every refusal of the 大写 encoder and decoder with the reason it gives, in English and Chinese (the examples
// checked only the error class, so a wrong or empty reason went unnoticed: mutants of src/money/capital.ts and
// capitalParse.ts).

describe("parseChineseCapital says why a text is not an amount in capitals", () => {
  it.each([
    ["壹佰壹元整", "a 零 is missing", "缺少零"],
    ["元贰分", "元 needs an amount before it", "元之前缺少金额"],
    ["元整", "元 needs an amount before it", "元之前缺少金额"],
    ["壹拾元", "an amount in whole yuan ends in 元整", "整元金额应以元整结尾"],
    ["零元", "an amount in whole yuan ends in 元整", "整元金额应以元整结尾"],
    ["壹拾万柒仟元零整", "an amount in whole yuan ends in 元整", "整元金额应以元整结尾"],
    ["壹拾元伍角叁分整", "整 never follows 分", "分之后不写整"],
    ["零伍分", "零 stands where no zero is", "此处没有零，不应写零"],
    ["壹零元整", "零 stands where no zero is", "此处没有零，不应写零"],
    ["壹拾壹元零伍角", "零 stands where no zero is", "此处没有零，不应写零"],
    ["壹拾元叁分", "零 must come before 分 when 角 is zero", "角为零时分之前应写零"],
    ["负零元整", "负 needs a non-zero amount", "负之后应为非零金额"],
    ["壹亿亿元整", '"亿" cannot stand there', '"亿" 不能出现在此处'],
    ["壹万拾元整", '"拾" cannot stand there', '"拾" 不能出现在此处'],
    ["两元整", '"两" cannot stand there', '"两" 不能出现在此处'],
    ["壹拾壹佰元整", "its places are out of order", "数位顺序不正确"],
    ["壹万亿亿元整", '"亿" cannot stand there', '"亿" 不能出现在此处'],
    ["壹拾元整。", "it does not end in 元, 角, 分 or 整 as an amount does", "金额应以元、角、分或整结尾"],
    ["壹拾元零角", "it does not end in 元, 角, 分 or 整 as an amount does", "金额应以元、角、分或整结尾"],
  ])("%s: %s", (text, reason, reasonZh) => {
    expect(issueOf(() => parseChineseCapital(text))).toEqual({
      path: "text",
      code: "not-capitals",
      message: `"${text}" is not an amount in Chinese capitals (大写): ${reason}`,
      zh: `"${text}" 不是规范的大写金额：${reasonZh}`,
    });
  });

  it("refuses 10^16 and more, reading up to 9999 万亿", () => {
    expect(issueOf(() => parseChineseCapital("壹亿亿元整"))?.code).toBe("not-capitals");
    expect(issueOf(() => parseChineseCapital("壹拾万亿亿元整"))?.code).toBe("not-capitals");
    expect(issueOf(() => parseChineseCapital("壹万万亿元整"))?.message).toContain("cannot stand there");
    expect(
      parseChineseCapital("玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分").toFixed(2),
    ).toBe("9999999999999999.99");
  });

  it("refuses what is not a text, saying what is accepted", () => {
    expect(issueOf(() => parseChineseCapital(5 as never))).toEqual({
      path: "text",
      code: "not-a-text",
      message:
        'must be an amount written in Chinese capitals (大写), e.g. "壹仟陆佰捌拾元零叁角贰分"; got the number 5',
      zh: '应为大写金额文本，如 "壹仟陆佰捌拾元零叁角贰分"；实际为 数字 5',
    });
  });
});

describe("crossCheckCapital", () => {
  it("refuses a capital that is not a text; a text that is no amount is simply false", () => {
    expect(issueOf(() => crossCheckCapital("1", 5 as never))).toEqual({
      path: "capital",
      code: "not-a-text",
      message: "must be the amount in Chinese capitals (大写) to check; got the number 5",
      zh: "应为待核对的大写金额文本；实际为 数字 5",
    });
    expect(crossCheckCapital("1", "壹")).toBe(false);
    expect(crossCheckCapital("-1", "负壹元整")).toBe(true);
    expect(issueOf(() => crossCheckCapital(1 as never, "壹元整"))?.path).toBe("figure");
  });
});

describe("toChineseCapital", () => {
  it("refuses more than two decimals and 10^16 or more, in English and Chinese", () => {
    expect(issueOf(() => toChineseCapital("1.005"))).toEqual({
      path: "value",
      code: "too-many-decimals",
      message: "amount 1.005 has more than 2 decimals: round it to the fen before writing it in capitals",
      zh: "金额小数位超过 2 位：请先舍入到分再写大写",
    });
    expect(issueOf(() => toChineseCapital("-10000000000000000"))).toEqual({
      path: "value",
      code: "too-large",
      message: "amount -10000000000000000 is too large for capitals (limit 10^16)",
      zh: "金额过大，无法写成大写（上限 10^16）",
    });
    expect(toChineseCapital("9999999999999999.99")).toBe(
      "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
    );
  });

  it("refuses a value that is not a decimal at value", () => {
    expect(issueOf(() => toChineseCapital(12 as never))).toMatchObject({ path: "value", code: "number-not-decimal" });
  });

  it("takes 人民币 or no prefix, and nothing else", () => {
    expect(toChineseCapital("1", { prefix: "" })).toBe("壹元整");
    expect(toChineseCapital("1", {})).toBe("壹元整");
    expect(issueOf(() => toChineseCapital("1", { prefix: "RMB" } as never))).toMatchObject({
      path: "options.prefix",
      code: "invalid-option",
      message: 'must be one of "人民币", ""; got "RMB"',
    });
  });
});
