// compute --threads when every id has the same digest (a weak digest mocked in): each new id is a false alarm of
// the compact id set, the earlier lines are read again, and the check is made again with the ids themselves —
// the problems listed are exactly those of the real digest, for one thread and for two.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ParallelTuning } from "../../src/node/parallel.js";
import { runCli } from "../../src/node/run.js";
import { enterpriseCase } from "../fixtures/cases.js";
import { fakeIo } from "../support/cli.js";

vi.mock(import("../../src/batch/ids.js"), async (original) => {
  const real = await original();
  return { ...real, idDigests: () => real.idDigests(() => [5, 6]) };
});

let dir: string;
const enterprise = (i: number, more: object = {}) => ({ ...enterpriseCase, id: `E-${i}`, ...more });
const LINES = [
  ...Array.from({ length: 9 }, (_, i) => JSON.stringify(enterprise(i))),
  JSON.stringify(enterprise(2)),
  JSON.stringify(enterprise(12, { exitMode: "partial" })),
  JSON.stringify(enterprise(7)),
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "exitfund-collide-"));
  await writeFile(join(dir, "mixed.ndjson"), LINES.join("\n"));
  await writeFile(join(dir, "valid.ndjson"), LINES.slice(0, 9).join("\n"));
});

async function run(argv: readonly string[]) {
  const fake = fakeIo({ cwd: dir });
  const parallel: Partial<ParallelTuning> = { fromBytes: 0, blockLines: 2 };
  const code = await runCli(argv, { ...fake.io, parallel });
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

describe("compute --threads with colliding digests", () => {
  it.each(["1", "2"])("at %s thread(s): the repeated ids and only those, each with its first line", async (threads) => {
    const result = await run(["compute", "mixed.ndjson", "--format", "ndjson", "--threads", threads]);
    expect(result.code).toBe(2);
    const repeats = result.stderr.split("\n").filter((line) => line.includes("is used twice"));
    expect(repeats).toEqual([
      expect.stringContaining('line 10 › id (E-2): id (编号) "E-2" is used twice in the batch (also at line 3)'),
      expect.stringContaining('line 12 › id (E-7): id (编号) "E-7" is used twice in the batch (also at line 8)'),
    ]);
    expect(result.stderr).toContain("line 11 › exitMode");
  });

  it("valid ids: every case computed at two threads as at one", async () => {
    const one = await run(["compute", "valid.ndjson", "--format", "ndjson", "--threads", "1"]);
    expect(one.code).toBe(0);
    expect(one.stdout.trim().split("\n")).toHaveLength(10);
    expect(await run(["compute", "valid.ndjson", "--format", "ndjson", "--threads", "2"])).toEqual(one);
  });
});
