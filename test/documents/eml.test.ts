/**
 * .eml drafts: RFC 5322 headers, MIME structure, UTF-8 encodings read back.
 */
import fc from "fast-check";
import { buildLetterModel } from "../../src/core/letters/model";
import { renderEmail } from "../../src/core/letters/render";
import { buildEml, encodeHeaderText, quotedPrintable, rfc5322Date } from "../../src/documents/eml";
import { generateEmails } from "../../src/documents/generate";
import { nodePdfFonts } from "../../src/documents/nodeFonts";
import { book, caseOf, casesOf, CONSUMER, invoice, LETTER_DATE, PRO, PROFILE, PUBLIC, stepById } from "../core/letters/fixtures";
import { unzip, writeOutput } from "./helpers";

const decoder = new TextDecoder();

function decodeQuotedPrintable(text: string): string {
  const binary = text.replace(/=\r\n/g, "").replace(/\r\n/g, "\n");
  const bytes: number[] = [];
  for (let i = 0; i < binary.length; i++) {
    if (binary[i] === "=") {
      bytes.push(parseInt(binary.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(binary.charCodeAt(i));
  }
  return decoder.decode(new Uint8Array(bytes));
}

function decodeHeader(value: string): string {
  return value
    .replace(/\r\n /g, "")
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_, b64: string) => decoder.decode(Buffer.from(b64, "base64")));
}

function headers(eml: string): Record<string, string> {
  const head = eml.slice(0, eml.indexOf("\r\n\r\n")).replace(/\r\n /g, "\r\n\u0001");
  return Object.fromEntries(head.split("\r\n").reduce<Array<[string, string]>>((acc, line) => {
    if (line.startsWith("\u0001")) acc[acc.length - 1][1] += `\r\n ${line.slice(1)}`;
    else acc.push([line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 2)]);
    return acc;
  }, []));
}

/** The body of the part with this content type. */
function part(eml: string, contentType: string): string {
  const start = eml.indexOf(`Content-Type: ${contentType}`);
  const body = eml.indexOf("\r\n\r\n", start) + 4;
  return eml.slice(body, eml.indexOf("\r\n--", body));
}

const NOW = new Date(2026, 4, 18, 9, 30, 0);

describe("encodings", () => {
  test("property: quoted-printable reads back and keeps lines within 76 characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
        const clean = text.replace(/\r/g, "");
        const qp = quotedPrintable(clean);
        return qp.split("\r\n").every((line) => line.length <= 76) && decodeQuotedPrintable(qp) === clean && !/[^\x20-\x7e\r\n\t]/.test(qp);
      }),
      { numRuns: 300 },
    );
  });

  test("property: encoded-words read back, ASCII only, each at most 75 characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 120 }), (text) => {
        const encoded = encodeHeaderText(text);
        return decodeHeader(encoded) === text && !/[^\x20-\x7e\r\n]/.test(encoded) && encoded.split("\r\n ").every((word) => word.length <= 75 || /^[\x20-\x7e]*$/.test(text));
      }),
      { numRuns: 300 },
    );
  });

  test("RFC 5322 date", () => expect(rfc5322Date(NOW)).toMatch(/^Mon, 18 May 2026 09:30:00 [+-]\d{4}$/));
});

describe("a draft", () => {
  const model = buildLetterModel({ clientCase: caseOf(PRO), profile: PROFILE, letterDate: LETTER_DATE, book, step: stepById("relance1") });
  const content = renderEmail(model);
  const eml = buildEml({ from: { address: PROFILE.email, name: "Marie Durand – Atelier Lumière" }, to: ["compta@client.fr", "dg@client.fr"], ...content, date: NOW, id: model.reference });

  test("headers: From, To, Subject, Date, MIME-Version, X-Unsent", () => {
    const h = headers(eml);
    expect(decodeHeader(h.From)).toBe("Marie Durand – Atelier Lumière <compta@atelier-lumiere.fr>");
    expect(h.To).toBe("compta@client.fr, dg@client.fr");
    expect(decodeHeader(h.Subject)).toBe("Factures échues non réglées – 4\u202f826,17\u00a0€");
    expect(h.Date).toBe(rfc5322Date(NOW));
    expect(h["MIME-Version"]).toBe("1.0");
    expect(h["X-Unsent"]).toBe("1");
    expect(h["Message-ID"]).toBe("<REL-2026-05-18-SARL-DUPONT-FILS-R1@atelier-lumiere.fr>");
    expect(h["Content-Type"]).toMatch(/^multipart\/alternative; boundary="=_recouvre_1_[a-z0-9]+"$/);
  });

  test("text then HTML, UTF-8 quoted-printable, read back whole", () => {
    expect(eml.indexOf("text/plain")).toBeLessThan(eml.indexOf("text/html"));
    expect(decodeQuotedPrintable(part(eml, "text/plain; charset=UTF-8"))).toBe(content.text.replace(/\r\n/g, "\n"));
    expect(decodeQuotedPrintable(part(eml, "text/html; charset=UTF-8"))).toBe(content.html);
    expect(eml.split("\r\n").every((line) => line.length <= 998)).toBe(true);
    expect(/[^\x20-\x7e\r\n\t]/.test(eml)).toBe(false);
    expect(eml.replace(/\r\n/g, "").includes("\n")).toBe(false); // CRLF only
  });

  test("a PDF attachment in base64", () => {
    const data = new Uint8Array([37, 80, 68, 70, 45, 49, 46, 55, 0, 255]);
    const withPdf = buildEml({ from: { address: PROFILE.email }, to: ["a@b.fr"], ...content, date: NOW, attachments: [{ fileName: "Mise en demeure é.pdf", contentType: "application/pdf", data }] });
    expect(headers(withPdf)["Content-Type"]).toMatch(/^multipart\/mixed/);
    expect(withPdf).toContain(`Content-Disposition: attachment; filename="Mise_en_demeure_e.pdf"; filename*=UTF-8''Mise%20en%20demeure%20%C3%A9.pdf`);
    expect(Buffer.from(part(withPdf, "application/pdf").replace(/\r\n/g, ""), "base64")).toEqual(Buffer.from(data));
  });
});

describe("generateEmails", () => {
  test("drafts for clients with an address, a French reason for the others, hostile values escaped", async () => {
    const hostile = `<script>alert(1)</script> & "Fils" =HYPERLINK("x")`;
    const cases = [caseOf(PRO), caseOf(CONSUMER), caseOf(PUBLIC), ...casesOf([invoice(hostile, "H<1>", LETTER_DATE - 20, 99900, { email: "h@x.fr; k@x.fr" })])];
    const result = await generateEmails(
      cases.map((c) => ({ clientCase: c, step: stepById("relance2") })),
      { profile: PROFILE, letterDate: LETTER_DATE, book, now: NOW, pdfFonts: nodePdfFonts() },
    );
    expect(result.skipped).toEqual([{ clientKey: "m jean lefevre", client: CONSUMER, reasons: ["pas d'adresse e-mail pour ce client : complétez la colonne E-mail (ou Courriel) de votre liste"] }]);
    expect(result.emails.map((e) => e.client)).toEqual([PRO, PUBLIC, hostile]);
    const draft = result.emails[2];
    expect(draft.to).toEqual(["h@x.fr", "k@x.fr"]);
    expect(headers(draft.eml).To).toBe("h@x.fr, k@x.fr");
    const html = decodeQuotedPrintable(part(draft.eml, "text/html; charset=UTF-8"));
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Fils&quot; =HYPERLINK(&quot;x&quot;)");
    expect(html).toContain("H&lt;1&gt;");
    expect(html).not.toContain("<script");
    expect(decodeQuotedPrintable(part(draft.eml, "text/plain; charset=UTF-8"))).toContain(hostile);
    const pdf = Buffer.from(part(draft.eml, "application/pdf").replace(/\r\n/g, ""), "base64");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const zip = unzip(result.bytes);
    expect(Object.keys(zip.files).sort()).toEqual(result.emails.map((e) => e.fileName).sort());
    writeOutput(draft.fileName, draft.eml);
    writeOutput(result.emails[0].fileName, result.emails[0].eml);
  });
});
