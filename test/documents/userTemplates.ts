/**
 * User templates as Word writes them: tags split over runs, a header, a
 * table whose row loops over the invoices, the body's own section.
 */
import PizZip from "pizzip";
import { packageFiles, W_NS } from "../../src/documents/ooxml";

const run = (text: string, bold = false) => `<w:r>${bold ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (...runs: string[]) => `<w:p>${runs.join("")}</w:p>`;
const cell = (...runs: string[]) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${para(...runs)}</w:tc>`;

export function userTemplateDocx(body: string, header = `${para(run("{creancier} – SIREN {creancier_siren}"))}`): Uint8Array {
  const files = packageFiles(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W_NS}><w:body>${body}` +
      `<w:sectPr w:rsidR="00AB12CD"><w:headerReference w:type="default" r:id="rIdHeader1"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`,
    "Mon modèle",
  );
  files["word/header1.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr ${W_NS}>${header}</w:hdr>`;
  files["word/_rels/document.xml.rels"] = files["word/_rels/document.xml.rels"].replace(
    "</Relationships>",
    '<Relationship Id="rIdHeader1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>',
  );
  files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
    "</Types>",
    '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>',
  );
  const zip = new PizZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generate({ type: "uint8array", compression: "DEFLATE" });
}

/** A plausible user letter with a loop in a table, tags split over runs as Word does. */
export function goodUserTemplate(): Uint8Array {
  return userTemplateDocx(
    para(run("{cli"), run("ent}", true)) +
      para(run("{adresse}")) +
      para(run("{code_postal} {ville}")) +
      para(run("Objet : relance – {nb_factures} pour {total_du}")) +
      `<w:tbl><w:tblPr><w:tblW w:w="8000" w:type="dxa"/><w:tblBorders><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>` +
      `<w:tr>${cell(run("Facture"))}${cell(run("Échéance"))}${cell(run("Montant"))}${cell(run("Retard"))}</w:tr>` +
      `<w:tr>${cell(run("{#fac"), run("tures}{numero}"))}${cell(run("{echeance}"))}${cell(run("{montant}"))}${cell(run("{jours_retard} j{/factures}"))}</w:tr></w:tbl>` +
      para(run("{#particulier}Intérêts au taux légal dès la mise en demeure.{/particulier}")) +
      para(run("{^particulier}Indemnité forfaitaire : {total_indemnites}.{/particulier}")) +
      para(run("Fait à {ville_creancier}, le {date_lettre}. {signataire}")),
  );
}
