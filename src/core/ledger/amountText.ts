/**
 * The grammar of an amount typed as text, as accounting exports write them:
 * « 1.250,50 », « 1 250,50 EUR », « 1,250.50 », « (50,00) », « 50,00- »,
 * « -50,00 », « +000000069,40 ».
 *
 * One question cannot be answered from the text alone: a single dot or comma
 * followed by exactly three digits (« 12.500 ») separates thousands in one
 * convention and decimals in the other. Such a text is returned as
 * `ambiguous` with both readings; the column decides (columnReaders.ts). Every
 * other text says by itself which mark is its decimal mark (`evidence`), and
 * that is what the column's decision is made of.
 *
 * Amounts are built from their digits, never through a float: « 0,1 » is
 * exactly 10 cents.
 */
import { MAX_CENTS, type Cents } from "../money";

export type DecimalMark = "," | ".";

export type AmountText =
  /** A reading the text decides by itself; `evidence` is its decimal mark when it shows one. */
  | { readonly kind: "amount"; readonly cents: Cents; readonly evidence?: DecimalMark }
  /** « 12.500 »: `ifDecimal` reads the mark as decimal, `ifThousands` as a thousands separator. */
  | { readonly kind: "ambiguous"; readonly mark: DecimalMark; readonly ifDecimal: Cents | "notCents"; readonly ifThousands: Cents }
  | { readonly kind: "notCents" }
  | { readonly kind: "tooLarge" }
  | { readonly kind: "unreadable" };

const CURRENCY = /^(?:€|euros?|eur)\s*|\s*(?:€|euros?|eur)$/i;
const SPACES = /[\s\u00a0\u202f]/;
/** Digits with separators between them: the shape of a number body. */
const BODY = /^\d+(?:[\s\u00a0\u202f'’.,]\d+)*$/;
const SEPARATOR = /[\s\u00a0\u202f'’.,]/g;

/** Strips a leading or trailing currency symbol (« € », « EUR »). */
function stripCurrency(text: string): string {
  return text.replace(CURRENCY, "").trim();
}

/** Sign and body: « (50,00) », « -50 », « 50- », « +50 », « −50 » (Unicode minus). */
function splitSign(text: string): { negative: boolean; body: string } | undefined {
  let body = stripCurrency(text.trim());
  let negative = false;
  let signs = 0;
  if (body.startsWith("(") && body.endsWith(")")) {
    negative = true;
    signs++;
    body = stripCurrency(body.slice(1, -1).trim());
  }
  const first = body.charAt(0);
  if (first === "-" || first === "+" || first === "\u2212") {
    negative = first !== "+";
    signs++;
    body = stripCurrency(body.slice(1).trim());
  }
  const last = body.charAt(body.length - 1);
  if (last === "-" || last === "+" || last === "\u2212") {
    negative = last !== "+";
    signs++;
    body = stripCurrency(body.slice(0, -1).trim());
  }
  if (signs > 1 || !BODY.test(body)) return undefined;
  return { negative, body };
}

/** Cents of integer digits and decimal digits; "notCents" past the cent, "tooLarge" past MAX_CENTS. */
function centsOf(integer: string, decimals: string, negative: boolean): Cents | "notCents" | "tooLarge" {
  if (/[1-9]/.test(decimals.slice(2))) return "notCents";
  const unsigned = Number(integer) * 100 + Number(decimals.slice(0, 2).padEnd(2, "0"));
  if (!(unsigned <= MAX_CENTS)) return "tooLarge";
  return negative && unsigned !== 0 ? -unsigned : unsigned;
}

function amount(cents: Cents | "notCents" | "tooLarge", evidence?: DecimalMark): AmountText {
  if (cents === "notCents") return { kind: "notCents" };
  if (cents === "tooLarge") return { kind: "tooLarge" };
  return evidence === undefined ? { kind: "amount", cents } : { kind: "amount", cents, evidence };
}

/** Thousands groups: a first group of 1 to 3 digits, then groups of exactly 3. */
function isGrouping(groups: readonly string[]): boolean {
  if (groups[0].length > 3) return false;
  for (let i = 1; i < groups.length; i++) if (groups[i].length !== 3) return false;
  return true;
}

const other = (mark: DecimalMark): DecimalMark => (mark === "," ? "." : ",");

/** Reads the text of one cell (see the module comment). */
export function parseAmountText(text: string): AmountText {
  const signed = splitSign(text);
  if (signed === undefined) return { kind: "unreadable" };
  const { negative, body } = signed;
  const groups = body.split(SEPARATOR);
  const separators = body.match(SEPARATOR) ?? [];
  if (separators.length === 0) return amount(centsOf(body, "", negative));

  const marks = separators.filter((s) => s === "," || s === ".") as DecimalMark[];
  const hasSpaceGroups = separators.some((s) => SPACES.test(s) || s === "'" || s === "’");
  const lastSeparator = separators[separators.length - 1];
  const lastGroup = groups[groups.length - 1];

  if (marks.length === 0) {
    // Only spaces or apostrophes: thousands.
    return isGrouping(groups) ? amount(centsOf(groups.join(""), "", negative)) : { kind: "unreadable" };
  }
  const distinct = new Set(marks);
  if (distinct.size === 2) {
    // « 1.250,50 » / « 1,250.50 »: the last mark is the decimal one, used once.
    const decimal = lastSeparator as DecimalMark;
    if (lastSeparator !== "," && lastSeparator !== ".") return { kind: "unreadable" };
    if (marks.filter((m) => m === decimal).length !== 1) return { kind: "unreadable" };
    const integerGroups = groups.slice(0, -1);
    return isGrouping(integerGroups) ? amount(centsOf(integerGroups.join(""), lastGroup, negative), decimal) : { kind: "unreadable" };
  }
  const mark = marks[0];
  if (marks.length >= 2) {
    // « 1.250.000 »: a mark used twice separates thousands, so the other is decimal.
    return isGrouping(groups) ? amount(centsOf(groups.join(""), "", negative), other(mark)) : { kind: "unreadable" };
  }
  // One dot or one comma, possibly after space groups (« 1 250,50 »).
  if (lastSeparator !== mark) return { kind: "unreadable" }; // « 1,250 000 »
  const integerGroups = groups.slice(0, -1);
  if (!isGrouping(integerGroups) && integerGroups.length > 1) return { kind: "unreadable" };
  const integer = integerGroups.join("");
  const asDecimal = centsOf(integer, lastGroup, negative);
  // A decimal mark for sure: not 3 digits after it, spaces already group the
  // thousands, or what precedes could not start a thousands grouping.
  if (lastGroup.length !== 3 || hasSpaceGroups || integer.length > 3 || /^0+$/.test(integer)) {
    return amount(asDecimal, mark);
  }
  // At most 6 digits here: neither reading can exceed MAX_CENTS.
  const asThousands = centsOf(integer + lastGroup, "", negative) as Cents;
  return { kind: "ambiguous", mark, ifDecimal: asDecimal as Cents | "notCents", ifThousands: asThousands };
}
