/*
 * Office host double, part 1 of 2: the workbook engine.
 *
 * Plain ES2020, no build step, no Office.js. Holds the workbook the pane
 * works on (sheets of cells, tables, charts, settings, selection) and
 * implements what Excel does to a cell: typing rules for written values,
 * number formats -> displayed text, a small formula evaluator, A1 addresses
 * and date serials. office-double.js puts the Office.js object model on top.
 *
 * Everything is exported on globalThis.__officeDoubleEngine; it also loads in
 * Node (require) so pieces can be unit-tested outside a browser.
 */
(function () {
  "use strict";

  const MAX_ROWS = 1048576;
  const MAX_COLS = 16384;

  // ---------------------------------------------------------------------------
  // Errors shaped like OfficeExtension.Error (name "RichApi.Error").

  const MESSAGES = {
    PropertyNotLoaded:
      "The property '{0}' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
    ValueNotLoaded:
      'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
    CannotUpdateReadOnlyProperty: "The property '{0}' is read-only and it cannot be updated.",
    RunMustReturnPromise:
      'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
    InvalidObjectPath:
      "The object path '{0}' isn't working for what you're trying to do. If you're using the object across multiple \"context.sync\" calls and outside the sequential execution of a \".run\" batch, please use the \"context.trackedObjects.add()\" and \"context.trackedObjects.remove()\" methods to manage the object's lifetime.",
    InvalidRequestContext: "Cannot use the object across different request contexts.",
    ItemNotFound: "The requested resource doesn't exist.",
    ItemAlreadyExists: "A resource with the same name or identifier already exists.",
    InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
    InvalidOperation: "The operation is not valid for the current state of the object.",
    InvalidReference: "This reference isn't valid for the current operation.",
    GeneralException: "There was an internal error while processing the request.",
    NotImplemented: "The requested feature isn't implemented.",
    ResponsePayloadSizeLimitExceeded: "The response payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".",
    RequestPayloadSizeLimitExceeded: "The request payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".",
  };
  const HTTP_STATUS = { GeneralException: 500, AccessDenied: 401, ItemNotFound: 404, ItemAlreadyExists: 409, Conflict: 409 };

  class RichApiError extends Error {
    constructor(code, message, errorLocation, extra) {
      super(message || MESSAGES[code] || code);
      Object.setPrototypeOf(this, new.target.prototype);
      this.name = "RichApi.Error";
      this.code = code;
      this.message = message || MESSAGES[code] || code;
      this.traceMessages = [];
      this.innerError = null;
      this.httpStatusCode = HTTP_STATUS[code] || 400;
      const debugInfo = { code: this.code, message: this.message };
      if (errorLocation) debugInfo.errorLocation = errorLocation;
      if (extra) Object.assign(debugInfo, extra);
      Object.defineProperty(debugInfo, "toString", { value: function () { return JSON.stringify(this); }, enumerable: false });
      this.debugInfo = debugInfo;
    }
    toString() {
      return this.code + ": " + this.message;
    }
  }

  function fail(code, location, messageArg, message) {
    const text = message || (MESSAGES[code] || code).replace("{0}", messageArg == null ? "" : String(messageArg));
    return new RichApiError(code, text, location);
  }

  /** An Excel error value (#N/A, #DIV/0! ...) produced by a formula. */
  class XLError {
    constructor(code) {
      this.code = code;
    }
    toString() {
      return this.code;
    }
  }
  const ERR = {
    NA: new XLError("#N/A"),
    DIV0: new XLError("#DIV/0!"),
    VALUE: new XLError("#VALUE!"),
    REF: new XLError("#REF!"),
    NAME: new XLError("#NAME?"),
    NUM: new XLError("#NUM!"),
    NULL: new XLError("#NULL!"),
    BUSY: new XLError("#BUSY!"),
    CALC: new XLError("#CALC!"),
  };
  const ERROR_LITERALS = new Map(Object.values(ERR).map((e) => [e.code, e]));

  // ---------------------------------------------------------------------------
  // A1 addresses.

  function colToLetters(col) {
    let n = col + 1;
    let s = "";
    while (n > 0) {
      const rem = (n - 1) % 26;
      s = String.fromCharCode(65 + rem) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }

  function lettersToCol(letters) {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  }

  /** Sheet names are quoted when they hold anything but letters, digits, _ and . or look like a reference. */
  function quoteSheetName(name) {
    const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[Rr]\d*[Cc]\d*$/.test(name);
    return plain ? name : "'" + name.replace(/'/g, "''") + "'";
  }

  /**
   * Reads a quoted text from `start` (just after the opening quote), where a
   * doubled quote stands for one: 'It''s' (sheet names), "say ""hi""" (formula
   * strings). `end` is the index of the closing quote, or text.length when
   * there is none.
   */
  function readQuoted(text, start, quote) {
    let i = start;
    let value = "";
    while (i < text.length) {
      if (text[i] === quote) {
        if (text[i + 1] !== quote) break;
        value += quote;
        i += 2;
        continue;
      }
      value += text[i++];
    }
    return { value, end: i };
  }

  /** Splits "Sheet1!A1:B2" / "'My sheet'!A:A" into [sheetName|null, rest]. */
  function splitSheet(address) {
    const text = String(address).trim();
    if (text.startsWith("'")) {
      const { value: name, end: i } = readQuoted(text, 1, "'");
      if (text[i + 1] !== "!") return [null, text];
      return [name, text.slice(i + 2)];
    }
    const bang = text.lastIndexOf("!");
    if (bang > 0) return [text.slice(0, bang), text.slice(bang + 1)];
    return [null, text];
  }

  const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
  const COL_RE = /^\$?([A-Za-z]{1,3})$/;
  const ROW_RE = /^\$?(\d{1,7})$/;

  /**
   * "A1", "A1:C10", "A:C", "3:5", "Sheet1!B2", "'Journal des relances'!A1:J1"
   * -> { sheetName, r0, c0, r1, c1 } (0-based, inclusive), or null if invalid.
   */
  function parseAddress(address) {
    if (typeof address !== "string") return null;
    const [sheetName, rest] = splitSheet(address);
    const parts = rest.split(":");
    if (parts.length < 1 || parts.length > 2 || parts.some((p) => p === "")) return null;
    const ends = [];
    for (const part of parts) {
      let m = CELL_RE.exec(part);
      if (m) {
        ends.push({ kind: "cell", r: Number(m[2]) - 1, c: lettersToCol(m[1]) });
        continue;
      }
      m = COL_RE.exec(part);
      if (m) {
        ends.push({ kind: "col", c: lettersToCol(m[1]) });
        continue;
      }
      m = ROW_RE.exec(part);
      if (m) {
        ends.push({ kind: "row", r: Number(m[1]) - 1 });
        continue;
      }
      return null;
    }
    let r0, c0, r1, c1;
    if (ends.length === 1) {
      if (ends[0].kind !== "cell") return null;
      r0 = r1 = ends[0].r;
      c0 = c1 = ends[0].c;
    } else {
      const [a, b] = ends;
      if (a.kind !== b.kind) return null;
      if (a.kind === "cell") {
        r0 = Math.min(a.r, b.r);
        r1 = Math.max(a.r, b.r);
        c0 = Math.min(a.c, b.c);
        c1 = Math.max(a.c, b.c);
      } else if (a.kind === "col") {
        r0 = 0;
        r1 = MAX_ROWS - 1;
        c0 = Math.min(a.c, b.c);
        c1 = Math.max(a.c, b.c);
      } else {
        c0 = 0;
        c1 = MAX_COLS - 1;
        r0 = Math.min(a.r, b.r);
        r1 = Math.max(a.r, b.r);
      }
    }
    if (r0 < 0 || c0 < 0 || r1 >= MAX_ROWS || c1 >= MAX_COLS) return null;
    return { sheetName, r0, c0, r1, c1 };
  }

  function cellName(r, c) {
    return colToLetters(c) + (r + 1);
  }

  /** The address part without the sheet, as Excel writes it. */
  function rangeRef(r0, c0, r1, c1) {
    const fullCols = r0 === 0 && r1 === MAX_ROWS - 1;
    const fullRows = c0 === 0 && c1 === MAX_COLS - 1;
    if (fullCols && !fullRows) return colToLetters(c0) + ":" + colToLetters(c1);
    if (fullRows) return r0 + 1 + ":" + (r1 + 1);
    if (r0 === r1 && c0 === c1) return cellName(r0, c0);
    return cellName(r0, c0) + ":" + cellName(r1, c1);
  }

  function formatAddress(sheetName, r0, c0, r1, c1) {
    return quoteSheetName(sheetName) + "!" + rangeRef(r0, c0, r1, c1);
  }

  // ---------------------------------------------------------------------------
  // Dates: Excel serials (1900 system, with its fictitious 29 February 1900).

  const DAY_MS = 86400000;
  const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30);

  function dateToSerial(year, month, day) {
    const ms = Date.UTC(year, month - 1, day);
    let serial = Math.round((ms - EPOCH_1899_12_30) / DAY_MS);
    if (serial < 61) serial -= 1; // before 1 March 1900 Excel counts from 1 January 1900 = 1
    return serial;
  }

  function serialToParts(serial) {
    let whole = Math.floor(serial);
    let seconds = Math.round((serial - whole) * 86400);
    if (seconds >= 86400) {
      whole += 1;
      seconds -= 86400;
    }
    let y, m, d, wd;
    if (whole === 60) {
      y = 1900;
      m = 2;
      d = 29;
      wd = 3;
    } else {
      const days = whole < 60 ? whole + 1 : whole;
      const date = new Date(EPOCH_1899_12_30 + days * DAY_MS);
      y = date.getUTCFullYear();
      m = date.getUTCMonth() + 1;
      d = date.getUTCDate();
      wd = date.getUTCDay();
    }
    return { y, m, d, wd, H: Math.floor(seconds / 3600), M: Math.floor((seconds % 3600) / 60), S: seconds % 60, serial: whole, seconds };
  }

  // ---------------------------------------------------------------------------
  // Cultures (what Windows' regional settings give Excel).

  const CULTURES = {
    "fr-FR": {
      name: "fr-FR",
      dec: ",",
      grp: "\u202f",
      listSep: ";",
      dateOrder: "DMY",
      dateSep: "/",
      shortDate: "dd/mm/yyyy",
      longDate: "dddd d mmmm yyyy",
      timeSep: ":",
      TRUE: "VRAI",
      FALSE: "FAUX",
      general: "Standard",
      sheetPrefix: "Feuil",
      tablePrefix: "Tableau",
      chartPrefix: "Graphique ",
      localDateLetters: { d: "j", y: "a" },
      months: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
      monthsShort: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
      days: ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
      daysShort: ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."],
    },
    "en-US": {
      name: "en-US",
      dec: ".",
      grp: ",",
      listSep: ",",
      dateOrder: "MDY",
      dateSep: "/",
      shortDate: "m/d/yyyy",
      longDate: "dddd, mmmm d, yyyy",
      timeSep: ":",
      TRUE: "TRUE",
      FALSE: "FALSE",
      general: "General",
      sheetPrefix: "Sheet",
      tablePrefix: "Table",
      chartPrefix: "Chart ",
      localDateLetters: null,
      months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
      monthsShort: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
      days: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
      daysShort: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
    },
  };
  CULTURES["en-GB"] = Object.assign({}, CULTURES["en-US"], { name: "en-GB", dateOrder: "DMY", shortDate: "dd/mm/yyyy", longDate: "dd mmmm yyyy" });

  function culture(name) {
    return CULTURES[name] || (String(name).toLowerCase().startsWith("fr") ? CULTURES["fr-FR"] : CULTURES["en-US"]);
  }

  // ---------------------------------------------------------------------------
  // Number formats: "General", "0.00", "#,##0.00 €", "dd/mm/yyyy", "0%", ...
  // (numberFormat is in the invariant, en-US syntax; numberFormatLocal in the
  // culture's: "# ##0,00 €", "jj/mm/aaaa", "Standard".)

  const formatCache = new Map();

  function splitSections(nf) {
    const sections = [];
    let cur = "";
    let inQuote = false;
    let inBracket = false;
    for (let i = 0; i < nf.length; i++) {
      const ch = nf[i];
      if (inQuote) {
        cur += ch;
        if (ch === '"') inQuote = false;
        continue;
      }
      if (ch === "\\" && i + 1 < nf.length) {
        cur += ch + nf[++i];
        continue;
      }
      if (ch === '"') inQuote = true;
      else if (ch === "[") inBracket = true;
      else if (ch === "]") inBracket = false;
      if (ch === ";" && !inBracket) {
        sections.push(cur);
        cur = "";
        continue;
      }
      cur += ch;
    }
    sections.push(cur);
    return sections;
  }

  const ALLOWED_LETTERS = /[dmyhsegbDMYHSEGB]/;

  /** Tokenizes one section; throws "invalid" for letters Excel would reject unquoted. */
  function tokenizeSection(section) {
    const tokens = [];
    let i = 0;
    const lit = (text) => tokens.push({ t: "lit", v: text });
    while (i < section.length) {
      const ch = section[i];
      const rest = section.slice(i);
      if (ch === '"') {
        const end = section.indexOf('"', i + 1);
        if (end < 0) throw new Error("invalid");
        lit(section.slice(i + 1, end));
        i = end + 1;
      } else if (ch === "\\") {
        lit(section[i + 1] || "");
        i += 2;
      } else if (ch === "_") {
        lit(" ");
        i += 2;
      } else if (ch === "*") {
        i += 2;
      } else if (ch === "[") {
        const end = section.indexOf("]", i);
        if (end < 0) throw new Error("invalid");
        const inner = section.slice(i + 1, end);
        if (inner.startsWith("$")) {
          const sym = inner.slice(1).split("-")[0];
          if (sym) lit(sym);
        } else if (/^(h+|m+|s+)$/i.test(inner)) {
          tokens.push({ t: "date", v: inner.toLowerCase(), elapsed: true });
        }
        i = end + 1;
      } else if (/^general/i.test(rest)) {
        tokens.push({ t: "general" });
        i += 7;
      } else if (/^am\/pm/i.test(rest)) {
        tokens.push({ t: "ampm", v: "AM/PM" });
        i += 5;
      } else if (/^a\/p/i.test(rest)) {
        tokens.push({ t: "ampm", v: "A/P" });
        i += 3;
      } else if (/[eE]/.test(ch) && (section[i + 1] === "+" || section[i + 1] === "-") && tokens.some((tk) => tk.t === "ph")) {
        tokens.push({ t: "exp", sign: section[i + 1] });
        i += 2;
      } else if (/[dmyhsDMYHS]/.test(ch)) {
        let j = i;
        while (j < section.length && section[j].toLowerCase() === ch.toLowerCase()) j++;
        tokens.push({ t: "date", v: section.slice(i, j).toLowerCase() });
        i = j;
      } else if (ch === "0" || ch === "#" || ch === "?") {
        tokens.push({ t: "ph", v: ch });
        i++;
      } else if (ch === ".") {
        tokens.push({ t: "dot" });
        i++;
      } else if (ch === ",") {
        tokens.push({ t: "comma" });
        i++;
      } else if (ch === "%") {
        tokens.push({ t: "pct" });
        i++;
      } else if (ch === "@") {
        tokens.push({ t: "text" });
        i++;
      } else if (/[A-Za-z]/.test(ch)) {
        if (!ALLOWED_LETTERS.test(ch)) throw new Error("invalid");
        lit(ch); // e, g, b: era/calendar codes we print literally
        i++;
      } else {
        lit(ch);
        i++;
      }
    }
    return tokens;
  }

  function compileFormat(nf) {
    let compiled = formatCache.get(nf);
    if (compiled) return compiled;
    const sections = splitSections(nf).map((s) => {
      const tokens = tokenizeSection(s);
      const isDate = tokens.some((t) => t.t === "date");
      return { tokens, isDate, hasText: tokens.some((t) => t.t === "text") };
    });
    compiled = { nf, sections };
    formatCache.set(nf, compiled);
    return compiled;
  }

  /** Throws InvalidArgument for a format Excel would not accept. */
  function validateNumberFormat(nf) {
    if (typeof nf !== "string") throw fail("InvalidArgument", "Range.numberFormat");
    try {
      compileFormat(nf);
    } catch {
      throw fail("InvalidArgument", "Range.numberFormat");
    }
  }

  function isGeneral(nf) {
    return nf == null || nf === "" || /^general$/i.test(nf);
  }

  function isDateFormat(nf) {
    if (isGeneral(nf)) return false;
    try {
      return compileFormat(nf).sections[0].isDate;
    } catch {
      return false;
    }
  }

  /** Rounds half away from zero, on the decimal representation (1.005 -> 1.01 as Excel does). */
  function roundHalfAway(x, decimals) {
    const f = Math.pow(10, decimals);
    const y = Number((Math.abs(x) * f).toPrecision(15));
    const r = Math.round(y) / f;
    return x < 0 ? -r : r;
  }

  function formatGeneral(v, cul) {
    if (v === 0) return "0";
    const abs = Math.abs(v);
    let s;
    if (abs >= 1e11 || abs < 1e-9) {
      s = v.toExponential(5).replace(/\.?0+e/, "e");
      const [mant, exp] = s.split("e");
      const n = Number(exp);
      s = mant + "E" + (n < 0 ? "-" : "+") + String(Math.abs(n)).padStart(2, "0");
    } else if (Number.isInteger(v)) {
      s = String(v);
    } else {
      const digitsBefore = Math.max(1, Math.floor(Math.log10(abs)) + 1);
      s = String(roundHalfAway(v, Math.max(0, 10 - digitsBefore)));
      if (s.includes("e")) s = String(Number(v.toPrecision(10)));
    }
    return s.replace(".", cul.dec);
  }

  function groupDigits(digits, sep) {
    let out = "";
    for (let i = 0; i < digits.length; i++) {
      if (i > 0 && (digits.length - i) % 3 === 0) out += sep;
      out += digits[i];
    }
    return out;
  }

  function formatNumberSection(value, tokens, cul, forceSign) {
    const pctCount = tokens.filter((t) => t.t === "pct").length;
    let v = value * Math.pow(100, pctCount);
    const expIdx = tokens.findIndex((t) => t.t === "exp");
    const mantEnd = expIdx >= 0 ? expIdx : tokens.length; // mantissa tokens are before the exponent
    const phIdx = [];
    for (let i = 0; i < mantEnd; i++) if (tokens[i].t === "ph") phIdx.push(i);
    if (phIdx.length === 0) {
      let out = "";
      for (const t of tokens) {
        if (t.t === "lit") out += t.v;
        else if (t.t === "general") out += formatGeneral(Math.abs(v), cul);
        else if (t.t === "pct") out += "%";
      }
      return (forceSign && v < 0 ? "-" : "") + out;
    }
    const first = phIdx[0];
    const last = phIdx[phIdx.length - 1];
    let dotIdx = -1;
    for (let i = 0; i <= last; i++) if (tokens[i].t === "dot") { dotIdx = i; break; }
    const coreStart = dotIdx >= 0 ? Math.min(first, dotIdx) : first;
    let coreEnd = last;
    if (expIdx >= 0) {
      coreEnd = expIdx;
      while (coreEnd + 1 < tokens.length && tokens[coreEnd + 1].t === "ph") coreEnd++;
    }
    const intEnd = dotIdx >= 0 ? dotIdx : last + 1;
    // Commas: between integer placeholders they group, after the last one they scale by 1000.
    let scale = 0;
    let grouping = false;
    for (let i = first; i < intEnd; i++) {
      if (tokens[i].t !== "comma") continue;
      if (tokens.slice(i + 1, intEnd).some((t) => t.t === "ph")) grouping = true;
      else scale++;
    }
    if (dotIdx < 0) for (let i = last + 1; i < tokens.length && tokens[i].t === "comma"; i++) scale++;
    v = v / Math.pow(1000, scale);
    const intTokens = dotIdx >= 0 && dotIdx < first ? [] : tokens.slice(first, intEnd).filter((t) => t.t === "ph" || t.t === "lit");
    const fracTokens = dotIdx >= 0 ? tokens.slice(dotIdx + 1, last + 1).filter((t) => t.t === "ph" || t.t === "lit") : [];
    const decimals = fracTokens.filter((t) => t.t === "ph").length;
    let exponentText = "";
    if (expIdx >= 0) {
      const expDigits = coreEnd - expIdx || 1;
      const intPh = Math.max(1, intTokens.filter((t) => t.t === "ph").length);
      let exp = v === 0 ? 0 : Math.floor(Math.log10(Math.abs(v))) - (intPh - 1);
      let mant = v / Math.pow(10, exp);
      if (Math.abs(roundHalfAway(mant, decimals)) >= Math.pow(10, intPh)) {
        exp += 1;
        mant = v / Math.pow(10, exp);
      }
      v = mant;
      exponentText = "E" + (exp < 0 ? "-" : tokens[expIdx].sign === "+" ? "+" : "") + String(Math.abs(exp)).padStart(expDigits, "0");
    }
    const negative = v < 0;
    const fixed = roundHalfAway(Math.abs(v), decimals).toFixed(decimals);
    let [intDigits, fracDigits = ""] = fixed.split(".");
    if (intDigits === "0") intDigits = "";
    const intPh = intTokens.filter((t) => t.t === "ph");
    const minDigits = intPh.length - intPh.findIndex((t) => t.v === "0");
    const digits = intPh.some((t) => t.v === "0") ? intDigits.padStart(minDigits, "0") : intDigits;
    let intText = "";
    if (grouping) {
      intText = groupDigits(digits, cul.grp);
    } else {
      let di = digits.length - 1;
      for (let k = intTokens.length - 1; k >= 0; k--) {
        const t = intTokens[k];
        if (t.t === "lit") {
          if (di >= 0 || intTokens.slice(0, k).some((x) => x.t === "ph" && x.v !== "#")) intText = t.v + intText;
          continue;
        }
        const leftmost = !intTokens.slice(0, k).some((x) => x.t === "ph");
        if (di >= 0) {
          intText = (leftmost ? digits.slice(0, di + 1) : digits[di]) + intText;
          di = leftmost ? -1 : di - 1;
        } else if (t.v === "?") intText = " " + intText;
      }
    }
    let fracText = "";
    if (dotIdx >= 0) {
      const phs = fracTokens.filter((t) => t.t === "ph");
      let keep = phs.length;
      while (keep > 0 && phs[keep - 1].v !== "0" && fracDigits[keep - 1] === "0") keep--;
      let pi = 0;
      for (const t of fracTokens) {
        if (t.t === "lit") {
          fracText += t.v;
          continue;
        }
        if (pi < keep) fracText += fracDigits[pi];
        else if (t.v === "?") fracText += " ";
        pi++;
      }
    }
    let out = "";
    for (let i = 0; i < tokens.length; i++) {
      if (i === coreStart) {
        out += intText + (dotIdx >= 0 ? cul.dec + fracText : "") + exponentText;
        i = coreEnd;
        continue;
      }
      const t = tokens[i];
      if (t.t === "lit") out += t.v;
      else if (t.t === "pct") out += "%";
      else if (t.t === "general") out += formatGeneral(Math.abs(value), cul);
    }
    const isZero = Number(fixed) === 0;
    return (negative && forceSign && !isZero ? "-" : "") + out;
  }

  function pad2(n) {
    return String(n).padStart(2, "0");
  }

  function formatDateSection(serial, tokens, cul) {
    if (serial < 0 || serial >= 2958466) return "#".repeat(10);
    const p = serialToParts(serial);
    const hasAmPm = tokens.some((t) => t.t === "ampm");
    const dateTokens = tokens.map((t, i) => ({ t, i })).filter((x) => x.t.t === "date");
    let out = "";
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.t === "lit") {
        out += t.v;
        continue;
      }
      if (t.t === "ampm") {
        out += t.v === "AM/PM" ? (p.H < 12 ? "AM" : "PM") : p.H < 12 ? "A" : "P";
        continue;
      }
      if (t.t === "dot") {
        out += cul.dec;
        continue;
      }
      if (t.t === "comma") {
        out += ",";
        continue;
      }
      if (t.t === "pct") {
        out += "%";
        continue;
      }
      if (t.t === "ph") {
        out += "0";
        continue;
      }
      if (t.t !== "date") continue;
      const code = t.v;
      if (t.elapsed) {
        const total = serial * 86400;
        const v = code[0] === "h" ? Math.floor(total / 3600) : code[0] === "m" ? Math.floor(total / 60) : Math.round(total);
        out += String(v).padStart(code.length, "0");
        continue;
      }
      const k = dateTokens.findIndex((x) => x.i === i);
      const prev = dateTokens[k - 1];
      const next = dateTokens[k + 1];
      switch (code[0]) {
        case "y":
          out += code.length <= 2 ? pad2(p.y % 100) : String(p.y);
          break;
        case "d":
          if (code.length === 1) out += p.d;
          else if (code.length === 2) out += pad2(p.d);
          else if (code.length === 3) out += cul.daysShort[p.wd];
          else out += cul.days[p.wd];
          break;
        case "m": {
          const minutes = code.length <= 2 && ((prev && prev.t.v[0] === "h") || (next && next.t.v[0] === "s"));
          if (minutes) out += code.length === 1 ? p.M : pad2(p.M);
          else if (code.length === 1) out += p.m;
          else if (code.length === 2) out += pad2(p.m);
          else if (code.length === 3) out += cul.monthsShort[p.m - 1];
          else if (code.length === 5) out += cul.months[p.m - 1][0].toUpperCase();
          else out += cul.months[p.m - 1];
          break;
        }
        case "h": {
          let h = p.H;
          if (hasAmPm) h = h % 12 === 0 ? 12 : h % 12;
          out += code.length === 1 ? h : pad2(h);
          break;
        }
        case "s":
          out += code.length === 1 ? p.S : pad2(p.S);
          break;
        default:
          break;
      }
    }
    return out;
  }

  /** The text Excel displays for a value under a number format (Range.text). */
  function formatValue(value, nf, cul) {
    if (value === undefined || value === null || value === "") return "";
    if (value instanceof XLError) return value.code;
    if (typeof value === "boolean") return value ? cul.TRUE : cul.FALSE;
    let compiled;
    if (!isGeneral(nf)) {
      try {
        compiled = compileFormat(nf);
      } catch {
        compiled = null;
      }
    }
    if (typeof value === "string") {
      if (!compiled) return value;
      const textSection = compiled.sections[3] || compiled.sections.find((s) => s.hasText);
      if (!textSection) return value;
      return textSection.tokens.map((t) => (t.t === "text" ? value : t.t === "lit" ? t.v : "")).join("");
    }
    if (typeof value !== "number" || !Number.isFinite(value)) return String(value);
    if (!compiled) return formatGeneral(value, cul);
    const secs = compiled.sections;
    let section = secs[0];
    let v = value;
    let forceSign = true;
    if (value < 0 && secs.length >= 2 && secs[1].tokens.length) {
      section = secs[1];
      v = -value;
      forceSign = false;
    } else if (value === 0 && secs.length >= 3 && secs[2].tokens.length) {
      section = secs[2];
    }
    if (section.isDate) return formatDateSection(v, section.tokens, cul);
    if (section.tokens.length === 1 && section.tokens[0].t === "general") return (v < 0 && forceSign ? "-" : "") + formatGeneral(Math.abs(v), cul);
    return formatNumberSection(v, section.tokens, cul, forceSign);
  }

  /** Invariant format -> the culture's (numberFormatLocal). */
  function toLocalFormat(nf, cul) {
    if (isGeneral(nf)) return cul.general;
    if (cul.dec === ".") return nf;
    return mapFormatChars(nf, (ch) => {
      if (ch === ".") return cul.dec;
      if (ch === ",") return cul.grp;
      if (cul.localDateLetters) {
        const lower = ch.toLowerCase();
        if (cul.localDateLetters[lower]) return cul.localDateLetters[lower];
      }
      return ch;
    }).replace(/^General$/i, cul.general);
  }

  /** The culture's format -> invariant (numberFormatLocal setter). */
  function fromLocalFormat(nf, cul) {
    if (nf === cul.general || /^(general|standard)$/i.test(nf)) return "General";
    if (cul.dec === ".") return nf;
    const back = {};
    if (cul.localDateLetters) for (const [k, v] of Object.entries(cul.localDateLetters)) back[v] = k;
    return mapFormatChars(nf, (ch, prev, next) => {
      if (ch === cul.dec) return ".";
      if ((ch === " " || ch === "\u00a0" || ch === "\u202f") && /[#0?]/.test(prev || "") && /[#0?]/.test(next || "")) return ",";
      const lower = ch.toLowerCase();
      if (back[lower]) return back[lower];
      return ch;
    });
  }

  function mapFormatChars(nf, map) {
    let out = "";
    let inQuote = false;
    let inBracket = false;
    for (let i = 0; i < nf.length; i++) {
      const ch = nf[i];
      if (inQuote) {
        out += ch;
        if (ch === '"') inQuote = false;
        continue;
      }
      if (inBracket) {
        out += ch;
        if (ch === "]") inBracket = false;
        continue;
      }
      if (ch === '"') {
        inQuote = true;
        out += ch;
      } else if (ch === "[") {
        inBracket = true;
        out += ch;
      } else if (ch === "\\" || ch === "_" || ch === "*") {
        out += ch + (nf[i + 1] || "");
        i++;
      } else if (/^am\/pm/i.test(nf.slice(i))) {
        out += nf.slice(i, i + 5);
        i += 4;
      } else out += map(ch, nf[i - 1], nf[i + 1]);
    }
    // A space used as a literal in a local format is ambiguous; keep the common "€" suffix spacing.
    return out;
  }

  // ---------------------------------------------------------------------------
  // Typing rules: what Excel stores when a string is written to Range.values
  // (as if the user had typed it).

  function parseLocaleNumber(text, cul) {
    let s = text.trim();
    if (s === "") return null;
    let percent = false;
    let currency = false;
    if (s.endsWith("%")) {
      percent = true;
      s = s.slice(0, -1).trim();
    }
    if (/^[+-]?\s*€|€$/.test(s)) {
      currency = true;
      s = s.replace("€", "").trim();
    } else if (cul.name.startsWith("en") && /^[+-]?\$/.test(s)) {
      currency = true;
      s = s.replace("$", "");
    }
    let sign = 1;
    if (s.startsWith("-")) {
      sign = -1;
      s = s.slice(1);
    } else if (s.startsWith("+")) s = s.slice(1);
    if (s.startsWith("(") && s.endsWith(")")) {
      sign = -sign;
      s = s.slice(1, -1);
    }
    const dec = cul.dec === "," ? "," : "\\.";
    const grp = cul.dec === "," ? "[ \\u00a0\\u202f]" : ",";
    const re = new RegExp("^(\\d{1,3}(?:" + grp + "\\d{3})+|\\d+)?(?:" + dec + "(\\d+))?(?:[eE]([+-]?\\d+))?$");
    const m = re.exec(s);
    if (!m || (m[1] === undefined && m[2] === undefined)) return null;
    const intPart = (m[1] || "0").replace(/[^\d]/g, "");
    let n = Number(intPart + "." + (m[2] || "0")) * (m[3] ? Math.pow(10, Number(m[3])) : 1);
    n *= sign;
    if (percent) n /= 100;
    let nf = null;
    if (percent) nf = m[2] ? "0.00%" : "0%";
    else if (currency) nf = cul.name.startsWith("fr") ? "#,##0.00 €" : "$#,##0.00";
    else if (m[1] && /[ \u00a0\u202f,]/.test(m[1])) nf = m[2] ? "#,##0.00" : "#,##0";
    else if (m[3]) nf = "0.00E+00";
    return { value: n, nf };
  }

  function parseLocaleDate(text, cul) {
    const s = text.trim();
    let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
    let y, mo, d;
    if (m) {
      y = +m[1];
      mo = +m[2];
      d = +m[3];
    } else {
      m = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?$/.exec(s);
      if (!m) return null;
      const a = +m[1];
      const b = +m[2];
      y = m[3] === undefined ? new Date().getFullYear() : +m[3];
      if (m[3] !== undefined && m[3].length === 2) y += y < 30 ? 2000 : 1900;
      if (m[3] !== undefined && m[3].length === 3) return null;
      if (cul.dateOrder === "DMY") {
        d = a;
        mo = b;
      } else {
        mo = a;
        d = b;
      }
      if (m[3] === undefined) {
        // "12/5" is a date only with slashes or dashes in Excel
        if (!/[/-]/.test(s)) return null;
      }
    }
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900 || y > 9999) return null;
    const probe = new Date(Date.UTC(y, mo - 1, d));
    if (probe.getUTCMonth() !== mo - 1) return null;
    return { value: dateToSerial(y, mo, d), nf: cul.shortDate };
  }

  /**
   * What a written string becomes. Returns { kind: "formula", formula } |
   * { kind: "value", value, nf? } (nf: the format Excel applies when the cell
   * is General: a date, a percentage, a currency).
   */
  function typeString(text, cellFormat, cul) {
    if (cellFormat === "@") return { kind: "value", value: text };
    if (text === "") return { kind: "value", value: undefined };
    const first = text[0];
    if (first === "'") return { kind: "value", value: text.slice(1), quotePrefix: true };
    if (first === "=" && text.length > 1) return { kind: "formula", formula: text };
    if (first === "+" || first === "-") {
      const num = parseLocaleNumber(text, cul);
      if (num) return { kind: "value", value: num.value, nf: num.nf };
      if (text.length > 1) return { kind: "formula", formula: "=" + text, coerced: true };
      return { kind: "value", value: text };
    }
    const upper = text.toUpperCase();
    if (upper === cul.TRUE) return { kind: "value", value: true };
    if (upper === cul.FALSE) return { kind: "value", value: false };
    if (ERROR_LITERALS.has(upper)) return { kind: "value", value: ERROR_LITERALS.get(upper) };
    const num = parseLocaleNumber(text, cul);
    if (num) return { kind: "value", value: num.value, nf: num.nf };
    const date = parseLocaleDate(text, cul);
    if (date) return { kind: "value", value: date.value, nf: date.nf };
    return { kind: "value", value: text };
  }

  // ---------------------------------------------------------------------------
  // Formulas: a small tokenizer, parser and evaluator (English syntax, as
  // Range.formulas uses). Unknown functions evaluate to #NAME?, a syntax error
  // makes the write fail with InvalidArgument, as Excel does.

  function tokenizeFormula(src) {
    const tokens = [];
    let i = 0;
    const s = src;
    while (i < s.length) {
      const ch = s[i];
      if (ch === " " || ch === "\n" || ch === "\t") {
        i++;
        continue;
      }
      if (ch === '"') {
        const { value: str, end: j } = readQuoted(s, i + 1, '"');
        if (j >= s.length) throw new SyntaxError("unterminated string");
        tokens.push({ t: "str", v: str });
        i = j + 1;
        continue;
      }
      if (ch === "#") {
        const m = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|BUSY!|CALC!)/i.exec(s.slice(i));
        if (!m) throw new SyntaxError("bad error literal");
        tokens.push({ t: "err", v: ERROR_LITERALS.get(m[0].toUpperCase()) });
        i += m[0].length;
        continue;
      }
      // DDE link app|'topic'!item, e.g. the injection classic =cmd|' /C calc'!A0: valid syntax, #REF! when evaluated
      let m = /^[A-Za-z_][\w.]*\|(?:'(?:[^']|'')*'|[\w.]+)!\$?[\w$]+/.exec(s.slice(i));
      if (m) {
        tokens.push({ t: "err", v: ERR.REF, dde: m[0] });
        i += m[0].length;
        continue;
      }
      // sheet-qualified or plain references, names, functions, numbers
      m = /^(?:'((?:[^']|'')+)'|([A-Za-z_\u00c0-\u024f][\w.\u00c0-\u024f]*))!/.exec(s.slice(i));
      let sheet = null;
      let start = i;
      if (m) {
        sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
        i += m[0].length;
      }
      const rest = s.slice(i);
      m = /^\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?(?![\w(.[])/.exec(rest) ||
        /^\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}(?![\w(.[])/.exec(rest) ||
        /^\$?\d{1,7}:\$?\d{1,7}(?![\w(.])/.exec(rest);
      if (m) {
        const ref = parseAddress(m[0].replace(/\$/g, ""));
        if (!ref) throw new SyntaxError("bad reference");
        tokens.push({ t: "ref", sheet, r0: ref.r0, c0: ref.c0, r1: ref.r1, c1: ref.c1 });
        i += m[0].length;
        continue;
      }
      if (sheet !== null) throw new SyntaxError("sheet without reference at " + start);
      m = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(rest);
      if (m) {
        tokens.push({ t: "num", v: Number(m[0]) });
        i += m[0].length;
        continue;
      }
      m = /^[A-Za-z_\\\u00c0-\u024f][\w.\u00c0-\u024f]*/.exec(rest);
      if (m) {
        const word = m[0];
        i += word.length;
        if (s[i] === "(") {
          tokens.push({ t: "func", v: word.toUpperCase() });
          i++;
        } else if (s[i] === "[") {
          // structured reference Table[Column] / Table[[#This Row],[Col]]
          let depth = 0;
          let j = i;
          for (; j < s.length; j++) {
            if (s[j] === "[") depth++;
            else if (s[j] === "]") {
              depth--;
              if (depth === 0) break;
            }
          }
          if (depth !== 0) throw new SyntaxError("unterminated structured reference");
          tokens.push({ t: "sref", table: word, spec: s.slice(i + 1, j) });
          i = j + 1;
        } else if (/^(TRUE|FALSE)$/i.test(word)) tokens.push({ t: "bool", v: /^TRUE$/i.test(word) });
        else tokens.push({ t: "name", v: word });
        continue;
      }
      const two = s.slice(i, i + 2);
      if (two === "<=" || two === ">=" || two === "<>") {
        tokens.push({ t: "op", v: two });
        i += 2;
        continue;
      }
      if ("+-*/^&=<>%".includes(ch)) {
        tokens.push({ t: "op", v: ch });
        i++;
        continue;
      }
      if (ch === "(" || ch === ")" || ch === "," || ch === ";" || ch === "{" || ch === "}") {
        tokens.push({ t: ch === ";" ? "," : ch });
        i++;
        continue;
      }
      if (ch === "@") {
        i++;
        continue; // implicit intersection operator: ignored
      }
      throw new SyntaxError("unexpected character " + ch);
    }
    return tokens;
  }

  const BINARY = { "=": 1, "<>": 1, "<": 1, ">": 1, "<=": 1, ">=": 1, "&": 2, "+": 3, "-": 3, "*": 4, "/": 4, "^": 5 };

  function parseFormula(formula) {
    const tokens = tokenizeFormula(formula.slice(1));
    let pos = 0;
    const peek = () => tokens[pos];
    const next = () => tokens[pos++];
    function expect(type) {
      const t = next();
      if (!t || t.t !== type) throw new SyntaxError("expected " + type);
      return t;
    }
    function primary() {
      const t = next();
      if (!t) throw new SyntaxError("unexpected end");
      if (t.t === "op" && (t.v === "-" || t.v === "+")) {
        const operand = unaryOperand();
        return t.v === "-" ? { k: "neg", a: operand } : operand;
      }
      if (t.t === "num") return { k: "lit", v: t.v };
      if (t.t === "str") return { k: "lit", v: t.v };
      if (t.t === "bool") return { k: "lit", v: t.v };
      if (t.t === "err") return { k: "lit", v: t.v };
      if (t.t === "ref") return { k: "ref", sheet: t.sheet, r0: t.r0, c0: t.c0, r1: t.r1, c1: t.c1 };
      if (t.t === "sref") return { k: "sref", table: t.table, spec: t.spec };
      if (t.t === "name") return { k: "name", v: t.v };
      if (t.t === "(") {
        const e = expr(0);
        expect(")");
        return e;
      }
      if (t.t === "{") {
        const rows = [[]];
        for (;;) {
          const item = primary();
          if (item.k !== "lit" && item.k !== "neg") throw new SyntaxError("array constants hold literals");
          rows[rows.length - 1].push(item);
          const sep = next();
          if (!sep) throw new SyntaxError("unterminated array");
          if (sep.t === "}") break;
          if (sep.t !== ",") throw new SyntaxError("bad array separator");
        }
        return { k: "array", rows };
      }
      if (t.t === "func") {
        const args = [];
        if (peek() && peek().t === ")") {
          next();
          return { k: "call", name: t.v, args };
        }
        for (;;) {
          if (peek() && (peek().t === "," || peek().t === ")")) args.push({ k: "missing" });
          else args.push(expr(0));
          const sep = next();
          if (!sep) throw new SyntaxError("unterminated call");
          if (sep.t === ")") break;
          if (sep.t !== ",") throw new SyntaxError("expected , or )");
        }
        return { k: "call", name: t.v, args };
      }
      throw new SyntaxError("unexpected token " + t.t);
    }
    function unaryOperand() {
      let node = primary();
      while (peek() && peek().t === "op" && peek().v === "%") {
        next();
        node = { k: "pct", a: node };
      }
      return node;
    }
    function expr(minPrec) {
      let left = unaryOperand();
      for (;;) {
        const t = peek();
        if (!t || t.t !== "op" || !(t.v in BINARY)) break;
        const prec = BINARY[t.v];
        if (prec < minPrec) break;
        next();
        const right = expr(t.v === "^" ? prec : prec + 1);
        left = { k: "bin", op: t.v, a: left, b: right };
      }
      return left;
    }
    const ast = expr(0);
    if (pos !== tokens.length) throw new SyntaxError("trailing tokens");
    return ast;
  }

  const astCache = new Map();
  function compiledFormula(formula) {
    let entry = astCache.get(formula);
    if (!entry) {
      try {
        entry = { ast: parseFormula(formula) };
      } catch (e) {
        entry = { error: e };
      }
      astCache.set(formula, entry);
      if (astCache.size > 20000) astCache.clear();
    }
    return entry;
  }

  function isValidFormula(formula) {
    return !compiledFormula(formula).error;
  }

  // ---------------------------------------------------------------------------
  // The workbook model.

  let idCounter = 0;
  function newGuid(prefix) {
    idCounter++;
    const hex = (idCounter + 0x1000).toString(16).toUpperCase().padStart(12, "0");
    return "{" + (prefix || "00000000") + "-0001-0000-0000-" + hex + "}";
  }

  function key(r, c) {
    return r * MAX_COLS + c;
  }

  class Sheet {
    constructor(workbook, name, id) {
      this.workbook = workbook;
      this.name = name;
      this.id = id || newGuid("0000000" + (workbook.sheets.length + 1).toString(16).slice(-1));
      this.visibility = "Visible";
      this.cells = new Map(); // key -> { v, f, nf, s, q }
      this.columnWidths = new Map();
      this.rowHeights = new Map();
      this.frozen = { rows: 0, columns: 0 };
      this.charts = [];
      this.conditionalFormats = [];
      this.selected = "A1";
      this.showGridlines = true;
      this.tabColor = "";
      this.deleted = false;
      this.log = []; // format operations applied to this sheet
    }
    cell(r, c) {
      return this.cells.get(key(r, c));
    }
    ensure(r, c) {
      const k = key(r, c);
      let cell = this.cells.get(k);
      if (!cell) {
        cell = {};
        this.cells.set(k, cell);
      }
      return cell;
    }
    prune(r, c) {
      const k = key(r, c);
      const cell = this.cells.get(k);
      if (cell && cell.v === undefined && cell.f === undefined && cell.nf === undefined && cell.s === undefined) this.cells.delete(k);
    }
    /** Bounds of the cells holding something ({valuesOnly}: a value or formula). */
    usedBounds(valuesOnly) {
      let r0 = Infinity;
      let c0 = Infinity;
      let r1 = -1;
      let c1 = -1;
      for (const [k, cell] of this.cells) {
        if (valuesOnly ? cell.v === undefined && cell.f === undefined : false) continue;
        const r = Math.floor(k / MAX_COLS);
        const c = k - r * MAX_COLS;
        if (r < r0) r0 = r;
        if (r > r1) r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      }
      if (!valuesOnly) {
        for (const t of this.workbook.tables) {
          if (t.sheet !== this) continue;
          const b = t.bounds();
          r0 = Math.min(r0, b.r0);
          c0 = Math.min(c0, b.c0);
          r1 = Math.max(r1, b.r1);
          c1 = Math.max(c1, b.c1);
        }
      }
      if (r1 < 0) return null;
      return { r0, c0, r1, c1 };
    }
    /** Moves the cells of columns c0..c1 at or below row r down by n (Excel "insert cells, shift down"). */
    shiftDown(r, c0, c1, n) {
      const moved = [];
      for (const [k, cell] of this.cells) {
        const row = Math.floor(k / MAX_COLS);
        const col = k - row * MAX_COLS;
        if (row >= r && col >= c0 && col <= c1) moved.push([row, col, cell]);
      }
      for (const [row, col] of moved) this.cells.delete(key(row, col));
      for (const [row, col, cell] of moved) {
        if (row + n < MAX_ROWS) this.cells.set(key(row + n, col), cell);
      }
      for (const t of this.workbook.tables) {
        if (t.sheet !== this) continue;
        const b = t.bounds();
        if (b.r0 >= r && b.c0 >= c0 && b.c1 <= c1) t.r0 += n;
      }
    }
    shiftUp(r, c0, c1, n) {
      const moved = [];
      for (const [k, cell] of this.cells) {
        const row = Math.floor(k / MAX_COLS);
        const col = k - row * MAX_COLS;
        if (row >= r && col >= c0 && col <= c1) moved.push([row, col, cell]);
      }
      for (const [row, col] of moved) this.cells.delete(key(row, col));
      for (const [row, col, cell] of moved) {
        if (row - n >= r) this.cells.set(key(row - n, col), cell);
      }
      for (const t of this.workbook.tables) {
        if (t.sheet !== this) continue;
        const b = t.bounds();
        if (b.r0 >= r + n && b.c0 >= c0 && b.c1 <= c1) t.r0 -= n;
      }
    }
  }

  class Table {
    constructor(workbook, sheet, name, r0, c0, columnCount, dataRows, opts) {
      this.workbook = workbook;
      this.sheet = sheet;
      this.name = name;
      this.id = String(++workbook.nextTableId);
      this.r0 = r0;
      this.c0 = c0;
      this.columnCount = columnCount;
      this.dataRows = dataRows; // 0: a new table's empty "insert row"
      this.showHeaders = opts && opts.showHeaders === false ? false : true;
      this.showTotals = !!(opts && opts.showTotals);
      this.style = (opts && opts.style) || "TableStyleMedium2";
      this.showBandedRows = true;
      this.showBandedColumns = false;
      this.showFilterButton = true;
      this.highlightFirstColumn = false;
      this.highlightLastColumn = false;
      this.hiddenHeaderNames = null;
      this.deleted = false;
    }
    headerRow() {
      return this.r0;
    }
    /** A new table's empty insert row becomes a real row once something is written in it. */
    normalize() {
      if (this.dataRows === 0) {
        const r = this.bodyStart();
        for (let c = this.c0; c < this.c0 + this.columnCount; c++) {
          const cell = this.sheet.cell(r, c);
          if (cell && (cell.v !== undefined || cell.f !== undefined)) {
            this.dataRows = 1;
            break;
          }
        }
      }
      return this;
    }
    bodyStart() {
      return this.r0 + (this.showHeaders ? 1 : 0);
    }
    bodyRowCount() {
      return Math.max(1, this.dataRows);
    }
    bounds() {
      const r1 = this.bodyStart() + this.bodyRowCount() - 1 + (this.showTotals ? 1 : 0);
      return { r0: this.r0, c0: this.c0, r1, c1: this.c0 + this.columnCount - 1 };
    }
    bodyBounds() {
      const r0 = this.bodyStart();
      return { r0, c0: this.c0, r1: r0 + this.bodyRowCount() - 1, c1: this.c0 + this.columnCount - 1 };
    }
    headerNames() {
      if (!this.showHeaders && this.hiddenHeaderNames) return this.hiddenHeaderNames.slice();
      const names = [];
      for (let c = 0; c < this.columnCount; c++) {
        const cell = this.sheet.cell(this.r0, this.c0 + c);
        names.push(cell && cell.v !== undefined ? String(cell.v) : "Column" + (c + 1));
      }
      return names;
    }
  }

  /** Normalizes header names the way Excel does: text, unique, never blank. */
  function uniqueHeaders(values) {
    const out = [];
    const seen = new Set();
    values.forEach((raw, i) => {
      let base = raw === undefined || raw === null || raw === "" ? "Column" + (i + 1) : typeof raw === "boolean" ? String(raw).toUpperCase() : String(raw);
      let name = base;
      let n = 2;
      while (seen.has(name.toLowerCase())) name = base + n++;
      seen.add(name.toLowerCase());
      out.push(name);
    });
    return out;
  }

  class Workbook {
    constructor() {
      this.sheets = [];
      this.tables = [];
      this.settings = {};
      this.activeSheetId = null;
      this.cultureName = "fr-FR";
      this.name = "Classeur1.xlsx";
      this.nextTableId = 0;
      this.nextChartId = 0;
      this.calculationMode = "Automatic";
      this.now = null; // fixed clock for TODAY()/NOW(), ISO date or null
      this.log = { formulaCoercions: [], calculateCalls: [], writes: [] };
      this.customFunction = null; // hook set by office-double.js
    }
    get culture() {
      return culture(this.cultureName);
    }
    visibleSheets() {
      return this.sheets.filter((s) => s.visibility === "Visible");
    }
    sheetByName(name) {
      const lower = String(name).toLowerCase();
      return this.sheets.find((s) => s.name.toLowerCase() === lower) || null;
    }
    sheetByKey(keyOrName) {
      return this.sheets.find((s) => s.id === keyOrName) || this.sheetByName(keyOrName);
    }
    tableByKey(keyOrName) {
      const lower = String(keyOrName).toLowerCase();
      return this.tables.find((t) => t.id === String(keyOrName) || t.name.toLowerCase() === lower) || null;
    }
    activeSheet() {
      let sheet = this.sheets.find((s) => s.id === this.activeSheetId && !s.deleted);
      if (!sheet) {
        sheet = this.visibleSheets()[0] || this.sheets[0];
        if (sheet) this.activeSheetId = sheet.id;
      }
      return sheet;
    }
    nextName(prefix, exists) {
      let n = 1;
      while (exists(prefix + n)) n++;
      return prefix + n;
    }
    validateSheetName(name, except) {
      if (typeof name !== "string" || name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'") || /^history$/i.test(name)) {
        throw fail("InvalidArgument", "Worksheet.name");
      }
      const other = this.sheetByName(name);
      if (other && other !== except) throw fail("ItemAlreadyExists", "WorksheetCollection.add");
    }
    addSheet(name) {
      const finalName = name == null ? this.nextName(this.culture.sheetPrefix, (n) => !!this.sheetByName(n)) : name;
      this.validateSheetName(finalName);
      const sheet = new Sheet(this, finalName);
      this.sheets.push(sheet);
      if (!this.activeSheetId) this.activeSheetId = sheet.id;
      return sheet;
    }
    deleteSheet(sheet) {
      const visible = this.visibleSheets();
      if (sheet.visibility === "Visible" && visible.length <= 1) throw fail("InvalidOperation", "Worksheet.delete", null, "A workbook must contain at least one visible worksheet.");
      const index = this.sheets.indexOf(sheet);
      this.sheets.splice(index, 1);
      sheet.deleted = true;
      for (const t of this.tables.filter((t) => t.sheet === sheet)) this.deleteTable(t);
      if (this.activeSheetId === sheet.id) {
        const candidates = this.visibleSheets();
        const next = candidates[Math.min(index, candidates.length - 1)] || candidates[0];
        this.activeSheetId = next ? next.id : null;
      }
    }
    validateTableName(name, except) {
      if (typeof name !== "string" || !/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || name.length > 255 || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name)) {
        throw fail("InvalidArgument", "Table.name");
      }
      const other = this.tableByKey(name);
      if (other && other !== except) throw fail("ItemAlreadyExists", "Table.name");
    }
    addTable(sheet, r0, c0, r1, c1, hasHeaders) {
      if (r1 >= MAX_ROWS - 1 || c1 - c0 + 1 > 16384 || r0 === 0 && r1 === MAX_ROWS - 1) throw fail("InvalidArgument", "TableCollection.add");
      const overlaps = (t) => {
        const b = t.bounds();
        const rowsAfter = hasHeaders ? r1 : r1 + 1;
        return t.sheet === sheet && !(b.r1 < r0 || b.r0 > rowsAfter || b.c1 < c0 || b.c0 > c1);
      };
      if (this.tables.some(overlaps)) throw fail("InvalidOperation", "TableCollection.add", null, "A table can't overlap a range that contains a PivotTable report, query results, protected cells or another table.");
      const columnCount = c1 - c0 + 1;
      let dataRows;
      if (hasHeaders) {
        dataRows = r1 - r0; // header-only range: 0 data rows, one empty insert row
        const raw = [];
        for (let c = c0; c <= c1; c++) {
          const cell = sheet.cell(r0, c);
          raw.push(cell ? displayOf(this, sheet, r0, c) : "");
        }
        const names = uniqueHeaders(raw);
        names.forEach((name, i) => {
          const cell = sheet.ensure(r0, c0 + i);
          cell.v = name;
          delete cell.f;
        });
        if (dataRows === 0) {
          // Excel adds the empty insert row below the header; cells there move down if not empty.
          let blocked = false;
          for (let c = c0; c <= c1; c++) if (sheet.cell(r0 + 1, c) && sheet.cell(r0 + 1, c).v !== undefined) blocked = true;
          if (blocked) sheet.shiftDown(r0 + 1, c0, c1, 1);
        }
      } else {
        // Tables always have a header row: the data moves down by one (see office-js#196).
        sheet.shiftDown(r0, c0, c1, 1);
        for (let i = 0; i < columnCount; i++) {
          const cell = sheet.ensure(r0, c0 + i);
          cell.v = "Column" + (i + 1);
          delete cell.f;
        }
        dataRows = r1 - r0 + 1;
      }
      const name = this.nextName(this.culture.tablePrefix, (n) => !!this.tableByKey(n));
      const table = new Table(this, sheet, name, r0, c0, columnCount, dataRows);
      this.tables.push(table);
      return table;
    }
    deleteTable(table) {
      const i = this.tables.indexOf(table);
      if (i >= 0) this.tables.splice(i, 1);
      table.deleted = true;
    }
    today() {
      const d = this.now ? new Date(this.now) : new Date();
      const y = this.now ? d.getUTCFullYear() : d.getFullYear();
      const m = this.now ? d.getUTCMonth() + 1 : d.getMonth() + 1;
      const day = this.now ? d.getUTCDate() : d.getDate();
      return dateToSerial(y, m, day);
    }
    nowSerial() {
      const d = this.now ? new Date(this.now) : new Date();
      const secs = this.now ? d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds() : d.getHours() * 3600 + d.getMinutes() * 60 + d.getSeconds();
      return this.today() + secs / 86400;
    }
  }

  // ---------------------------------------------------------------------------
  // Reading cells (formulas are evaluated when read).

  const evaluating = new Set();

  /** The value of a cell: number | string | boolean | XLError | undefined (empty). */
  function valueOf(wb, sheet, r, c) {
    const cell = sheet.cell(r, c);
    if (!cell) return undefined;
    if (cell.f === undefined) return cell.v;
    const k = sheet.id + ":" + key(r, c);
    if (evaluating.has(k)) return 0; // circular reference: Excel shows 0
    evaluating.add(k);
    try {
      const result = evaluateFormula(wb, sheet, cell.f, r, c);
      return result === undefined ? 0 : result;
    } finally {
      evaluating.delete(k);
    }
  }

  /** Value as the API returns it in Range.values. */
  function apiValue(v) {
    if (v === undefined) return "";
    if (v instanceof XLError) return v.code;
    return v;
  }

  function displayOf(wb, sheet, r, c) {
    const cell = sheet.cell(r, c);
    if (!cell) return "";
    return formatValue(valueOf(wb, sheet, r, c), cell.nf, wb.culture);
  }

  function valueType(v) {
    if (v === undefined || v === "") return "Empty";
    if (v instanceof XLError) return "Error";
    if (typeof v === "number") return "Double";
    if (typeof v === "boolean") return "Boolean";
    return "String";
  }

  function evaluateFormula(wb, sheet, formula, row, col) {
    const entry = compiledFormula(formula);
    if (entry.error) return ERR.NAME;
    try {
      const v = scalar(evalNode(entry.ast, { wb, sheet, row, col }), { wb, sheet, row, col });
      if (typeof v === "number" && !Number.isFinite(v)) return ERR.NUM;
      if (v === 0) return 0; // no -0
      return v;
    } catch (e) {
      if (e instanceof XLError) return e;
      throw e;
    }
  }

  // Range references inside the evaluator.
  class Ref {
    constructor(sheet, r0, c0, r1, c1) {
      this.sheet = sheet;
      this.r0 = r0;
      this.c0 = c0;
      this.r1 = r1;
      this.c1 = c1;
    }
    /** The part worth visiting: whole columns/rows are clipped to the used range. */
    clipped() {
      if ((this.r1 - this.r0 + 1) * (this.c1 - this.c0 + 1) <= 100000) return this;
      const used = this.sheet.usedBounds(true);
      if (!used) return null;
      const r0 = Math.max(this.r0, used.r0);
      const r1 = Math.min(this.r1, used.r1);
      const c0 = Math.max(this.c0, used.c0);
      const c1 = Math.min(this.c1, used.c1);
      if (r0 > r1 || c0 > c1) return null;
      return { r0, c0, r1, c1 };
    }
    *cells(env) {
      const b = this.clipped();
      if (!b) return;
      for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) yield valueOf(env.wb, this.sheet, r, c);
    }
    matrix(env) {
      const rows = [];
      const b = this.clipped();
      const r1 = b ? Math.max(b.r1, this.r0) : this.r0;
      const c1 = b ? Math.max(b.c1, this.c0) : this.c0;
      for (let r = this.r0; r <= r1; r++) {
        const row = [];
        for (let c = this.c0; c <= c1; c++) row.push(valueOf(env.wb, this.sheet, r, c));
        rows.push(row);
      }
      return rows;
    }
  }

  function evalNode(node, env) {
    switch (node.k) {
      case "lit":
        return node.v;
      case "missing":
        return undefined;
      case "ref": {
        const sheet = node.sheet ? env.wb.sheetByName(node.sheet) : env.sheet;
        if (!sheet) throw ERR.REF;
        return new Ref(sheet, node.r0, node.c0, node.r1, node.c1);
      }
      case "sref": {
        const table = env.wb.tableByKey(node.table);
        if (!table) throw ERR.NAME;
        const names = table.headerNames().map((n) => n.toLowerCase());
        const spec = node.spec.replace(/^\[|\]$/g, "").trim();
        const b = table.bodyBounds();
        if (spec === "") return new Ref(table.sheet, b.r0, b.c0, b.r1, b.c1);
        const idx = names.indexOf(spec.replace(/'(.)/g, "$1").toLowerCase());
        if (idx < 0) throw ERR.REF;
        return new Ref(table.sheet, b.r0, b.c0 + idx, b.r1, b.c0 + idx);
      }
      case "name":
        throw ERR.NAME;
      case "array":
        return node.rows.map((row) => row.map((item) => scalar(evalNode(item, env), env)));
      case "neg": {
        const v = toNumber(scalar(evalNode(node.a, env), env));
        return -v;
      }
      case "pct":
        return toNumber(scalar(evalNode(node.a, env), env)) / 100;
      case "bin":
        return binary(node.op, scalar(evalNode(node.a, env), env), scalar(evalNode(node.b, env), env));
      case "call":
        return callFunction(node.name, node.args, env);
      default:
        throw ERR.VALUE;
    }
  }

  /** A reference used where one value is expected: implicit intersection. */
  function scalar(v, env) {
    if (v instanceof Ref) {
      if (v.r0 === v.r1 && v.c0 === v.c1) return valueOf(env.wb, v.sheet, v.r0, v.c0);
      if (v.c0 === v.c1 && env.row >= v.r0 && env.row <= v.r1 && env.sheet === v.sheet) return valueOf(env.wb, v.sheet, env.row, v.c0);
      if (v.r0 === v.r1 && env.col >= v.c0 && env.col <= v.c1 && env.sheet === v.sheet) return valueOf(env.wb, v.sheet, v.r0, env.col);
      throw ERR.VALUE;
    }
    if (Array.isArray(v)) return v[0] && v[0][0];
    if (v instanceof XLError) throw v;
    return v;
  }

  function toNumber(v) {
    if (v instanceof XLError) throw v;
    if (v === undefined || v === "") return 0;
    if (typeof v === "number") return v;
    if (typeof v === "boolean") return v ? 1 : 0;
    const n = Number(String(v).trim().replace(",", "."));
    if (String(v).trim() !== "" && Number.isFinite(n)) return n;
    throw ERR.VALUE;
  }

  function toText(v) {
    if (v instanceof XLError) throw v;
    if (v === undefined) return "";
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    return String(v);
  }

  function toBool(v) {
    if (v instanceof XLError) throw v;
    if (typeof v === "boolean") return v;
    if (v === undefined || v === "") return false;
    if (typeof v === "number") return v !== 0;
    if (/^true$/i.test(v)) return true;
    if (/^false$/i.test(v)) return false;
    throw ERR.VALUE;
  }

  function compare(a, b) {
    const rank = (v) => (v === undefined ? 0 : typeof v === "number" ? 1 : typeof v === "string" ? 2 : 3);
    if (a === undefined) a = typeof b === "string" ? "" : typeof b === "boolean" ? false : 0;
    if (b === undefined) b = typeof a === "string" ? "" : typeof a === "boolean" ? false : 0;
    const ra = rank(a);
    const rb = rank(b);
    if (ra !== rb) return ra - rb;
    if (typeof a === "string") {
      const x = a.toLowerCase();
      const y = b.toLowerCase();
      return x < y ? -1 : x > y ? 1 : 0;
    }
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function binary(op, a, b) {
    if (a instanceof XLError) throw a;
    if (b instanceof XLError) throw b;
    switch (op) {
      case "+":
        return toNumber(a) + toNumber(b);
      case "-":
        return toNumber(a) - toNumber(b);
      case "*":
        return toNumber(a) * toNumber(b);
      case "/": {
        const d = toNumber(b);
        if (d === 0) throw ERR.DIV0;
        return toNumber(a) / d;
      }
      case "^":
        return Math.pow(toNumber(a), toNumber(b));
      case "&":
        return toText(a) + toText(b);
      case "=":
        return compare(a, b) === 0;
      case "<>":
        return compare(a, b) !== 0;
      case "<":
        return compare(a, b) < 0;
      case ">":
        return compare(a, b) > 0;
      case "<=":
        return compare(a, b) <= 0;
      case ">=":
        return compare(a, b) >= 0;
      default:
        throw ERR.VALUE;
    }
  }

  /** Numbers from arguments: ranges contribute their numbers only, direct arguments are coerced. */
  function numbersOf(args, env) {
    const out = [];
    for (const a of args) {
      const v = evalNode(a, env);
      if (v instanceof Ref) {
        for (const x of v.cells(env)) {
          if (x instanceof XLError) throw x;
          if (typeof x === "number") out.push(x);
        }
      } else if (Array.isArray(v)) {
        for (const row of v) for (const x of row) if (typeof x === "number") out.push(x);
      } else if (v !== undefined) out.push(toNumber(v));
    }
    return out;
  }

  function criteriaMatcher(criteria) {
    if (typeof criteria === "number" || typeof criteria === "boolean") return (v) => compare(v, criteria) === 0;
    const m = /^(<=|>=|<>|=|<|>)?(.*)$/.exec(String(criteria));
    const op = m[1] || "=";
    const raw = m[2];
    const num = raw.trim() !== "" && Number.isFinite(Number(raw)) ? Number(raw) : null;
    const target = num !== null ? num : raw;
    if (op === "=" && typeof target === "string" && /[*?]/.test(target)) {
      const re = new RegExp("^" + target.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$", "i");
      return (v) => typeof v === "string" && re.test(v);
    }
    return (v) => {
      if (v instanceof XLError) return false;
      if (num !== null && typeof v !== "number") return op === "<>";
      const cmp = compare(v === undefined ? (num !== null ? undefined : "") : v, target);
      return binary(op, cmp, 0);
    };
  }

  function rangeArg(node, env) {
    const v = evalNode(node, env);
    if (!(v instanceof Ref)) throw ERR.VALUE;
    return v;
  }

  function callFunction(name, args, env) {
    const arg = (i) => (args[i] ? scalar(evalNode(args[i], env), env) : undefined);
    switch (name) {
      case "SUM":
        return numbersOf(args, env).reduce((s, x) => s + x, 0);
      case "MIN": {
        const xs = numbersOf(args, env);
        return xs.length ? Math.min(...xs) : 0;
      }
      case "MAX": {
        const xs = numbersOf(args, env);
        return xs.length ? Math.max(...xs) : 0;
      }
      case "AVERAGE": {
        const xs = numbersOf(args, env);
        if (!xs.length) throw ERR.DIV0;
        return xs.reduce((s, x) => s + x, 0) / xs.length;
      }
      case "COUNT":
        return numbersOf(args, env).length;
      case "COUNTA": {
        let n = 0;
        for (const a of args) {
          const v = evalNode(a, env);
          if (v instanceof Ref) {
            for (const x of v.cells(env)) if (x !== undefined && x !== "") n++;
          } else if (v !== undefined) n++;
        }
        return n;
      }
      case "COUNTBLANK": {
        const ref = rangeArg(args[0], env);
        let filled = 0;
        for (const x of ref.cells(env)) if (x !== undefined && x !== "") filled++;
        return (ref.r1 - ref.r0 + 1) * (ref.c1 - ref.c0 + 1) - filled;
      }
      case "SUMIF":
      case "COUNTIF": {
        const ref = rangeArg(args[0], env);
        const match = criteriaMatcher(arg(1));
        const sumRef = name === "SUMIF" && args[2] ? rangeArg(args[2], env) : ref;
        let total = 0;
        const b = ref.clipped();
        if (!b) return 0;
        for (let r = b.r0; r <= b.r1; r++) {
          for (let c = b.c0; c <= b.c1; c++) {
            if (!match(valueOf(env.wb, ref.sheet, r, c))) continue;
            if (name === "COUNTIF") total++;
            else {
              const v = valueOf(env.wb, sumRef.sheet, sumRef.r0 + (r - ref.r0), sumRef.c0 + (c - ref.c0));
              if (typeof v === "number") total += v;
            }
          }
        }
        return total;
      }
      case "SUMPRODUCT": {
        const mats = args.map((a) => {
          const v = evalNode(a, env);
          if (v instanceof Ref) return v.matrix(env);
          return Array.isArray(v) ? v : [[v]];
        });
        let total = 0;
        for (let r = 0; r < mats[0].length; r++)
          for (let c = 0; c < mats[0][0].length; c++) total += mats.reduce((p, m) => p * (typeof m[r][c] === "number" ? m[r][c] : 0), 1);
        return total;
      }
      case "IF": {
        const cond = toBool(arg(0));
        if (cond) return args[1] ? scalar(evalNode(args[1], env), env) : true;
        return args[2] ? scalar(evalNode(args[2], env), env) : false;
      }
      case "IFERROR":
        try {
          const v = arg(0);
          if (v instanceof XLError) return arg(1);
          return v;
        } catch (e) {
          if (e instanceof XLError) return arg(1);
          throw e;
        }
      case "IFNA":
        try {
          return arg(0);
        } catch (e) {
          if (e === ERR.NA) return arg(1);
          throw e;
        }
      case "AND":
        return args.every((_, i) => toBool(arg(i)));
      case "OR":
        return args.some((_, i) => toBool(arg(i)));
      case "NOT":
        return !toBool(arg(0));
      case "ROUND":
        return roundHalfAway(toNumber(arg(0)), toNumber(arg(1)));
      case "ROUNDUP": {
        const f = Math.pow(10, toNumber(arg(1)));
        const x = toNumber(arg(0));
        return (Math.sign(x) * Math.ceil(Math.abs(x) * f - 1e-9)) / f;
      }
      case "ROUNDDOWN": {
        const f = Math.pow(10, toNumber(arg(1)));
        const x = toNumber(arg(0));
        return (Math.sign(x) * Math.floor(Math.abs(x) * f + 1e-9)) / f;
      }
      case "ABS":
        return Math.abs(toNumber(arg(0)));
      case "INT":
        return Math.floor(toNumber(arg(0)));
      case "MOD": {
        const d = toNumber(arg(1));
        if (d === 0) throw ERR.DIV0;
        const n = toNumber(arg(0));
        return n - d * Math.floor(n / d);
      }
      case "TODAY":
        return env.wb.today();
      case "NOW":
        return env.wb.nowSerial();
      case "DATE":
        return dateToSerial(toNumber(arg(0)), toNumber(arg(1)), toNumber(arg(2)));
      case "YEAR":
        return serialToParts(toNumber(arg(0))).y;
      case "MONTH":
        return serialToParts(toNumber(arg(0))).m;
      case "DAY":
        return serialToParts(toNumber(arg(0))).d;
      case "EDATE": {
        const p = serialToParts(toNumber(arg(0)));
        const months = Math.trunc(toNumber(arg(1)));
        const target = new Date(Date.UTC(p.y, p.m - 1 + months, 1));
        const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
        return dateToSerial(target.getUTCFullYear(), target.getUTCMonth() + 1, Math.min(p.d, last));
      }
      case "CONCATENATE":
      case "CONCAT":
        return args.map((_, i) => toText(arg(i))).join("");
      case "LEN":
        return toText(arg(0)).length;
      case "UPPER":
        return toText(arg(0)).toUpperCase();
      case "LOWER":
        return toText(arg(0)).toLowerCase();
      case "TRIM":
        return toText(arg(0)).trim().replace(/ +/g, " ");
      case "TEXT":
        return formatValue(arg(0), toText(arg(1)), env.wb.culture);
      case "ISBLANK":
        return arg(0) === undefined;
      case "ISNUMBER":
        return typeof safe(() => arg(0)) === "number";
      case "ISTEXT":
        return typeof safe(() => arg(0)) === "string";
      case "ISERROR":
        return safe(() => arg(0)) instanceof XLError;
      case "NA":
        throw ERR.NA;
      case "HYPERLINK":
        return args[1] ? arg(1) : arg(0);
      default:
        return callCustom(name, args, env);
    }
  }

  function safe(f) {
    try {
      return f();
    } catch (e) {
      if (e instanceof XLError) return e;
      throw e;
    }
  }

  function callCustom(name, args, env) {
    const hook = env.wb.customFunction;
    const found = hook && hook(name);
    if (!found) throw ERR.NAME;
    const values = args.map((a, i) => {
      if (a.k === "missing") return undefined;
      const v = evalNode(a, env);
      const dim = found.parameters && found.parameters[i] ? found.parameters[i].dimensionality : "matrix";
      const toApi = (x) => (x === undefined ? "" : x instanceof XLError ? x : x);
      if (dim === "scalar") return toApi(scalar(v, env));
      if (v instanceof Ref) return v.matrix(env).map((row) => row.map(toApi));
      if (Array.isArray(v)) return v;
      return [[toApi(v)]];
    });
    let result;
    try {
      result = found.fn(...values);
    } catch (e) {
      return found.toError(e);
    }
    if (result && typeof result.then === "function") return ERR.BUSY;
    if (Array.isArray(result)) result = Array.isArray(result[0]) ? result[0][0] : result[0];
    return found.toValue(result);
  }

  // ---------------------------------------------------------------------------
  // Writing cells.

  /**
   * Writes one input value to a cell with Excel's rules. mode: "values" |
   * "formulas". Returns nothing; records formula coercions in wb.log.
   */
  function writeCell(wb, sheet, r, c, input, mode) {
    if (input === null || input === undefined) return; // null leaves the cell unchanged
    const cell = sheet.ensure(r, c);
    delete cell.q;
    if (typeof input === "number") {
      cell.v = input;
      delete cell.f;
    } else if (typeof input === "boolean") {
      cell.v = input;
      delete cell.f;
    } else {
      const text = String(input);
      const typed = typeString(text, cell.nf, wb.culture);
      if (typed.kind === "formula") {
        cell.f = typed.formula;
        delete cell.v;
        if (mode === "values" || typed.coerced) wb.log.formulaCoercions.push({ sheet: sheet.name, address: cellName(r, c), input: text, formula: typed.formula, via: mode });
      } else {
        delete cell.f;
        if (typed.value === undefined) delete cell.v;
        else cell.v = typed.value;
        if (typed.quotePrefix) cell.q = true;
        if (typed.nf && isGeneral(cell.nf)) cell.nf = typed.nf;
      }
    }
    sheet.prune(r, c);
  }

  /** Validates a would-be formula write, for the InvalidArgument Excel raises on bad syntax. */
  function checkWritable(wb, input, cellFormat, location) {
    if (input === null || input === undefined || typeof input === "number" || typeof input === "boolean") return;
    if (typeof input === "object") throw fail("InvalidArgument", location);
    const typed = typeString(String(input), cellFormat, wb.culture);
    if (typed.kind === "formula" && !isValidFormula(typed.formula)) throw fail("InvalidArgument", location, null, "The formula contains a syntax error: " + typed.formula);
  }

  // ---------------------------------------------------------------------------
  // State import / export (JSON).

  function cellFromSpec(spec) {
    if (spec === null || spec === undefined) return null;
    if (typeof spec !== "object") return { v: spec };
    const cell = {};
    if (spec.f !== undefined) cell.f = spec.f;
    if (spec.v !== undefined && spec.f === undefined) cell.v = spec.v;
    if (spec.e !== undefined) cell.v = ERROR_LITERALS.get(spec.e) || new XLError(spec.e);
    if (spec.nf !== undefined) cell.nf = spec.nf;
    if (spec.style !== undefined) cell.s = Object.assign({}, spec.style);
    return cell;
  }

  /**
   * State format (all optional but sheets):
   * { name, culture: "fr-FR", activeSheet, now: "2026-03-15",
   *   sheets: [{ name, id?, visibility?, origin?: "A1", data?: any[][],
   *              formulas?: (string|null)[][], numberFormats?: (string|null)[][],
   *              cells?: { "B2": 5 | { v, f, nf, style } }, selected?: "A1:C10",
   *              columnWidths?: { A: 60 }, frozen?: { rows, columns },
   *              charts?: [...], conditionalFormats?: [...] }],
   *   tables: [{ name, sheet, address: "A1:D10", hasHeaders?: true, showTotals?, style?, dataRows? }],
   *   settings: { key: value }, selection: { sheet, address } }
   * data values are stored as they are (strings stay text, even "=...").
   */
  function loadState(state) {
    const wb = new Workbook();
    if (!state) state = {};
    if (state.culture) wb.cultureName = state.culture;
    if (state.name) wb.name = state.name;
    if (state.now) wb.now = state.now;
    const sheets = state.sheets && state.sheets.length ? state.sheets : [{ name: wb.culture.sheetPrefix + "1" }];
    for (const spec of sheets) {
      const sheet = new Sheet(wb, spec.name, spec.id);
      wb.sheets.push(sheet);
      if (spec.visibility) sheet.visibility = spec.visibility;
      if (spec.selected) sheet.selected = spec.selected;
      if (spec.showGridlines === false) sheet.showGridlines = false;
      if (spec.tabColor) sheet.tabColor = spec.tabColor;
      const origin = parseAddress(spec.origin || "A1");
      const put = (matrix, apply) => {
        if (!matrix) return;
        matrix.forEach((row, i) =>
          row.forEach((value, j) => {
            if (value === null || value === undefined || value === "") return;
            apply(sheet.ensure(origin.r0 + i, origin.c0 + j), value);
          }),
        );
      };
      put(spec.data, (cell, v) => {
        if (typeof v === "object") Object.assign(cell, cellFromSpec(v));
        else cell.v = v;
      });
      put(spec.formulas, (cell, f) => {
        cell.f = f;
        delete cell.v;
      });
      put(spec.numberFormats, (cell, nf) => {
        cell.nf = nf;
      });
      if (spec.cells) {
        for (const [addr, value] of Object.entries(spec.cells)) {
          const a = parseAddress(addr);
          if (!a) throw new Error("Bad cell address in state: " + addr);
          const cell = cellFromSpec(value);
          if (cell) sheet.cells.set(key(a.r0, a.c0), cell);
        }
      }
      for (const [k, cell] of [...sheet.cells]) if (!cell || Object.keys(cell).length === 0) sheet.cells.delete(k);
      if (spec.columnWidths) for (const [col, w] of Object.entries(spec.columnWidths)) sheet.columnWidths.set(lettersToCol(col), w);
      if (spec.frozen) sheet.frozen = Object.assign({ rows: 0, columns: 0 }, spec.frozen);
      if (spec.charts) sheet.charts = JSON.parse(JSON.stringify(spec.charts));
      if (spec.conditionalFormats) sheet.conditionalFormats = JSON.parse(JSON.stringify(spec.conditionalFormats));
      if (spec.charts) wb.nextChartId = Math.max(wb.nextChartId, ...spec.charts.map((c) => Number(c.id) || 0));
    }
    for (const t of state.tables || []) {
      const sheet = wb.sheetByName(t.sheet);
      if (!sheet) throw new Error("Table " + t.name + " on a missing sheet " + t.sheet);
      const a = parseAddress(t.address);
      const hasHeaders = t.hasHeaders !== false;
      const cols = a.c1 - a.c0 + 1;
      const showTotals = !!t.showTotals;
      let dataRows = t.dataRows !== undefined ? t.dataRows : a.r1 - a.r0 + 1 - (hasHeaders ? 1 : 0) - (showTotals ? 1 : 0);
      const table = new Table(wb, sheet, t.name, a.r0, a.c0, cols, Math.max(0, dataRows), { showHeaders: hasHeaders, showTotals, style: t.style });
      if (t.id) table.id = String(t.id);
      wb.nextTableId = Math.max(wb.nextTableId, Number(table.id) || 0);
      if (!hasHeaders) table.hiddenHeaderNames = t.columns || Array.from({ length: cols }, (_, i) => "Column" + (i + 1));
      wb.tables.push(table);
    }
    wb.settings = state.settings ? JSON.parse(JSON.stringify(state.settings)) : {};
    const active = state.activeSheet ? wb.sheetByName(state.activeSheet) : null;
    wb.activeSheetId = (active || wb.sheets[0]).id;
    if (state.selection) {
      const sheet = wb.sheetByName(state.selection.sheet) || wb.activeSheet();
      sheet.selected = state.selection.address || "A1";
      wb.activeSheetId = sheet.id;
    }
    return wb;
  }

  function exportCell(cell) {
    const out = {};
    if (cell.f !== undefined) out.f = cell.f;
    else if (cell.v instanceof XLError) out.e = cell.v.code;
    else if (cell.v !== undefined) out.v = cell.v;
    if (cell.nf !== undefined) out.nf = cell.nf;
    if (cell.s !== undefined) out.style = Object.assign({}, cell.s);
    if (cell.q) out.quotePrefix = true;
    return out;
  }

  function exportState(wb) {
    const active = wb.activeSheet();
    return {
      name: wb.name,
      culture: wb.cultureName,
      now: wb.now || undefined,
      activeSheet: active ? active.name : undefined,
      selection: active ? { sheet: active.name, address: active.selected } : undefined,
      sheets: wb.sheets.map((sheet) => {
        const cells = {};
        const keys = [...sheet.cells.keys()].sort((a, b) => a - b);
        for (const k of keys) {
          const r = Math.floor(k / MAX_COLS);
          cells[cellName(r, k - r * MAX_COLS)] = exportCell(sheet.cells.get(k));
        }
        const columnWidths = {};
        for (const [c, w] of sheet.columnWidths) columnWidths[colToLetters(c)] = w;
        return {
          name: sheet.name,
          id: sheet.id,
          visibility: sheet.visibility,
          selected: sheet.selected,
          showGridlines: sheet.showGridlines,
          tabColor: sheet.tabColor || undefined,
          cells,
          columnWidths,
          frozen: Object.assign({}, sheet.frozen),
          charts: JSON.parse(JSON.stringify(sheet.charts)),
          conditionalFormats: JSON.parse(JSON.stringify(sheet.conditionalFormats)),
        };
      }),
      tables: wb.tables.map((t) => {
        const b = t.bounds();
        return {
          name: t.name,
          id: t.id,
          sheet: t.sheet.name,
          address: rangeRef(b.r0, b.c0, b.r1, b.c1),
          hasHeaders: t.showHeaders,
          showTotals: t.showTotals,
          style: t.style,
          dataRows: t.normalize().dataRows,
          columns: t.headerNames(),
        };
      }),
      settings: JSON.parse(JSON.stringify(wb.settings)),
    };
  }

  globalThis.__officeDoubleEngine = {
    MAX_ROWS,
    MAX_COLS,
    MESSAGES,
    RichApiError,
    fail,
    XLError,
    ERR,
    colToLetters,
    lettersToCol,
    quoteSheetName,
    parseAddress,
    rangeRef,
    formatAddress,
    cellName,
    dateToSerial,
    serialToParts,
    culture,
    CULTURES,
    formatValue,
    formatGeneral,
    validateNumberFormat,
    isGeneral,
    isDateFormat,
    toLocalFormat,
    fromLocalFormat,
    typeString,
    parseLocaleNumber,
    parseLocaleDate,
    parseFormula,
    isValidFormula,
    Workbook,
    Sheet,
    Table,
    uniqueHeaders,
    valueOf,
    apiValue,
    displayOf,
    valueType,
    writeCell,
    checkWritable,
    loadState,
    exportState,
    key,
  };
})();
