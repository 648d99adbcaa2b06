import { createHash } from "node:crypto";
import fc from "fast-check";
import { isMessageReference, KEY_VERSION, MESSAGE_REFERENCE, messageKeyOf, sha256Hex, sortedInvoices } from "../../../src/core/sending/messageKey";
import { day } from "../fixtures";

describe("sha256Hex", () => {
  test("FIPS 180-4 test vectors", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  });

  test("matches node:crypto on any text, block boundaries and astral characters included", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 80 }), fc.constantFrom("a".repeat(55), "é".repeat(28), "€".repeat(64), "😀")), (text) => {
        expect(sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
      }),
      { numRuns: 300 },
    );
  });

  test("a lone surrogate is hashed as TextEncoder encodes it (U+FFFD), as the hand-written hash did", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 50 }), fc.constantFrom("", "\ud800", "a\udc00b"), (text, odd) => {
        expect(sha256Hex(text + odd)).toBe(createHash("sha256").update(new TextEncoder().encode(text + odd)).digest("hex"));
      }),
    );
  });
});

describe("messageKeyOf", () => {
  const parts = { clientKey: "sarl dupont", invoices: ["F2", "F10", "F1"], stepId: "relance1", date: day(2026, 3, 2) };

  test("golden value: the key of existing journals never changes", () => {
    const key = messageKeyOf(parts);
    expect(key.canonical).toBe(`["${KEY_VERSION}","sarl dupont",["F1","F10","F2"],"relance1","2026-03-02"]`);
    expect(key.reference).toBe(`MAIL-2026-03-02-${createHash("sha256").update(key.canonical).digest("hex").slice(0, 20)}`);
    expect(key.reference).toMatch(MESSAGE_REFERENCE);
    expect(isMessageReference(key.reference)).toBe(true);
    expect(isMessageReference("REL-2026-03-02-DUPONT")).toBe(false);
  });

  test("references written by the hand-written SHA-256 (before @noble/hashes) are found again, byte for byte", () => {
    // Computed with src/core/sending/sha256.ts as it stood at c32dc8b: workbooks hold these in their journal.
    expect(messageKeyOf({ clientKey: "sarl dupont", invoices: ["F2", "F10", "F1"], stepId: "relance1", date: 20514 }).reference).toBe("MAIL-2026-03-02-a06d075ff0615da93f6b");
    expect(messageKeyOf({ clientKey: "société générale d'électricité", invoices: ["FA-2026-001"], stepId: "miseEnDemeure", date: 20600 }).reference).toBe("MAIL-2026-05-27-988aa5aad2b8e1a0413e");
    expect(messageKeyOf({ clientKey: "café 😀 \ud800", invoices: ["€1", "é"], stepId: "relance2", date: 20700 }).reference).toBe("MAIL-2026-09-04-8a4134398096763e916a");
  });

  test("invoice order and repetitions do not matter; code-unit order, not locale", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 8 }), fc.integer(), (invoices, seed) => {
        const shuffled = [...invoices, invoices[0]].sort(() => ((seed = (seed * 1103515245 + 12345) | 0) & 1 ? 1 : -1));
        expect(messageKeyOf({ ...parts, invoices: shuffled })).toEqual(messageKeyOf({ ...parts, invoices }));
      }),
    );
    expect(sortedInvoices(["é", "e", "Z", "a", "10", "9"])).toEqual(["10", "9", "Z", "a", "e", "é"]);
  });

  test("every component changes the key; separators cannot be forged", () => {
    const base = messageKeyOf(parts).reference;
    expect(messageKeyOf({ ...parts, clientKey: "sarl dupond" }).reference).not.toBe(base);
    expect(messageKeyOf({ ...parts, invoices: ["F1", "F2"] }).reference).not.toBe(base);
    expect(messageKeyOf({ ...parts, stepId: "relance2" }).reference).not.toBe(base);
    expect(messageKeyOf({ ...parts, date: parts.date + 1 }).reference).not.toBe(base);
    // "a","b" vs "a,b" vs "a\",\"b": JSON keeps them apart.
    const refs = [["a", "b"], ["a,b"], ['a","b']].map((invoices) => messageKeyOf({ ...parts, invoices }).canonical);
    expect(new Set(refs).size).toBe(3);
    expect(messageKeyOf({ ...parts, clientKey: 'x","y' }).canonical).not.toBe(messageKeyOf({ ...parts, clientKey: "x", stepId: `y","${parts.stepId}` }).canonical);
  });

  test("distinct parts give distinct references (no collision over many keys)", () => {
    const seen = new Set<string>();
    for (let c = 0; c < 50; c++) for (let i = 0; i < 40; i++) seen.add(messageKeyOf({ clientKey: `client ${c}`, invoices: [`F${i}`], stepId: "relance1", date: day(2026, 1, 1) + (i % 3) }).reference);
    expect(seen.size).toBe(2000);
  });
});
