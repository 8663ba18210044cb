import { createHash } from "node:crypto";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { sha256, sha256Hex } from "../../src/receipt/sha256.js";

const nodeSha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

describe("sha256 (the core's, pure TypeScript)", () => {
  it("gives the FIPS 180-4 test vectors", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
    expect(sha256Hex("a".repeat(1_000_000))).toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  });

  it("hashes text as UTF-8 (CJK, astral, a lone surrogate as U+FFFD)", () => {
    for (const text of ["台湖镇", "规则 sha256", "😀𠀋", "a\ud800b"]) expect(sha256Hex(text)).toBe(nodeSha256(text));
  });

  it("pads at every length around a block's end (55, 56, 63, 64, 65 bytes)", () => {
    for (let length = 50; length <= 130; length += 1)
      expect(sha256Hex("x".repeat(length)), `${length} bytes`).toBe(nodeSha256("x".repeat(length)));
  });

  it("refuses to be used after its digest", () => {
    const hash = sha256().update("a");
    hash.hex();
    expect(() => hash.update("b")).toThrow(/after hex/);
    expect(() => hash.hex()).toThrow(/twice/);
  });
});

const textArb = fc.string({ unit: "grapheme", maxLength: 300 });
const cjkArb = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)) });
const astralArb = fc.string({ unit: fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) });
const anyTextArb = fc.oneof(textArb, cjkArb, astralArb, fc.string({ unit: "binary", maxLength: 200 }));

test.prop([anyTextArb])("equals node:crypto on any text", (text) => {
  expect(sha256Hex(text)).toBe(nodeSha256(text));
});

test.prop([fc.array(anyTextArb, { maxLength: 12 })])(
  "fed in pieces, equals the hash of the pieces joined",
  (pieces) => {
    const hash = sha256();
    for (const piece of pieces) hash.update(piece);
    expect(hash.hex()).toBe(nodeSha256(pieces.join("")));
  },
);

test.prop([fc.uint8Array({ maxLength: 400 }), fc.nat({ max: 400 })])("equals node:crypto on bytes", (bytes, cut) => {
  const at = Math.min(cut, bytes.length);
  expect(sha256().update(bytes.subarray(0, at)).update(bytes.subarray(at)).hex()).toBe(nodeSha256(bytes));
});

test.prop([fc.array(fc.tuple(fc.nat({ max: 120_000 }), anyTextArb), { maxLength: 4 })], { numRuns: 20 })(
  "texts longer than its encoding buffer, between short ones, equal node:crypto",
  (pieces) => {
    const texts = pieces.map(([repeat, text]) => (text === "" ? "台".repeat(repeat) : text.repeat(1 + (repeat % 50))));
    const hash = sha256();
    for (const text of texts) hash.update(text);
    expect(hash.hex()).toBe(nodeSha256(texts.join("")));
  },
);
