import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../src/errors/index.js";
import { parseChineseCapital } from "../../src/money/capitalParse.js";

function reason(text: string): string {
  try {
    parseChineseCapital(text);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    const [issue] = (error as InvalidInputError).issues;
    expect(issue?.path).toBe("text");
    expect(issue?.code).toBe("not-capitals");
    return (issue?.message ?? "").replace(/^".*" is not an amount in Chinese capitals \(大写\): /, "");
  }
  throw new Error(`expected ${text} to be refused`);
}

describe("parseChineseCapital, edge readings", () => {
  it("an amount of fen alone needs no 零: 壹分 and 零元壹分 are 0.01", () => {
    expect(parseChineseCapital("壹分").toString()).toBe("0.01");
    expect(parseChineseCapital("零元壹分").toString()).toBe("0.01");
    expect(parseChineseCapital("伍角").toString()).toBe("0.5");
  });

  it("two 元 is no amount", () => {
    expect(reason("壹元贰元")).toBe("it does not end in 元, 角, 分 or 整 as an amount does");
  });

  it("零 twice, or before the first digit, cannot stand there", () => {
    expect(reason("壹佰零零壹元整")).toBe('"零" cannot stand there');
    expect(reason("零壹元整")).toBe('"零" cannot stand there');
  });

  it("万 twice in a row cannot stand there (it would read as 亿)", () => {
    expect(reason("壹万万元整")).toBe('"万" cannot stand there');
    // A second 万 lifts only the digits since the first: 壹万壹万 puts two digits at 万, out of order.
    expect(reason("壹万壹万元整")).toBe("its places are out of order");
  });

  it("a whole group of zeros between two digits needs its 零; zeros ending a group before the next group's top digit may go without", () => {
    expect(reason("壹亿壹仟元整")).toBe("a 零 is missing");
    expect(parseChineseCapital("壹亿零壹仟元整").toString()).toBe("100001000");
    expect(parseChineseCapital("壹仟亿壹仟万元整").toString()).toBe("100010000000");
    expect(parseChineseCapital("壹仟亿零壹仟万元整").toString()).toBe("100010000000");
    expect(reason("壹万亿壹仟万元整")).toBe("a 零 is missing");
    expect(parseChineseCapital("壹万亿零壹仟万元整").toString()).toBe("1000010000000");
  });
});
