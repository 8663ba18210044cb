import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { computeBatch, computeTotals, receiptOf } from "../../src/batch/compute.js";
import { checkStream } from "../../src/batch/stream.js";
import { canonicalJson } from "../../src/receipt/canonical.js";
import { EXITFUND_VERSION, inputSha256 } from "../../src/receipt/receipt.js";
import { defaultRuleSet } from "../../src/rule-sets/index.js";
import { defaultProgramme } from "../../src/rules/default.js";
import { programme } from "../../src/rules/programme.js";
import packageJson from "../../package.json";
import { clearanceCase, enterpriseCase, transferCase, villageCase } from "../fixtures/cases.js";
import { ruleSetWith } from "../support/ruleSetWith.js";
import { thrownIssues } from "../support/errors.js";

const CASES = [enterpriseCase, clearanceCase, villageCase, transferCase];
const hex = (text: string) => createHash("sha256").update(text).digest("hex");

describe("the receipt of a batch", () => {
  const document = computeBatch(CASES);

  it("has exactly the contract's fields: version, programme, rule set (id, version, hash), input hash", () => {
    expect(document.receipt).toEqual({
      exitfund: packageJson.version,
      programme: "tongzhou-2016",
      ruleSet: {
        id: "tongzhou-2016",
        version: defaultRuleSet.version,
        sha256: hex(canonicalJson(defaultRuleSet.toJSON())),
      },
      input: { sha256: hex(canonicalJson(CASES)) },
    });
    expect(EXITFUND_VERSION).toBe(packageJson.version);
    expect(Object.isFrozen(document.receipt) && Object.isFrozen(document.receipt.ruleSet)).toBe(true);
  });

  it("is what receiptOf, computeTotals and the stream give the same cases", async () => {
    expect(receiptOf(CASES)).toEqual(document.receipt);
    expect(receiptOf(CASES, { ruleSet: "tongzhou-2016", programme: defaultProgramme })).toEqual(document.receipt);
    expect(computeTotals(CASES).receipt).toEqual(document.receipt);
    const checked = await checkStream(async function* () {
      for (const [at, value] of CASES.entries()) yield { at, value };
    });
    for await (const _outcome of checked.outcomes());
    expect(checked.receipt()).toEqual(document.receipt);
  });

  it("names a changed case, a changed order and a changed rule-set value by a different hash", () => {
    const changed = [{ ...enterpriseCase, employees: enterpriseCase.employees + 1 }, ...CASES.slice(1)];
    expect(receiptOf(changed).input.sha256).not.toBe(document.receipt.input.sha256);
    expect(receiptOf([...CASES].reverse()).input.sha256).not.toBe(document.receipt.input.sha256);
    const other = ruleSetWith({ "reward.district.supplementRate": "0.7" });
    const receipt = receiptOf(CASES, other);
    expect(receipt.ruleSet).toMatchObject({ id: "test", version: "t" });
    expect(receipt.ruleSet.sha256).not.toBe(document.receipt.ruleSet.sha256);
    expect(receipt.input).toEqual(document.receipt.input);
  });

  it("does not depend on the order a case's fields were written in", () => {
    const reordered = Object.fromEntries(Object.entries(enterpriseCase).reverse());
    expect(receiptOf([reordered, ...CASES.slice(1)])).toEqual(document.receipt);
  });

  it("hashes the cases computed: with --skip-invalid the invalid ones are left out; with errors, none", () => {
    const bad = { ...enterpriseCase, id: "E-bad", exitMode: "partly" };
    const skipped = computeBatch([bad, ...CASES], { skipInvalid: true });
    expect(skipped.receipt).toEqual(document.receipt);
    const refused = computeBatch([bad, ...CASES]);
    expect(refused.results).toEqual([]);
    expect(refused.receipt.input.sha256).toBe(inputSha256([]));
    expect(inputSha256([])).toBe(hex("[]"));
  });

  it("names a programme by its id, or one built without an id by its case kinds", () => {
    expect(defaultProgramme.id).toBe("tongzhou-2016");
    const kinds = defaultProgramme.domains.filter((domain) => domain.kind !== "township-transfer");
    expect(receiptOf([enterpriseCase], { programme: programme(...kinds) }).programme).toBe(
      "custom:enterprise-exit+structure-clearance+village-compensation",
    );
    const named = programme({ id: "my-district.v2" }, ...kinds);
    expect(named.id).toBe("my-district.v2");
    expect(named.kinds).toEqual(kinds.map((domain) => domain.kind));
    expect(receiptOf([enterpriseCase], { programme: named }).programme).toBe("my-district.v2");
    // the same domains under the default's id are still another programme object: the id is what is named
    expect(receiptOf([enterpriseCase], { programme: programme({}, ...kinds) }).programme).toMatch(/^custom:/);
  });

  it("refuses a programme id that is no id, and options other than id", () => {
    const kinds = defaultProgramme.domains;
    for (const id of ["", "custom:x", "-x", "a b", "x".repeat(65), 5])
      expect(thrownIssues(() => programme({ id: id as string }, ...kinds))[0]).toMatchObject({
        path: "options.id",
        code: "invalid-option",
        zh: expect.stringMatching(/^应为方案编号/),
      });
    expect(thrownIssues(() => programme({ name: "x" } as never, ...kinds))[0]).toMatchObject({
      path: "options.name",
      code: "unknown-option",
    });
    expect(programme({ id: "a".repeat(64) }, ...kinds).id).toHaveLength(64);
  });
});
