import fc from "fast-check";
import { namedInvoice } from "../../../src/core/books/fec/classify";
import { decodeFecBytes } from "../../../src/core/books/fec/decode";
import { parseFecAmount, parseFecDate } from "../../../src/core/books/fec/fields";
import { toEpochDay } from "../../../src/core/calendar";

const amount = (text: string) => parseFecAmount(text, 0, text.length);
const date = (text: string) => parseFecDate(text, 0, text.length);

describe("FEC amounts (A47 A-1 XII)", () => {
  test.each([
    ["1250,50", 125050],
    ["+000000069,40", 6940],
    ["-12,50", -1250],
    ["12,50-", -1250],
    ["2592", 259200],
    ["0,5", 50],
    ["12.5", 1250],
    ["  120,00  ", 12000],
    ["", 0],
    ["0,00", 0],
    ["-0,00", 0],
    ["12,500", 1250],
  ])("%j is %d cents", (text, cents) => {
    expect(amount(text)).toBe(cents);
  });

  test.each(["1.250,50", "1 250,50", "12.500", "+12,50-", "12,505", "abc", "12,", ",", "-", "1e3", "12,5x"])("%j is refused", (text) => {
    expect(amount(text)).toBeNaN();
  });

  test("any cents written as the FEC writes them read back", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom("first", "last", "padded"), (cents, form) => {
        const abs = Math.abs(cents);
        const body = `${Math.floor(abs / 100)},${String(abs % 100).padStart(2, "0")}`;
        const sign = cents < 0 ? "-" : "+";
        const text = form === "first" ? `${cents < 0 ? "-" : ""}${body}` : form === "last" ? `${body}${cents < 0 ? "-" : ""}` : `${sign}${body.padStart(16, "0")}`;
        expect(amount(text)).toBe(cents === 0 ? 0 : cents);
      }),
    );
  });
});

describe("FEC dates", () => {
  test("AAAAMMJJ, and the day-first and ISO forms some tools write", () => {
    expect(date("20240229")).toBe(toEpochDay(2024, 2, 29));
    expect(date(" 20241231 ")).toBe(toEpochDay(2024, 12, 31));
    expect(date("2024-03-05")).toBe(toEpochDay(2024, 3, 5));
    expect(date("05/03/2024")).toBe(toEpochDay(2024, 3, 5));
  });
  test.each(["20250231", "20230229", "2024123", "202412310", "", "2024131", "24/12/2024x"])("%j is refused", (text) => {
    expect(date(text)).toBeNaN();
  });
});

describe("FEC bytes", () => {
  const bytes = (...values: number[]) => Uint8Array.from(values);
  test("UTF-8 with or without BOM; anything else Latin-9 with Windows-1252's 0x80-0x9F", () => {
    expect(decodeFecBytes(bytes(0x43, 0x61, 0x66, 0xc3, 0xa9))).toEqual({ text: "Café", encoding: "UTF-8" });
    expect(decodeFecBytes(bytes(0xef, 0xbb, 0xbf, 0x41))).toEqual({ text: "A", encoding: "UTF-8 (BOM)" });
    expect(decodeFecBytes(bytes(0x43, 0x61, 0x66, 0xe9, 0xa4, 0xbd, 0x92, 0x90))).toEqual({ text: "Café€œ’\u0090", encoding: "ISO-8859-15" });
    // An overlong encoding and a lone continuation byte are not UTF-8.
    expect(decodeFecBytes(bytes(0xc0, 0xaf)).encoding).toBe("ISO-8859-15");
    expect(decodeFecBytes(bytes(0x41, 0x80)).encoding).toBe("ISO-8859-15");
  });
});

describe("the invoice a credit's label names", () => {
  test.each([
    ["Avoir sur facture F-12", "F-12"],
    ["Règlement fact. n° 2024-0042", "2024-0042"],
    ["Facture d'origine FA123", "FA123"],
    ["Virement DUPONT", undefined],
    ["Trefac2024 surface 12", undefined],
  ])("%j -> %j", (label, piece) => {
    expect(namedInvoice(label)).toBe(piece);
  });
});
