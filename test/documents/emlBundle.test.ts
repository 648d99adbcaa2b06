import PizZip from "pizzip";
import { draftsDownload } from "../../src/documents/emlBundle";

const draft = (name: string) => ({ filename: name, content: `Subject: ${name}\r\nX-Unsent: 1\r\n\r\nBonjour` });

test("no draft, no download; one draft stays one .eml", () => {
  expect(draftsDownload([], "2026-03-02")).toBeUndefined();
  const one = draftsDownload([draft("MAIL-1.eml")], "2026-03-02")!;
  expect([one.fileName, one.mimeType]).toEqual(["MAIL-1.eml", "message/rfc822"]);
  expect(new TextDecoder().decode(one.bytes)).toContain("X-Unsent: 1");
});

test("several drafts come as one .zip holding every draft, none overwritten", () => {
  const files = [draft("MAIL-1.eml"), draft("MAIL-2.eml"), draft("MAIL-1.eml")];
  const bundle = draftsDownload(files, "2026-03-02")!;
  expect([bundle.fileName, bundle.mimeType]).toEqual(["brouillons-relance-2026-03-02.zip", "application/zip"]);
  const zip = new PizZip(bundle.bytes);
  expect(Object.keys(zip.files).sort()).toEqual(["MAIL-1-2.eml", "MAIL-1.eml", "MAIL-2.eml"]);
  expect(zip.file("MAIL-2.eml")!.asText()).toContain("Subject: MAIL-2.eml");
});
