/**
 * The FEC reader (issue 14): bytes in, the customer lines of the books out,
 * with a report of everything else. Entry points:
 *
 *   readFec(bytes, fileName)            one file
 *   readFecFiles([{ name, bytes }, …])  a FEC split in parts, each with its header
 *
 * then openItemsAt(result.lines, day, { terms }) (../openItems).
 *
 * Customer lines are accounts 411* and 416*; 418* (invoices to issue) and
 * 419* (customers' advances) are counted apart, never chased; class 70 lines
 * feed the revenue for the DSO; every other line is counted. The customer is
 * CompAuxNum, or the 411/416 sub-account when CompAuxNum is blank.
 *
 * Speed: a FEC has hundreds of thousands of lines, most of them not on a
 * customer account. Each line is cut at its separators into two reused
 * integer arrays (no string per field); only customer and sales lines have
 * their amounts and dates read, and only customer lines become objects. The
 * fields customer lines repeat (account, name, journal) come from a string
 * pool: no new string for a value seen before, identity-equal keys later.
 */
import type { Cents } from "../../money";
import { NoticeCounter, type BookNotice, type BookNoticeCode } from "../report";
import type { BookLine, LineKind } from "../types";
import { classifyLine, journalType, namedInvoice } from "./classify";
import { decodeFecBytes, type FecEncoding } from "./decode";
import { fieldText, parseFecAmount, parseFecDate, trimEnd, trimStart } from "./fields";
import { readFecHeader, type FecField, type FecHeader } from "./header";
import { StringPool } from "./stringPool";

export interface FecInput {
  readonly name: string;
  /** The file's bytes (encoding detected), or text already decoded. */
  readonly bytes: Uint8Array | string;
}

export interface FecFileReport {
  readonly file: string;
  readonly encoding: FecEncoding | "texte";
  readonly separator: "tabulation" | "|" | "";
  /** Fields of the header, and the arrêté's form it matches. */
  readonly fields: number;
  readonly variant: FecHeader["variant"] | "";
  readonly amounts: FecHeader["amounts"] | "";
  /** Data lines (headers and blank lines excluded). */
  readonly lines: number;
  readonly headerRepeats: number;
}

/** Revenue per day (key: epoch day), in cents: any period's revenue can be summed from it. */
export interface DailySales {
  /** Class 70 credits minus debits: revenue excluding VAT. */
  readonly ht: Map<number, Cents>;
  /** Customer-account invoices minus credit notes of the sales journals: revenue including VAT. */
  readonly ttc: Map<number, Cents>;
}

export interface FecReport {
  readonly files: FecFileReport[];
  /** Data lines read, over all files. */
  readonly linesRead: number;
  /** Lines on customer accounts 411/416, returned as BookLines. */
  readonly customerLines: number;
  /** Every other line, by reason: their counts and customerLines add up to linesRead. */
  readonly notices: BookNotice[];
}

export interface FecRead {
  readonly lines: BookLine[];
  readonly report: FecReport;
  readonly sales: DailySales;
}

const SPLIT_NOTICES: ReadonlySet<BookNoticeCode> = new Set<BookNoticeCode>(["entete_repete", "ligne_vide", "entete_introuvable"]);

/** Notices that stand for data lines (the others describe headers, blank lines or whole files). */
export function isLineNotice(notice: BookNotice): boolean {
  return !SPLIT_NOTICES.has(notice.code);
}

function add(map: Map<number, number>, key: number, cents: number): void {
  map.set(key, (map.get(key) ?? 0) + cents);
}

/** How often the reader reports its progress: every this many lines (a 300,000-line FEC: about 18 reports). */
export const PROGRESS_EVERY_LINES = 16_384;

/** Progress of a read: `done` of `total` units (bytes, or characters for text given decoded), done === total at the end. */
export type FecReadProgress = (done: number, total: number) => void;

class FileReader {
  readonly lines: BookLine[] = [];
  /** Set by readFecFiles for each file: reports how far into the file the reader is (0..1). */
  onLines: ((fraction: number) => void) | undefined;
  private readonly pool = new StringPool();
  starts = new Int32Array(32);
  ends = new Int32Array(32);

  constructor(
    private readonly counter: NoticeCounter,
    private readonly sales: DailySales,
  ) {}

  /**
   * Cuts [pos, end) at the separator into this.starts/ends, from field `from`
   * up to field `need` (excluded): a line is cut only as far as it is read.
   * Returns the number of fields cut so far.
   */
  private cut(text: string, pos: number, end: number, separator: string, from: number, need: number): number {
    let count = from;
    while (count < need) {
      const next = text.indexOf(separator, pos);
      this.starts[count] = pos;
      if (next === -1 || next >= end) {
        this.ends[count++] = end;
        break;
      }
      this.ends[count++] = next;
      pos = next + 1;
    }
    return count;
  }

  read(file: string, text: string, encoding: FecFileReport["encoding"]): FecFileReport {
    const counter = this.counter;
    const length = text.length;
    const lineBreak = text.indexOf("\n") === -1 && text.indexOf("\r") !== -1 ? "\r" : "\n";
    let header: FecHeader | undefined;
    let headerLine = "";
    let lineNo = 0;
    let dataLines = 0;
    let headerRepeats = 0;
    let pos = 0;
    // Field indexes (undefined when absent).
    let i: Record<FecField, number> = {} as Record<FecField, number>;
    let need = 0;
    let separator = "\t";
    while (pos < length) {
      let end = text.indexOf(lineBreak, pos);
      if (end === -1) end = length;
      const next = end + 1;
      if (end > pos && text.charCodeAt(end - 1) === 13) end--;
      lineNo++;
      const start = pos;
      pos = next;
      if (this.onLines !== undefined && lineNo % PROGRESS_EVERY_LINES === 0) this.onLines(Math.min(pos, length) / length);
      if (trimStart(text, start, end) === end) {
        counter.add("ligne_vide", file, lineNo);
        continue;
      }
      if (header === undefined) {
        headerLine = text.slice(start, end);
        header = readFecHeader(headerLine);
        if (header === undefined) {
          counter.add("entete_introuvable", file, lineNo, 0, headerLine.slice(0, 120));
          return { file, encoding, separator: "", fields: 0, variant: "", amounts: "", lines: 0, headerRepeats: 0 };
        }
        separator = header.separator;
        i = {} as Record<FecField, number>;
        need = 0;
        for (const [field, index] of Object.entries(header.index) as [FecField, number][]) {
          i[field] = index;
          if (field !== "montantdevise" && field !== "idevise" && field !== "validdate" && field !== "datelet") need = Math.max(need, index + 1);
        }
        if (this.starts.length < header.width + 1) {
          this.starts = new Int32Array(header.width + 1);
          this.ends = new Int32Array(header.width + 1);
        }
        continue;
      }
      if (end - start === headerLine.length && text.startsWith(headerLine, start)) {
        headerRepeats++;
        counter.add("entete_repete", file, lineNo);
        continue;
      }
      if (this.line(file, lineNo, text, start, end, separator, need, i, header.amounts === "montant_sens")) dataLines++;
      else headerRepeats++;
    }
    return {
      file,
      encoding,
      separator: header === undefined ? "" : separator === "\t" ? "tabulation" : "|",
      fields: header?.width ?? 0,
      variant: header?.variant ?? "",
      amounts: header?.amounts ?? "",
      lines: dataLines,
      headerRepeats,
    };
  }

  private line(
    file: string,
    lineNo: number,
    text: string,
    start: number,
    end: number,
    separator: string,
    need: number,
    i: Record<FecField, number>,
    montantSens: boolean,
  ): boolean {
    const counter = this.counter;
    const starts = this.starts;
    const ends = this.ends;
    // First as far as the account: most lines of a FEC are not on a customer account and are only counted.
    const accountNeed = i.comptenum + 1;
    let count = this.cut(text, start, end, separator, 0, accountNeed);
    if (count < accountNeed) return this.incomplete(text, start, end, file, lineNo, count, need);
    const cs = trimStart(text, starts[i.comptenum], ends[i.comptenum]);
    const ce = ends[i.comptenum];
    if (cs >= ce) {
      counter.add("compte_vide", file, lineNo);
      return true;
    }
    const c0 = text.charCodeAt(cs);
    const c1 = cs + 1 < ce ? text.charCodeAt(cs + 1) : 0;
    const c2 = cs + 2 < ce ? text.charCodeAt(cs + 2) : 0;
    // 52 '4', 49 '1', 54 '6', 56 '8', 57 '9', 55 '7', 48 '0'
    let target: "client" | "418" | "419" | "ventes";
    if (c0 === 52 && c1 === 49 && (c2 === 49 || c2 === 54)) target = "client";
    else if (c0 === 52 && c1 === 49 && c2 === 56) target = "418";
    else if (c0 === 52 && c1 === 49 && c2 === 57) target = "419";
    else if (c0 === 55 && c1 === 48) target = "ventes";
    else if ((c0 < 48 || c0 > 57) && readFecHeader(text.slice(start, end)) !== undefined) {
      // The header again, in another case or padding (parts of a split FEC made by different tools).
      counter.add("entete_repete", file, lineNo);
      return false;
    } else {
      counter.add("autre_compte", file, lineNo);
      return true;
    }

    if (count < need) {
      const last = ends[count - 1];
      if (last < end) count = this.cut(text, last + 1, end, separator, count, need);
      if (count < need) return this.incomplete(text, start, end, file, lineNo, count, need);
    }
    let signed: number;
    if (montantSens) {
      const amount = parseFecAmount(text, starts[i.montant], ends[i.montant]);
      const sens = fieldText(text, starts[i.sens], ends[i.sens]).toUpperCase();
      const sign = sens === "D" || sens === "+1" || sens === "1" || sens === "+" ? 1 : sens === "C" || sens === "-1" || sens === "-" ? -1 : 0;
      if (amount !== amount) return this.report("montant_illisible", file, lineNo, 0, fieldText(text, starts[i.montant], ends[i.montant]));
      if (sign === 0) return this.report("sens_illisible", file, lineNo, 0, sens);
      signed = sign * amount;
    } else {
      const debit = parseFecAmount(text, starts[i.debit], ends[i.debit]);
      const credit = parseFecAmount(text, starts[i.credit], ends[i.credit]);
      if (debit !== debit || credit !== credit) {
        const bad = debit !== debit ? i.debit : i.credit;
        return this.report("montant_illisible", file, lineNo, 0, fieldText(text, starts[bad], ends[bad]));
      }
      if (debit !== 0 && credit !== 0) {
        return this.report("debit_et_credit", file, lineNo, 0, `${fieldText(text, starts[i.debit], ends[i.debit])} / ${fieldText(text, starts[i.credit], ends[i.credit])}`);
      }
      signed = debit - credit;
    }
    const date = parseFecDate(text, starts[i.ecrituredate], ends[i.ecrituredate]);
    if (date !== date) return this.report("date_illisible", file, lineNo, 0, fieldText(text, starts[i.ecrituredate], ends[i.ecrituredate]));
    if (signed === 0) return this.report("montant_nul", file, lineNo);
    if (target === "ventes") {
      add(this.sales.ht, date, -signed);
      return this.report("autre_compte", file, lineNo);
    }
    if (target !== "client") return this.report(target === "418" ? "compte_418" : "compte_419", file, lineNo, signed);

    const ledgerAccount = this.pool.intern(text, cs, trimEnd(text, cs, ce));
    const aux = this.pooled(text, i.compauxnum);
    const journal = this.pooled(text, i.journalcode);
    const journalLabel = this.pooled(text, i.journallib);
    const label = this.field(text, i.ecriturelib);
    const kind: LineKind = classifyLine(journal, journalLabel, label, signed > 0);
    const piece = this.field(text, i.pieceref);
    const pieceDate = i.piecedate === undefined ? Number.NaN : parseFecDate(text, starts[i.piecedate], ends[i.piecedate]);
    const lettering = this.field(text, i.ecriturelet);
    const refersTo = signed < 0 && label !== "" ? namedInvoice(label) : undefined;
    // One shape for every line (absent values undefined): the loops over them stay monomorphic.
    const line: BookLine = {
      source: { file, line: lineNo },
      account: aux !== "" ? aux : ledgerAccount,
      name: aux !== "" ? this.pooled(text, i.compauxlib) : this.pooled(text, i.comptelib),
      piece,
      date,
      dueDate: undefined,
      signedCents: signed,
      kind,
      lettering: lettering !== "" ? lettering : undefined,
      refersTo: refersTo !== undefined && refersTo !== piece ? refersTo : undefined,
      label: label !== "" ? label : undefined,
      documentDate: pieceDate === pieceDate && pieceDate !== date ? pieceDate : undefined,
      ledgerAccount,
      journal: journal !== "" ? journal : undefined,
      // Read only where it is used: a 411 credit or a 416 debit may belong to a transfer (../reclassify.ts).
      entry: i.ecriturenum !== undefined && (signed < 0 ? c2 === 49 : c2 === 54) ? this.field(text, i.ecriturenum) || undefined : undefined,
    };
    this.lines.push(line);
    // Revenue including VAT: invoices and credit notes of the sales journals (not transfers to 416, not openings).
    if ((kind === "facture" || kind === "avoir") && journalType(journal, journalLabel) === "ventes") add(this.sales.ttc, date, signed);
    return true;
  }

  /** A field of the line last cut, trimmed; "" when the header has no such field. */
  private field(text: string, index: number | undefined): string {
    return index === undefined ? "" : fieldText(text, this.starts[index], this.ends[index]);
  }

  /** Like field(), from the pool: for the values customer lines repeat. */
  private pooled(text: string, index: number | undefined): string {
    if (index === undefined) return "";
    const start = trimStart(text, this.starts[index], this.ends[index]);
    return this.pool.intern(text, start, trimEnd(text, start, this.ends[index]));
  }

  /** Fewer fields than needed: a header again (in another case or padding), or a broken line. */
  private incomplete(text: string, start: number, end: number, file: string, lineNo: number, count: number, need: number): boolean {
    if (readFecHeader(text.slice(start, end)) !== undefined) {
      this.counter.add("entete_repete", file, lineNo);
      return false;
    }
    return this.report("champs_manquants", file, lineNo, 0, `${count}/${need}`);
  }

  /** A data line that ends in a notice (still a data line: returns true). */
  private report(code: BookNoticeCode, file: string, line: number, cents = 0, detail?: string): true {
    this.counter.add(code, file, line, cents, detail);
    return true;
  }
}

/**
 * Reads the parts of one FEC (or several FECs): each part's header is read,
 * repeated headers skipped. `progress` is told every PROGRESS_EVERY_LINES
 * lines how much of all the files is read, and once at the end.
 */
export function readFecFiles(files: readonly FecInput[], progress?: FecReadProgress): FecRead {
  const counter = new NoticeCounter();
  const sales: DailySales = { ht: new Map(), ttc: new Map() };
  const reader = new FileReader(counter, sales);
  const reports: FecFileReport[] = [];
  let total = 0;
  for (const { bytes } of files) total += bytes.length;
  let before = 0;
  for (const { name, bytes } of files) {
    const size = bytes.length;
    if (progress) reader.onLines = (fraction) => progress(before + Math.floor(fraction * size), total);
    const decoded = typeof bytes === "string" ? { text: bytes.charCodeAt(0) === 0xfeff ? bytes.slice(1) : bytes, encoding: "texte" as const } : decodeFecBytes(bytes);
    reports.push(reader.read(name, decoded.text, decoded.encoding));
    before += size;
  }
  progress?.(total, total);
  const notices = counter.notices();
  let linesRead = 0;
  for (const report of reports) linesRead += report.lines;
  return { lines: reader.lines, report: { files: reports, linesRead, customerLines: reader.lines.length, notices }, sales };
}

/** Reads one FEC file. */
export function readFec(bytes: Uint8Array | string, fileName: string): FecRead {
  return readFecFiles([{ name: fileName, bytes }]);
}
