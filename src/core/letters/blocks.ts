/**
 * A letter as a list of blocks whose text carries merge tags ("{client}").
 *
 * One wording, three outputs: the documents layer turns blocks into a Word
 * template (the tags stay, docxtemplater merges them), and `resolveBlocks`
 * merges them here for the PDF, the e-mail bodies and the pane's preview. The
 * tag syntax is docxtemplater's default one: `{champ}` for a value; a table
 * block repeats its row for each item of a list field (`{#factures}` …
 * `{/factures}` in Word); `when` keeps a block only when its field is set.
 */

export type Channel = "courrier" | "email";

export interface StyledRun {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
}
export type Run = string | StyledRun;

/**
 * sender: letterhead lines, top left. recipient: the address block, set in
 * the window of a DL envelope (right half). date: right-aligned "Paris, le …".
 * mention: "Lettre recommandée…". subject: "Objet : …". title: centred
 * heading. signature: indented to the right. small: footnotes.
 */
export type ParagraphStyle = "normal" | "sender" | "recipient" | "date" | "mention" | "subject" | "title" | "signature" | "small";

interface BlockBase {
  /** Kept only when this field is set (non-empty string, true, non-empty list). */
  readonly when?: string;
  /** Kept only when this field is not set. */
  readonly unless?: string;
  /** Only in the printed letter, or only in the e-mail. */
  readonly only?: Channel;
}

export interface ParagraphBlock extends BlockBase {
  readonly type: "p";
  readonly runs: readonly Run[];
  readonly style?: ParagraphStyle;
  /** Extra space before, in points (page layout hints). */
  readonly spaceBefore?: number;
  /** Keep with the next block on the same page. */
  readonly keepNext?: boolean;
  /**
   * First and last paragraph of a run that must stay on one page (the terms
   * of a payment plan to « Bon pour accord »). The PDF keeps it through the
   * keepNext chain; Word files set it in one row that cannot split, since
   * LibreOffice breaks long keepNext chains.
   */
  readonly keepGroup?: "start" | "end";
}

export type Align = "left" | "right" | "center";

export interface TableColumn {
  readonly header: string;
  /** Field of the list item ("{numero}"), or a text with tags. */
  readonly cell: string;
  readonly align: Align;
  /** Relative width. */
  readonly width: number;
}

/** A table whose body row repeats for each item of a list field. */
export interface TableBlock extends BlockBase {
  readonly type: "table";
  readonly loop: "factures" | "mensualites" | "avoirs" | "reglements";
  readonly columns: readonly TableColumn[];
}

/** Label / amount lines under a table, right-aligned. */
export interface TotalsBlock extends BlockBase {
  readonly type: "totals";
  readonly rows: ReadonlyArray<{ readonly label: string; readonly value: string; readonly bold?: boolean; readonly when?: string }>;
}

/**
 * Per item of an outer list, a heading and a table of the item's inner list,
 * closed by a total row: the décompte des intérêts (per invoice, its
 * periods). In Word: {#factures}{#itemWhen} heading, table whose body row
 * repeats with {#periodes} … {/periodes}, total row {/itemWhen}{/factures}.
 */
export interface NestedTableBlock extends BlockBase {
  readonly type: "nestedTable";
  readonly loop: "factures";
  readonly inner: "periodes";
  /** An item is shown only when this field of the item is set. */
  readonly itemWhen: string;
  readonly heading: readonly Run[];
  readonly columns: readonly TableColumn[];
  /** The total row: a label under the first columns, a value under the last one. */
  readonly footer: { readonly label: string; readonly value: string };
}

export type Block = ParagraphBlock | TableBlock | TotalsBlock | NestedTableBlock;

/** An item of a list field: its own fields, lists included (an invoice's periods). */
export interface FieldItem {
  readonly [name: string]: string | boolean | readonly FieldItem[];
}
export type FieldValue = string | boolean | readonly FieldItem[];
export type FieldScope = Readonly<Record<string, FieldValue | undefined>>;

const TAG = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Names of the tags in a text. */
export function tagsOf(text: string): string[] {
  return [...text.matchAll(TAG)].map((match) => match[1]);
}

export function isSet(value: FieldValue | undefined): boolean {
  if (value === undefined || value === false || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Replaces each {tag} by its value in the innermost scope that has it ("" when none does). */
export function mergeText(text: string, ...scopes: FieldScope[]): string {
  return text.replace(TAG, (_, name: string) => {
    for (const scope of scopes) {
      const value = scope[name];
      if (value !== undefined) return typeof value === "string" ? value : typeof value === "boolean" ? (value ? "oui" : "") : "";
    }
    return "";
  });
}

// ---------------------------------------------------------------------------
// Merged blocks: what the PDF, the e-mail and the preview draw.

export interface MergedRun {
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly underline: boolean;
}

export interface MergedParagraph {
  readonly type: "p";
  readonly style: ParagraphStyle;
  readonly runs: readonly MergedRun[];
  readonly spaceBefore?: number;
  readonly keepNext?: boolean;
}

export interface MergedTable {
  readonly type: "table";
  readonly columns: ReadonlyArray<{ readonly header: string; readonly align: Align; readonly width: number }>;
  readonly rows: ReadonlyArray<readonly string[]>;
  /** A last row in bold (a total), kept on the page of the row above it. */
  readonly footer?: readonly string[];
}

export interface MergedTotals {
  readonly type: "totals";
  readonly rows: ReadonlyArray<{ readonly label: string; readonly value: string; readonly bold: boolean }>;
}

export type MergedBlock = MergedParagraph | MergedTable | MergedTotals;

function kept(block: BlockBase, fields: FieldScope, channel: Channel): boolean {
  if (block.only !== undefined && block.only !== channel) return false;
  if (block.when !== undefined && !isSet(fields[block.when])) return false;
  if (block.unless !== undefined && isSet(fields[block.unless])) return false;
  return true;
}

export function runOf(run: Run): StyledRun {
  return typeof run === "string" ? { text: run } : run;
}

function mergedRun(run: Run, ...scopes: FieldScope[]): MergedRun {
  const r = runOf(run);
  return { text: mergeText(r.text, ...scopes), bold: r.bold ?? false, italic: r.italic ?? false, underline: r.underline ?? false };
}

function listOf(value: FieldValue | undefined): readonly FieldItem[] {
  return Array.isArray(value) ? (value as readonly FieldItem[]) : [];
}

/** Merges a letter's blocks with its fields, for one channel. */
export function resolveBlocks(blocks: readonly Block[], fields: FieldScope, channel: Channel): MergedBlock[] {
  const out: MergedBlock[] = [];
  for (const block of blocks) {
    if (!kept(block, fields, channel)) continue;
    if (block.type === "p") {
      out.push({
        type: "p",
        style: block.style ?? "normal",
        runs: block.runs.map((run) => mergedRun(run, fields)),
        ...(block.spaceBefore !== undefined && { spaceBefore: block.spaceBefore }),
        ...(block.keepNext && { keepNext: true }),
      });
    } else if (block.type === "table") {
      out.push({
        type: "table",
        columns: block.columns.map((c) => ({ header: c.header, align: c.align, width: c.width })),
        rows: listOf(fields[block.loop]).map((item) => block.columns.map((c) => mergeText(c.cell, item, fields))),
      });
    } else if (block.type === "nestedTable") {
      const columns = block.columns.map((c) => ({ header: c.header, align: c.align, width: c.width }));
      for (const item of listOf(fields[block.loop])) {
        if (!isSet(item[block.itemWhen])) continue;
        out.push({ type: "p", style: "normal", keepNext: true, runs: block.heading.map((run) => mergedRun(run, item, fields)) });
        const footer = block.columns.map((_, i) => (i === 0 ? mergeText(block.footer.label, item, fields) : i === block.columns.length - 1 ? mergeText(block.footer.value, item, fields) : ""));
        out.push({ type: "table", columns, rows: listOf(item[block.inner]).map((inner) => block.columns.map((c) => mergeText(c.cell, inner, item, fields))), footer });
      }
    } else {
      out.push({
        type: "totals",
        rows: block.rows
          .filter((row) => row.when === undefined || isSet(fields[row.when]))
          .map((row) => ({ label: mergeText(row.label, fields), value: mergeText(row.value, fields), bold: row.bold ?? false })),
      });
    }
  }
  return out;
}

/** Plain text of a paragraph. */
export function paragraphText(paragraph: MergedParagraph): string {
  return paragraph.runs.map((run) => run.text).join("");
}
