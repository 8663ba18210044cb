import { describe, expect, it } from "vitest";
import { createProgress, duration } from "../../src/node/progress.js";

/** A fake stderr and a fake clock. */
function fixture(isTTY: boolean) {
  const writes: string[] = [];
  let time = 0;
  return {
    writes,
    stream: { write: (chunk: string) => writes.push(chunk), isTTY },
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
  };
}

describe("progress on a terminal", () => {
  it("draws nothing for a job that ends within a second", () => {
    const f = fixture(true);
    const progress = createProgress({ stream: f.stream, total: 100, label: "computing", now: f.now });
    for (let i = 0; i < 100; i += 1) {
      f.advance(9);
      progress.tick();
    }
    progress.done();
    expect(f.writes).toEqual([]);
  });

  it("after a second: a bar with done/total, rate and time left, redrawn with \\r at most 10 times a second, cleared at the end", () => {
    const f = fixture(true);
    const progress = createProgress({ stream: f.stream, total: 10_000, label: "computing", now: f.now });
    for (let i = 0; i < 5000; i += 1) {
      f.advance(1); // 1,000 a second
      progress.tick();
    }
    expect(f.writes.length).toBeGreaterThan(0);
    expect(f.writes.length).toBeLessThanOrEqual(41); // 4 s of drawing at ≤ 10 a second
    expect(f.writes.every((w) => w.startsWith("\r") && !w.includes("\n"))).toBe(true);
    expect(f.writes.at(-1)).toMatch(/^\rcomputing \[#{12}-{12}\] 5,000\/10,000 50% 1,000\/s 5 s left/);
    progress.done();
    expect(f.writes.at(-1)).toMatch(/^\r +\r$/);
  });

  it("in Chinese with --lang zh: the bar padded by columns (a Chinese character takes two), cleared whole", () => {
    const f = fixture(true);
    const progress = createProgress({ stream: f.stream, total: 10_000, label: "computing", lang: "zh", now: f.now });
    for (let i = 0; i < 5000; i += 1) {
      f.advance(1);
      progress.tick();
    }
    const last = f.writes.at(-1) ?? "";
    expect(last).toMatch(/^\r计算 \[#{12}-{12}\] 5,000\/10,000 50% 1,000\/秒 剩余 5 秒/);
    progress.done();
    // The clearing line covers the widest bar drawn, in columns: 计算 and 秒 count two each.
    const columns = [...last.slice(1)].reduce((n, c) => n + (/[\u4e00-\u9fff]/.test(c) ? 2 : 1), 0);
    expect(f.writes.at(-1)).toBe(`\r${" ".repeat(columns)}\r`);
  });

  it("counts without a known total show no bar", () => {
    const f = fixture(true);
    const progress = createProgress({ stream: f.stream, total: 0, label: "checking", now: f.now });
    f.advance(2000);
    progress.tick(500);
    expect(f.writes.at(-1)).toBe("\rchecking 500 250/s");
  });
});

describe("progress when stderr is not a terminal", () => {
  it("is silent without --progress", () => {
    const f = fixture(false);
    const progress = createProgress({ stream: f.stream, total: 100, label: "computing", now: f.now });
    f.advance(5000);
    progress.tick(100);
    progress.done();
    expect(f.writes).toEqual([]);
  });

  it("with --progress: plain lines at every 10 % (or every 2 s), and a last line", () => {
    const f = fixture(false);
    const progress = createProgress({ stream: f.stream, total: 100, label: "computing", now: f.now, force: true });
    for (let i = 0; i < 100; i += 1) {
      f.advance(10);
      progress.tick();
    }
    progress.done();
    expect(f.writes).toHaveLength(11);
    expect(f.writes[0]).toBe("exitfund: computing 10/100 (10%), 100/s, about 1 s left\n");
    expect(f.writes.at(-1)).toBe("exitfund: computing done: 100 in 1 s\n");
    expect(f.writes.every((w) => w.endsWith("\n") && !w.includes("\r"))).toBe(true);
  });

  it("with --progress --lang zh: the same lines in Chinese, after exitfund：", () => {
    const f = fixture(false);
    const options = { stream: f.stream, total: 100, label: "computing", lang: "zh", now: f.now, force: true } as const;
    const progress = createProgress(options);
    for (let i = 0; i < 100; i += 1) {
      f.advance(10);
      progress.tick();
    }
    progress.done();
    expect(f.writes[0]).toBe("exitfund：正在计算 10/100（10%），100/秒，约剩 1 秒\n");
    expect(f.writes.at(-1)).toBe("exitfund：计算完成：100 个，用时 1 秒\n");
    const checking = fixture(false);
    const counting = createProgress({
      ...options,
      stream: checking.stream,
      total: 0,
      label: "checking",
      now: checking.now,
    });
    checking.advance(2000);
    counting.tick(500);
    expect(checking.writes).toEqual(["exitfund：正在检查 500，250/秒\n"]);
  });

  it("with --progress: a line every 2 s when 10 % takes longer", () => {
    const f = fixture(false);
    const progress = createProgress({ stream: f.stream, total: 1000, label: "computing", now: f.now, force: true });
    for (let i = 0; i < 50; i += 1) {
      f.advance(100);
      progress.tick();
    }
    expect(f.writes).toHaveLength(2);
  });
});

describe("duration", () => {
  it.each([
    [0, "0 s"],
    [59.4, "59 s"],
    [61, "1:01"],
    [3725, "62:05"],
    [Number.POSITIVE_INFINITY, "?"],
  ])("%s seconds → %s", (seconds, text) => {
    expect(duration(seconds)).toBe(text);
  });

  it("in Chinese: 秒 for seconds, minutes:seconds as they are", () => {
    expect(duration(12, "zh")).toBe("12 秒");
    expect(duration(61, "zh")).toBe("1:01");
  });
});
