/**
 * WordprocessingML for the built-in letters: a minimal, valid .docx package
 * (A4, margins, styles, a footer with the creditor and the page number)
 * whose document.xml carries docxtemplater tags.
 *
 * Blocks (src/core/letters/blocks.ts) become paragraphs and tables:
 * - a `when` / `unless` block is wrapped in {#champ} / {^champ} paragraphs
 *   that docxtemplater's paragraphLoop removes;
 * - a table's body row carries {#factures} in its first cell and {/factures}
 *   in its last, so docxtemplater repeats the row;
 * - a combined document wraps the letters in {#lettres} … {/lettres}, starts
 *   each letter after the first with a section break ({@saut_de_section},
 *   raw XML) so that each letter begins on a new page and numbers its pages
 *   from 1, and selects each letter's wording with {#_modele_…} sections.
 */
import type { Block, NestedTableBlock, ParagraphBlock, ParagraphStyle, TableBlock, TotalsBlock } from "../core/letters/blocks";
import { runOf } from "../core/letters/blocks";
import type { LetterTemplate } from "../core/letters/wording";

export const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => (char === "&" ? "&amp;" : char === "<" ? "&lt;" : char === ">" ? "&gt;" : "&quot;"));
}

// Page: A4 portrait, 2.5 cm left, 2 cm elsewhere (twentieths of a point).
export const PAGE = { width: 11906, height: 16838, top: 1134, bottom: 1134, left: 1418, right: 1134, header: 567, footer: 567 };
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** The address block sits in the window of a DL envelope: 9 cm in from the left margin. */
const RECIPIENT_INDENT = 5103;

const STYLE_IDS: Readonly<Record<ParagraphStyle, string>> = {
  normal: "Corps",
  sender: "Expediteur",
  recipient: "Destinataire",
  date: "DateLettre",
  mention: "Mention",
  subject: "Objet",
  title: "TitreLettre",
  signature: "Signature",
  small: "PetitTexte",
};

/** The section properties of every letter (the raw section break repeats them). */
export const SECTION_PROPERTIES =
  `<w:footerReference w:type="default" r:id="rIdFooter1"/>` +
  `<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"/>` +
  `<w:pgMar w:top="${PAGE.top}" w:right="${PAGE.right}" w:bottom="${PAGE.bottom}" w:left="${PAGE.left}" w:header="${PAGE.header}" w:footer="${PAGE.footer}" w:gutter="0"/>` +
  `<w:pgNumType w:start="1"/>` +
  `<w:cols w:space="708"/>`;

function textRuns(text: string, rPr: string): string {
  return text
    .split("\n")
    .map((line, i) => `<w:r>${rPr}${i > 0 ? "<w:br/>" : ""}<w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r>`)
    .join("");
}

function tagParagraph(tag: string): string {
  return `<w:p><w:r><w:t>${escapeXml(tag)}</w:t></w:r></w:p>`;
}

function paragraphXml(block: ParagraphBlock): string {
  const pPr =
    `<w:pPr><w:pStyle w:val="${STYLE_IDS[block.style ?? "normal"]}"/>` +
    (block.keepNext ? "<w:keepNext/><w:keepLines/>" : "") +
    (block.spaceBefore !== undefined ? `<w:spacing w:before="${block.spaceBefore * 20}"/>` : "") +
    "</w:pPr>";
  const runs = block.runs
    .map((run) => {
      const r = runOf(run);
      const rPr = r.bold || r.italic || r.underline ? `<w:rPr>${r.bold ? "<w:b/>" : ""}${r.italic ? "<w:i/>" : ""}${r.underline ? '<w:u w:val="single"/>' : ""}</w:rPr>` : "";
      return textRuns(r.text, rPr);
    })
    .join("");
  return `<w:p>${pPr}${runs}</w:p>`;
}

interface CellOptions {
  readonly header?: boolean;
  readonly bold?: boolean;
  readonly borderTop?: boolean;
  /** Keep the row on the page of the next one (Word keeps table rows together through keepNext). */
  readonly keepNext?: boolean;
  /** Columns the cell spans. */
  readonly span?: number;
}

function cellXml(width: number, text: string, align: string, options: CellOptions = {}): string {
  const shading = options.header ? '<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>' : "";
  const borders = options.borderTop ? '<w:tcBorders><w:top w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:tcBorders>' : "";
  const span = options.span !== undefined && options.span > 1 ? `<w:gridSpan w:val="${options.span}"/>` : "";
  const rPr = options.header || options.bold ? "<w:rPr><w:b/></w:rPr>" : "";
  return (
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span}${borders}${shading}<w:vAlign w:val="center"/></w:tcPr>` +
    `<w:p><w:pPr><w:pStyle w:val="Cellule"/>${options.keepNext ? "<w:keepNext/>" : ""}<w:jc w:val="${align === "center" ? "center" : align === "right" ? "right" : "left"}"/></w:pPr>${textRuns(text, rPr)}</w:p></w:tc>`
  );
}

function widths(relative: readonly number[], total: number): number[] {
  const sum = relative.reduce((a, b) => a + b, 0);
  const out = relative.map((w) => Math.floor((w / sum) * total));
  out[out.length - 1] += total - out.reduce((a, b) => a + b, 0);
  return out;
}

const GRID_BORDERS =
  "<w:tblBorders>" +
  ["top", "left", "bottom", "right", "insideH", "insideV"].map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>`).join("") +
  "</w:tblBorders>";

function loopTableXml(columns: TableBlock["columns"], loop: string, total: number, footer?: NestedTableBlock["footer"]): string {
  const w = widths(
    columns.map((c) => c.width),
    total,
  );
  const grid = `<w:tblGrid>${w.map((x) => `<w:gridCol w:w="${x}"/>`).join("")}</w:tblGrid>`;
  const header = `<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>${columns.map((c, i) => cellXml(w[i], c.header, "center", { header: true, keepNext: true })).join("")}</w:tr>`;
  const last = columns.length - 1;
  // With a total row under it, every row keeps with the next: the total never starts a page alone.
  const body = `<w:tr><w:trPr><w:cantSplit/></w:trPr>${columns
    .map((c, i) => cellXml(w[i], `${i === 0 ? `{#${loop}}` : ""}${c.cell}${i === last ? `{/${loop}}` : ""}`, c.align, { keepNext: footer !== undefined }))
    .join("")}</w:tr>`;
  const foot = footer
    ? `<w:tr><w:trPr><w:cantSplit/></w:trPr>` +
      cellXml(w.slice(0, last).reduce((a, b) => a + b, 0), footer.label, "right", { bold: true, span: last }) +
      cellXml(w[last], footer.value, columns[last].align, { bold: true }) +
      "</w:tr>"
    : "";
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/>${GRID_BORDERS}<w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar><w:left w:w="70" w:type="dxa"/><w:right w:w="70" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>` +
    `${grid}${header}${body}${foot}</w:tbl>` +
    // Space after the table.
    '<w:p><w:pPr><w:pStyle w:val="Cellule"/><w:spacing w:after="0"/></w:pPr></w:p>'
  );
}

function tableXml(block: TableBlock): string {
  const sum = block.columns.reduce((a, c) => a + c.width, 0);
  // A short table (the payment plan) is not stretched over the whole width.
  const total = block.loop === "mensualites" ? Math.round(TEXT_WIDTH * Math.min(1, sum / 70)) : TEXT_WIDTH;
  return loopTableXml(block.columns, block.loop, total);
}

/** The décompte: per invoice with periods, its heading and its table of periods (see NestedTableBlock). */
function nestedTableXml(block: NestedTableBlock): string {
  const heading = paragraphXml({ type: "p", runs: block.heading, keepNext: true });
  return (
    `${tagParagraph(`{#${block.loop}}`)}${tagParagraph(`{#${block.itemWhen}}`)}${heading}` +
    `${loopTableXml(block.columns, block.inner, TEXT_WIDTH, block.footer)}${tagParagraph(`{/${block.itemWhen}}`)}${tagParagraph(`{/${block.loop}}`)}`
  );
}

function totalsXml(block: TotalsBlock): string {
  const w = [Math.round(TEXT_WIDTH * 0.42), Math.round(TEXT_WIDTH * 0.16)];
  const rows = block.rows
    .map((row, i) => {
      const isLast = i === block.rows.length - 1;
      const open = row.when ? `{#${row.when}}` : "";
      const close = row.when ? `{/${row.when}}` : "";
      return (
        `<w:tr><w:trPr><w:cantSplit/></w:trPr>` +
        cellXml(w[0], `${open}${row.label}`, "right", { bold: row.bold, borderTop: isLast && block.rows.length > 1 }) +
        cellXml(w[1], `${row.value}${close}`, "right", { bold: row.bold, borderTop: isLast && block.rows.length > 1 }) +
        "</w:tr>"
      );
    })
    .join("");
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${w[0] + w[1]}" w:type="dxa"/><w:jc w:val="right"/><w:tblLayout w:type="fixed"/>` +
    `<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>` +
    `<w:tblCellMar><w:left w:w="70" w:type="dxa"/><w:right w:w="70" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
    `<w:tblGrid><w:gridCol w:w="${w[0]}"/><w:gridCol w:w="${w[1]}"/></w:tblGrid>${rows}</w:tbl>` +
    '<w:p><w:pPr><w:pStyle w:val="Cellule"/><w:spacing w:after="0"/></w:pPr></w:p>'
  );
}

function blockXml(block: Block): string {
  if (block.only === "email") return "";
  const inner =
    block.type === "p" ? paragraphXml(block) : block.type === "table" ? tableXml(block) : block.type === "nestedTable" ? nestedTableXml(block) : totalsXml(block);
  let xml = inner;
  if (block.when !== undefined) xml = `${tagParagraph(`{#${block.when}}`)}${xml}${tagParagraph(`{/${block.when}}`)}`;
  if (block.unless !== undefined) xml = `${tagParagraph(`{^${block.unless}}`)}${xml}${tagParagraph(`{/${block.unless}}`)}`;
  return xml;
}

/**
 * A run of paragraphs that must stay on one page (ParagraphBlock.keepGroup):
 * one borderless single-cell table whose row cannot split. Word and
 * LibreOffice both honour a row that cannot split, where LibreOffice gives up
 * a long keepNext chain.
 */
const KEEP_GROUP_OPEN =
  `<w:tbl><w:tblPr><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:tblLayout w:type="fixed"/>` +
  '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>' +
  '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr>' +
  `<w:tblGrid><w:gridCol w:w="${TEXT_WIDTH}"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="${TEXT_WIDTH}" w:type="dxa"/></w:tcPr>`;
const KEEP_GROUP_CLOSE = "</w:tc></w:tr></w:tbl>";

/** The body XML of one letter, tags left for docxtemplater. */
export function letterBodyXml(template: LetterTemplate): string {
  return template.blocks
    .map((block) => {
      const xml = blockXml(block);
      if (block.type !== "p" || block.keepGroup === undefined || xml === "") return xml;
      return block.keepGroup === "start" ? `${KEEP_GROUP_OPEN}${xml}` : `${xml}${KEEP_GROUP_CLOSE}`;
    })
    .join("");
}

/** Name of the condition that selects a template in a combined document. */
export function templateSelector(key: string): string {
  return `_modele_${key.replace(/[^A-Za-z0-9]/g, "_")}`;
}

export const LETTERS_LOOP = "lettres";
export const SECTION_BREAK_TAG = "saut_de_section";

/** A section break paragraph ending the previous letter's section (value of {@saut_de_section}). */
export function sectionBreakXml(sectionProperties: string): string {
  return `<w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:sectPr>${sectionProperties}</w:sectPr></w:pPr></w:p>`;
}

/** Wraps letter bodies in the {#lettres} loop (see the module comment). */
export function combinedBodyXml(bodies: ReadonlyArray<{ readonly selector?: string; readonly xml: string }>): string {
  const inner = bodies
    .map((body) => (body.selector ? `${tagParagraph(`{#${body.selector}}`)}${body.xml}${tagParagraph(`{/${body.selector}}`)}` : body.xml))
    .join("");
  return `${tagParagraph(`{#${LETTERS_LOOP}}`)}${tagParagraph(`{@${SECTION_BREAK_TAG}}`)}${inner}${tagParagraph(`{/${LETTERS_LOOP}}`)}`;
}

export function documentXml(bodyXml: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W_NS}><w:body>${bodyXml}` +
    `<w:sectPr>${SECTION_PROPERTIES}</w:sectPr></w:body></w:document>`
  );
}

const FONT = "Arial";

const STYLES_XML =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles ${W_NS}>` +
  `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:eastAsia="${FONT}" w:cs="${FONT}"/><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="fr-FR"/></w:rPr></w:rPrDefault>` +
  `<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
  `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Corps"><w:name w:val="Corps de lettre"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Expediteur"><w:name w:val="Expéditeur"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Destinataire"><w:name w:val="Destinataire"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/><w:ind w:left="${RECIPIENT_INDENT}"/></w:pPr><w:rPr><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="DateLettre"><w:name w:val="Date de la lettre"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="240"/><w:ind w:left="${RECIPIENT_INDENT}"/></w:pPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Mention"><w:name w:val="Mention d'envoi"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:caps/></w:rPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Objet"><w:name w:val="Objet"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="40"/></w:pPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="TitreLettre"><w:name w:val="Titre de la lettre"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:spacing w:val="20"/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Signature"><w:name w:val="Signature"/><w:basedOn w:val="Normal"/><w:pPr><w:keepLines/><w:spacing w:after="0"/><w:ind w:left="${RECIPIENT_INDENT}"/></w:pPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="PetitTexte"><w:name w:val="Petit texte"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Cellule"><w:name w:val="Cellule de tableau"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="30" w:after="30" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="PiedDePage"><w:name w:val="Pied de page"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:color w:val="595959"/><w:sz w:val="15"/><w:szCs w:val="15"/></w:rPr></w:style>` +
  `</w:styles>`;

const FOOTER_XML =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr ${W_NS}>` +
  `<w:p><w:pPr><w:pStyle w:val="PiedDePage"/></w:pPr>` +
  `<w:r><w:t xml:space="preserve">{creancier} – {creancier_adresse_ligne} – SIREN {creancier_siren} – page </w:t></w:r>` +
  `<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>`;

const SETTINGS_XML =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings ${W_NS}><w:defaultTabStop w:val="708"/>` +
  `<w:characterSpacingControl w:val="doNotCompress"/><w:themeFontLang w:val="fr-FR"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`;

const CONTENT_TYPES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
  `<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
  `<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
  `<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
  `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
  `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;

const ROOT_RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
  `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
  `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`;

const DOCUMENT_RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
  `<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
  `<Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>`;

function coreXml(title: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>Recouvre</dc:creator><dc:language>fr-FR</dc:language></cp:coreProperties>`
  );
}

const APP_XML =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Recouvre</Application></Properties>`;

/** The files of a .docx package around a document.xml. */
export function packageFiles(document: string, title: string): Record<string, string> {
  return {
    "[Content_Types].xml": CONTENT_TYPES,
    "_rels/.rels": ROOT_RELS,
    "docProps/core.xml": coreXml(title),
    "docProps/app.xml": APP_XML,
    "word/document.xml": document,
    "word/styles.xml": STYLES_XML,
    "word/settings.xml": SETTINGS_XML,
    "word/footer1.xml": FOOTER_XML,
    "word/_rels/document.xml.rels": DOCUMENT_RELS,
  };
}
