// A worker thread of bench/programme.ts: it takes blocks of NDJSON lines (bytes), reads each line strictly
// (exitfund/node's NDJSON line reader: UTF-8, one JSON value, no key given twice), and either
//   - "exitfund": computes the block with `computeTotals` (the fast path; the receipt hashed by node:crypto), or
//   - "naive": computes it with the naive decimal.js reference (bench/naive.ts),
// and answers with the block's totals by township (decimal strings), its count and its problems.
import { parentPort } from "node:worker_threads";
import { computeTotals } from "../src/batch/compute.js";
import { lineRecord } from "../src/node/formats/ndjson.js";
import { nodeSha256 } from "../src/node/sha256.js";
import { defaultRuleSet } from "../src/rule-sets/index.js";
import { D, naiveClearance, naiveEnterprise, type Json } from "./naive.js";

export interface ProgrammeBlock {
  readonly seq: number;
  readonly method: "exitfund" | "naive";
  /** The lines' bytes, back to back; `ends[k]` is where line k ends; `first` is the first line's number. */
  readonly bytes: Uint8Array;
  readonly ends: readonly number[];
  readonly first: number;
}

export interface ProgrammeReply {
  readonly seq: number;
  readonly count: number;
  readonly problems: number;
  /** township → [municipal, district], exact decimal strings. */
  readonly byTownship: readonly (readonly [string, string, string])[];
}

/** One block: its lines read strictly, then computed by `method`. */
export function runBlock(block: ProgrammeBlock): ProgrammeReply {
  const buffer = Buffer.from(block.bytes.buffer, block.bytes.byteOffset, block.bytes.byteLength);
  const values: unknown[] = [];
  let problems = 0;
  let start = 0;
  block.ends.forEach((end, k) => {
    const record = lineRecord(buffer.subarray(start, end), block.first + k, start);
    start = end;
    if (record === undefined) return;
    if (record.error !== undefined) problems += 1;
    else values.push(record.value);
  });
  if (block.method === "exitfund") {
    const document = computeTotals(values, { ruleSet: defaultRuleSet, sha256: nodeSha256 });
    problems += document.errors.length;
    return {
      seq: block.seq,
      count: values.length,
      problems,
      byTownship: Object.entries(document.totals.byTownship).map(
        ([township, amounts]) => [township, amounts.municipal, amounts.district] as const,
      ),
    };
  }
  const cases = values as Json[];
  const sums = new Map<string, [InstanceType<typeof D>, InstanceType<typeof D>]>();
  const add = (township: string, municipal: InstanceType<typeof D>, district: InstanceType<typeof D>) => {
    const row = sums.get(township);
    sums.set(township, row === undefined ? [municipal, district] : [row[0].plus(municipal), row[1].plus(district)]);
  };
  const clearance = cases.filter((c) => c.kind === "structure-clearance");
  const enterprise = cases.filter((c) => c.kind !== "structure-clearance");
  naiveClearance(clearance).declarations.forEach((d, k) =>
    add((clearance[k] as Json).township as string, new D(0), d.approved),
  );
  naiveEnterprise(enterprise).amounts.forEach(([m, d], k) => add((enterprise[k] as Json).township as string, m, d));
  return {
    seq: block.seq,
    count: values.length,
    problems,
    byTownship: [...sums].map(([township, [m, d]]) => [township, m.toFixed(2), d.toFixed(2)] as const),
  };
}

parentPort?.on("message", (block: ProgrammeBlock) => {
  parentPort?.postMessage(runBlock(block));
});
