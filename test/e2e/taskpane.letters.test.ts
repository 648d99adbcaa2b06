/**
 * The « Courriers » tab in the built pane (issue 5): the creditor's profile,
 * the preview, the combined .docx downloaded and opened (its XML), one
 * « Document » row per client in the journal, and the user's own Word
 * template: a bad one reported before any merge, a good one with a
 * {#factures} loop used for the next .docx. Today is fixed (16/03/2026).
 * Needs `npm run build` first.
 */
import { readFileSync } from "node:fs";
import PizZip from "pizzip";
import type { Download, Locator } from "playwright-core";
import { useBrowserHarness, type Pane } from "./harness";
import { MARTIN, TODAY, ledgerWorkbookWithHistory } from "./ledgerFixture";
import { analyse, animationsDone, journalRows, openTab, plain, textOf } from "./paneSteps";

const harness = useBrowserHarness();

const DUPONT = "Garage Dupont SARL";
const CLIENTS = [MARTIN.client, DUPONT];

const PROFILE: Record<string, string> = {
  "Raison sociale": "SARL Martin Électricité",
  Adresse: "5 rue de la Paix",
  "Code postal": "75002",
  Ville: "Paris",
  SIREN: "732 829 320",
  IBAN: "FR76 3000 6000 0112 3456 7890 189",
  "Contact (nom du signataire)": "Claire Martin",
  "E-mail": "compta@martin-elec.fr",
};

/** A minimal Word document, one paragraph per line: what a user writes in Word. */
function docxOf(lines: readonly string[]): Buffer {
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
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
      lines.map((line) => `<w:p><w:r><w:t xml:space="preserve">${escape(line)}</w:t></w:r></w:p>`).join("") +
      '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>',
  );
  return zip.generate({ type: "nodebuffer" });
}

/** The text of a downloaded .docx's body, paragraph by paragraph, French spaces made plain. */
function docxText(download: { bytes: Buffer }): { xml: string; paragraphs: string[] } {
  const xml = new PizZip(download.bytes).file("word/document.xml")!.asText();
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => plain([...p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("")));
  return { xml, paragraphs: paragraphs.filter((p) => p !== "") };
}

/**
 * Scrolls the button into view, then clicks it. Under the fixed clock,
 * Playwright's own scrolling before a click sometimes leaves the pointer on
 * the preview iframe above the button (the click never reaches the pane).
 */
async function press(button: Locator): Promise<void> {
  await button.scrollIntoViewIfNeeded();
  await button.click();
}

async function downloaded(pane: Pane, action: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([pane.page.waitForEvent("download") as Promise<Download>, action()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(file) };
}

async function lettersTab(): Promise<Pane> {
  // Clients with a history (one call each), so that both are at « Relance 1 » (issue 14 §4).
  const pane = await harness().openTaskpane({ state: ledgerWorkbookWithHistory(CLIENTS), now: TODAY });
  await analyse(pane);
  await openTab(pane, "Courriers");
  return pane;
}

async function fillProfile(pane: Pane): Promise<void> {
  const page = pane.page;
  for (const [label, value] of Object.entries(PROFILE)) await page.getByLabel(label, { exact: true }).fill(value);
}

async function chooseClients(pane: Pane, clients: readonly string[]): Promise<void> {
  const boxes = pane.page.getByRole("group", { name: "Clients" }).getByRole("checkbox");
  expect(await boxes.count()).toBe(11);
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).setChecked(false);
  for (const client of clients) await pane.page.getByRole("checkbox", { name: new RegExp(`^${client} — `) }).setChecked(true);
}

async function loadTemplate(pane: Pane, name: string, lines: readonly string[]): Promise<void> {
  const [chooser] = await Promise.all([pane.page.waitForEvent("filechooser"), pane.page.getByRole("button", { name: "Utiliser mon modèle Word (.docx)" }).click()]);
  await chooser.setFiles({ name, mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: docxOf(lines) });
}

test("profile, preview, combined .docx with each client and French amounts, one « Document » row per client; a bad user template is reported, a good one with a loop is used", async () => {
  const pane = await lettersTab();
  const page = pane.page;

  // The profile form: a wrong SIREN key is refused in French, the right one saved.
  await fillProfile(pane);
  await page.getByLabel("SIREN", { exact: true }).fill("732829321");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await pane.waitFor(page.getByRole("alert").filter({ hasText: "SIREN invalide" }));
  await pane.screenshot("letters-profile-error");
  await page.getByLabel("SIREN", { exact: true }).fill(PROFILE.SIREN);
  await pane.screenshot("letters-profile");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await pane.waitFor(page.getByRole("alert"), { state: "hidden" });
  const savedProfile = await savedSetting(pane, "recouvre.profilCreancier");
  expect(JSON.parse(String(savedProfile))).toMatchObject({ siren: "732829320", iban: "FR7630006000011234567890189", raisonSociale: "SARL Martin Électricité" });

  // Two clients, both at « Relance 1 »; the preview is the first one's letter.
  expect(await pane.page.getByRole("checkbox", { name: `${MARTIN.client} — Relance 1` }).count()).toBe(1);
  await chooseClients(pane, CLIENTS);
  const generate = page.getByRole("button", { name: "Générer pour 2 clients" });
  await pane.waitFor(generate);
  const frame = page.frameLocator(`iframe[title="Aperçu (premier client)"]`);
  await pane.waitFor(frame.locator("body"));
  const previewText = plain(await frame.locator("body").innerText());
  // The first selected in the list's order; both are at « Relance 1 »: the courteous wording, not yet a mise en demeure.
  expect(previewText).toContain(DUPONT);
  expect(previewText).toContain("SARL Martin Électricité");
  // Issue 14 §4 / 18 change this: Garage Dupont's oldest invoice is past relance 1's window, so the letter
  // states the delay instead of « sans doute un simple oubli », and greets its named contact.
  expect(previewText).toMatch(/Ce retard atteint désormais \d+ jours/);
  expect(previewText).not.toContain("simple oubli");
  expect(previewText).toContain("Monsieur Dupont,");
  expect(previewText).not.toMatch(/mise en demeure/i);
  expect(previewText).toMatch(/Total dû\s+33 057,35 €/);
  await page.getByText("Aperçu (premier client)").scrollIntoViewIfNeeded();
  await pane.screenshot("letters-preview", { fullPage: false });

  // The combined .docx: one letter per client, amounts written the French way.
  const combined = await downloaded(pane, () => press(generate));
  expect(combined.name).toBe("lettres-2026-03-16.docx");
  const { xml, paragraphs } = docxText(combined);
  const text = paragraphs.join("\n");
  for (const client of CLIENTS) expect(text).toContain(client);
  expect(text).toContain("1 200,00 €");
  expect(text).toMatch(/\d{1,3} \d{3},\d{2} €/);
  expect(xml).toMatch(/\d\u202f\d{3},\d{2}\u00a0€|\d\u202f\d{3},\d{2}\u202f€/);
  expect(text).not.toMatch(/\d\.\d{2} ?€|€\d/);
  expect(text).not.toContain("{");
  await pane.waitFor(page.getByText(/^2 document\(s\) dans lettres-2026-03-16\.docx/));

  // The journal: one « Document » row per client, with the reference printed in its letter.
  const documents = (await journalRows(pane)).filter((row) => row.Type === "Document");
  expect(documents.map((row) => row.Client).sort()).toEqual([...CLIENTS].sort());
  for (const row of documents) {
    expect(row["Référence document"]).toMatch(/^REL-2026-03-16-/);
    expect(text).toContain(String(row["Référence document"]));
    expect(row.Canal).toBe("Courrier");
  }

  // The built-in template of the first client's step, to start from in Word: tags in place.
  const builtIn = await downloaded(pane, () => press(page.getByRole("button", { name: "Télécharger le modèle intégré" })));
  expect(builtIn.name).toMatch(/^modele-.+\.docx$/);
  const builtInText = docxText(builtIn).paragraphs.join("\n");
  expect(builtInText).toContain("{client}");
  expect(builtInText).toContain("{reference}");

  // A user template with a typo: reported before any merge, with the closest field; nothing stored.
  await loadTemplate(pane, "mon-modele.docx", ["Madame, Monsieur,", "Nous vous écrivons au sujet de {clientt}.", "Total : {total_du}"]);
  const report = page.getByRole("alert").filter({ hasText: "mon-modele.docx" });
  await pane.waitFor(report);
  const reportText = await textOf(report);
  expect(reportText).toContain("« mon-modele.docx » n'est pas utilisé");
  expect(reportText).toContain("{clientt} : vouliez-vous dire {client} ?");
  expect(await report.getByRole("list", { name: "Champ inconnu :" }).getByRole("listitem").allInnerTexts()).toEqual(["{clientt} : vouliez-vous dire {client} ?"]);
  expect(readStoredSetting(await savedSetting(pane, "recouvre.modeleUtilisateur"))).toBeUndefined();
  // Not also « ne contient pas {client} »: the typo above already says it.
  expect(await page.getByText(/ne contient pas \{client\}/).count()).toBe(0);
  await report.scrollIntoViewIfNeeded();
  await animationsDone(pane);
  await pane.screenshot("letters-template-report", { fullPage: false });

  // A template written with its own names (issue 18): each name proposed by meaning, the user confirms,
  // the mapping is stored with the template.
  await loadTemplate(pane, "avocat.docx", ["{#isFemale}Madame{/}{^isFemale}Monsieur{/},", "{nom_debiteur}, {code_postal_creancier}", "Le {date_mise_en_demeure} : {totalClaimed}"]);
  const mappingForm = page.getByRole("region", { name: "Associer vos champs aux champs Recouvre" });
  await pane.waitFor(mappingForm);
  expect(await mappingForm.getByLabel("code_postal_creancier").inputValue()).toBe("creancier_code_postal");
  expect(await mappingForm.getByLabel("date_mise_en_demeure").inputValue()).toBe("date_lettre");
  expect(await mappingForm.getByLabel("isFemale").inputValue()).toBe("madame");
  expect(await mappingForm.getByLabel("nom_debiteur").inputValue()).toBe("client");
  await mappingForm.scrollIntoViewIfNeeded();
  await animationsDone(pane);
  await pane.screenshot("letters-template-mapping", { fullPage: false });
  await mappingForm.getByLabel("totalClaimed").selectOption("total_principal");
  await mappingForm.getByRole("button", { name: "Utiliser le modèle avec ces associations" }).click();
  await pane.waitFor(page.getByText(/« avocat\.docx » est vérifié/));
  const mapped = JSON.parse(String(await savedSetting(pane, "recouvre.modeleUtilisateur"))) as { name: string; mapping: Record<string, string | null> };
  expect(mapped.mapping).toEqual({
    isFemale: "madame",
    nom_debiteur: "client",
    code_postal_creancier: "creancier_code_postal",
    date_mise_en_demeure: "date_lettre",
    totalClaimed: "total_principal",
  });

  // A good template with a loop over the invoices: accepted, stored, and used by the next .docx.
  const good = ["Lettre personnelle pour {client}", "{#factures}", "Facture {numero} du {date} : {montant}", "{/factures}", "Total dû : {total_du} (réf. {reference})"];
  await loadTemplate(pane, "relance-maison.docx", good);
  await pane.waitFor(page.getByText(/« relance-maison\.docx » est vérifié/));
  await pane.waitFor(page.getByText(/Votre modèle Word « relance-maison\.docx » sert aux lettres/));
  const stored = JSON.parse(String(await savedSetting(pane, "recouvre.modeleUtilisateur"))) as { name: string; base64: string };
  expect(stored.name).toBe("relance-maison.docx");
  expect(Buffer.from(stored.base64, "base64").equals(docxOf(good))).toBe(true);
  await pane.screenshot("letters-template-accepted", { fullPage: false });

  const merged = docxText(await downloaded(pane, () => press(generate)));
  const mergedText = merged.paragraphs.join("\n");
  for (const client of CLIENTS) expect(mergedText).toContain(`Lettre personnelle pour ${client}`);
  // Boulangerie Martin's letter, one loop line per invoice, its total to the cent (ledgerFixture.ts).
  const martinAt = merged.paragraphs.indexOf(`Lettre personnelle pour ${MARTIN.client}`);
  expect(merged.paragraphs.slice(martinAt + 1, martinAt + 4)).toEqual([
    "Facture FA-2026-0007 du 16/12/2025 : 1 200,00 €",
    "Facture FA-2026-0031 du 15/01/2026 : 850,50 €",
    `Total dû : ${MARTIN.total} (réf. REL-2026-03-16-BOULANGERIE-MARTIN-R1)`,
  ]);
  // Garage Dupont's five invoices: the loop ran once per invoice of each letter.
  expect(merged.paragraphs.filter((p) => p.startsWith("Facture "))).toHaveLength(7);
  expect(mergedText).not.toContain("{");
  expect((await journalRows(pane)).filter((row) => row.Type === "Document")).toHaveLength(4);

  // Back to the built-in wording: the setting is cleared.
  await page.getByRole("button", { name: "Revenir au libellé intégré" }).click();
  await pane.waitFor(page.getByText(/^Libellé intégré de Recouvre/));
  expect(readStoredSetting(await savedSetting(pane, "recouvre.modeleUtilisateur"))).toBeUndefined();
  expect(pane.pageErrors).toEqual([]);
});

function readStoredSetting(value: unknown): unknown {
  return value === undefined || value === null || value === "null" ? undefined : value;
}

/** A workbook setting as last saved (saveAsync), as Office keeps it: a string. */
function savedSetting(pane: Pane, key: string): Promise<unknown> {
  return pane.double((api, k) => api.settingsSnapshot().saved[k], key);
}
