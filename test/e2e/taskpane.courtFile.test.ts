/**
 * The « Dossier contentieux » button of the « Courriers » tab (issue 18), in
 * the built pane: for the client ticked, a .zip and a PDF are downloaded; the
 * chronology carries the journal's rows with the registered letter's number
 * and who recorded it; the letter sent is regenerated in the .zip, with the
 * user's own Word template once one is loaded. Needs `npm run build` first.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PizZip from "pizzip";
import type { Download } from "playwright-core";
import { useBrowserHarness, type Pane } from "./harness";
import { MARTIN, serial, TODAY, ledgerWorkbookWithHistory } from "./ledgerFixture";
import { analyse, openTab, plain } from "./paneSteps";

const harness = useBrowserHarness();

const PROFILE: Record<string, string> = {
  "Raison sociale": "SARL Martin Électricité",
  Adresse: "5 rue de la Paix",
  "Code postal": "75002",
  Ville: "Paris",
  SIREN: "732 829 320",
  "Contact (nom du signataire)": "Claire Martin",
  "E-mail": "compta@martin-elec.fr",
};
const LRAR = "1A 123 456 7890 1";
const MED_REF = "REL-2026-03-05-BOULANGERIE-MARTIN-MED";

/** The fixture's history, and Boulangerie Martin's mise en demeure sent by LRAR on 05/03/2026, its number recorded by Paul Bernard. */
function workbook() {
  const state = ledgerWorkbookWithHistory([MARTIN.client]);
  const journal = state.sheets!.find((s) => s.name === "Journal des relances")!;
  const details = { v: 1, stepId: "miseEnDemeure", lrar: LRAR, origin: { by: "Paul Bernard", runtime: "abc", seq: 1 } };
  const row = ["2026-03-05T09:00:00Z", serial("2026-03-05"), MARTIN.client, MARTIN.invoices.map((i) => i.numero).join("; "), "Étape", "Mise en demeure", "LRAR", "", "", "", MED_REF, "", JSON.stringify(details), "med-1"];
  const data = [...(journal.data ?? []), row];
  return {
    ...state,
    sheets: state.sheets!.map((s) => (s === journal ? { ...s, data } : s)),
    tables: [{ name: "RecouvreJournal", sheet: "Journal des relances", address: `A1:N${data.length}` }],
  };
}

/** A minimal Word document, one paragraph per line. */
function docxOf(lines: readonly string[]): Buffer {
  const zip = new PizZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    "word/document.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
      lines.map((line) => `<w:p><w:r><w:t xml:space="preserve">${line}</w:t></w:r></w:p>`).join("") +
      '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>',
  );
  return zip.generate({ type: "nodebuffer" });
}

/** Both downloads of one press: the .zip, then the PDF. */
async function courtFile(pane: Pane): Promise<{ zip: PizZip; zipName: string; pdfText: string; pdfName: string }> {
  const button = pane.page.getByRole("button", { name: `Dossier contentieux de ${MARTIN.client} (PDF et .zip)` });
  await button.scrollIntoViewIfNeeded();
  // Both downloads start one after the other: listen before the click, so that neither is missed.
  const downloads: Download[] = [];
  const listener = (download: Download) => downloads.push(download);
  pane.page.on("download", listener);
  await button.click();
  for (let waited = 0; downloads.length < 2 && waited < 60_000; waited += 100) await pane.page.waitForTimeout(100);
  expect(downloads).toHaveLength(2);
  pane.page.off("download", listener);
  const files = await Promise.all(downloads.map(async (d) => ({ name: d.suggestedFilename(), bytes: readFileSync(await d.path()) })));
  const zip = files.find((f) => f.name.endsWith(".zip"))!;
  const pdf = files.find((f) => f.name.endsWith(".pdf"))!;
  expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const path = join(mkdtempSync(join(tmpdir(), "dossier-")), pdf.name);
  writeFileSync(path, pdf.bytes);
  const pdfText = plain(execFileSync("pdftotext", [path, "-"], { encoding: "utf8" })).replace(/\s+/g, " ");
  return { zip: new PizZip(zip.bytes), zipName: zip.name, pdfText, pdfName: pdf.name };
}

test("« Dossier contentieux »: the PDF and the .zip for the client ticked, LRAR number and author in the chronology, the letter remade with the user's template once loaded", async () => {
  const pane = await harness().openTaskpane({ state: workbook(), now: TODAY });
  await analyse(pane);
  await openTab(pane, "Courriers");
  const page = pane.page;
  for (const [label, value] of Object.entries(PROFILE)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await pane.waitFor(page.getByRole("alert"), { state: "hidden" });

  // Before a client is ticked, the button says what it needs.
  const boxes = page.getByRole("group", { name: "Clients" }).getByRole("checkbox");
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).setChecked(false);
  expect(await page.getByRole("button", { name: "Dossier contentieux (cochez un client)" }).isDisabled()).toBe(true);
  await page.getByRole("checkbox", { name: new RegExp(`^${MARTIN.client} — `) }).setChecked(true);

  const first = await courtFile(pane);
  expect(first.zipName).toBe("DOSSIER-2026-03-16-BOULANGERIE-MARTIN.zip");
  expect(first.pdfName).toBe("DOSSIER-2026-03-16-BOULANGERIE-MARTIN.pdf");
  expect(Object.keys(first.zip.files).sort()).toEqual(["DOSSIER-2026-03-16-BOULANGERIE-MARTIN.pdf", "chronologie.csv", `lettres/${MED_REF}.docx`].sort());
  const csv = first.zip.file("chronologie.csv")!.asText();
  expect(csv).toContain(`;${MED_REF};${LRAR};Paul Bernard;`);
  expect(first.pdfText).toContain(`Dossier contentieux – ${MARTIN.client}`);
  // The chronology's narrow column wraps the number (« 1A 123 456 » / « 7890 1 »), the text comes out line by line.
  expect(first.pdfText).toMatch(/1A 123 456 .*7890 1/);
  expect(first.pdfText).toContain("Paul Bernard");
  // The mise en demeure as sent: the built-in wording, without the number La Poste gave after it was posted.
  expect(first.pdfText.toLowerCase()).not.toContain(`accusé de réception n° ${LRAR}`.toLowerCase());
  expect(first.pdfText).toContain("MISE EN DEMEURE DE PAYER");
  await pane.waitFor(page.getByText(`Dossier contentieux de ${MARTIN.client} prêt : créance, décompte, procédure, chronologie et 1 lettre envoyée.`));
  await pane.screenshot("court-file-done", { fullPage: false });

  // With the user's own template: the letter remade with it, the PDF says where it lies.
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Utiliser mon modèle Word (.docx)" }).click()]);
  await chooser.setFiles({
    name: "cabinet.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: docxOf(["Courrier du cabinet pour {client} : {total_du}.", "{#numero_lrar}Recommandé n° {numero_lrar}, inscrit par {lrar_enregistre_par}.{/numero_lrar}"]),
  });
  await pane.waitFor(page.getByText(/« cabinet\.docx » est vérifié/));
  const second = await courtFile(pane);
  const letter = new PizZip(second.zip.file(`lettres/${MED_REF}.docx`)!.asUint8Array()).file("word/document.xml")!.asText();
  const letterText = plain([...letter.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(" "));
  expect(letterText).toContain(`Courrier du cabinet pour ${MARTIN.client} :`);
  // Remade as sent: the template's LRAR block stays empty; the number is on the PDF's page for this letter.
  expect(letterText).not.toContain("Recommandé n°");
  expect(second.pdfText).toContain(`Lettre recommandée avec accusé de réception n° ${LRAR} (enregistrée par Paul Bernard).`);
  expect(second.pdfText).toContain(`Lettre faite avec votre modèle Word « cabinet.docx »`);
  expect(second.pdfText).not.toContain("MISE EN DEMEURE DE PAYER");
  expect(pane.pageErrors).toEqual([]);
});
