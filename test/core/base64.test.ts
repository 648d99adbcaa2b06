import fc from "fast-check";
import { fromBase64, toBase64 } from "../../src/core/base64";

describe("base64, the add-in's one encoder", () => {
  test("equals Buffer's for every length", () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    }
  });

  test("matches Node's on any bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => toBase64(bytes) === Buffer.from(bytes).toString("base64")));
  });

  test("decodes what it encodes, and what Node and atob encode, line breaks and missing padding included", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(Array.from(fromBase64(toBase64(bytes)))).toEqual(Array.from(bytes));
        const node = Buffer.from(bytes).toString("base64");
        expect(Array.from(fromBase64(node.replace(/(.{76})/g, "$1\r\n")))).toEqual(Array.from(bytes));
        expect(Array.from(fromBase64(node.replace(/=+$/, "")))).toEqual(Array.from(bytes));
      }),
    );
  });

  test("a character outside the alphabet is an error, not other bytes", () => {
    expect(() => fromBase64("QUJ-")).toThrow('"-"');
    expect(() => fromBase64("QUJDR")).toThrow("length");
  });
});
