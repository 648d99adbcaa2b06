/**
 * `npm run fec -- <fichier FEC…> --au AAAA-MM-JJ [--json] [--conditions "…"]`:
 * the FEC import as a command, for accountants and for checks. Built by
 * webpack (target node) into dist/fec.js, apart from what Excel loads.
 * With --json: exactly one JSON object on stdout (ImportSummary). Errors go
 * to stderr with exit code 1 (unreadable file) or 2 (bad arguments).
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { DEFAULT_TERMS, dsoFromBooks, openItemsAt, readFecFiles, summarizeImport, type FecInput } from "../core/books";
import { describePaymentTerms } from "../core/terms";
import { parseFecArgs, USAGE, UsageError } from "./fecArgs";
import { summaryText } from "./fecText";

function main(argv: readonly string[]): number {
  let args;
  try {
    args = parseFecArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`fec : ${error.message}\n${USAGE}\n`);
    return 2;
  }
  const inputs: FecInput[] = [];
  for (const file of args.files) {
    try {
      inputs.push({ name: basename(file), bytes: new Uint8Array(readFileSync(file)) });
    } catch (error) {
      const code = (error as { code?: string }).code;
      const reason = code === "ENOENT" ? "fichier introuvable" : code === "EISDIR" ? "c'est un dossier" : code === "EACCES" ? "lecture refusée" : (error as Error).message;
      process.stderr.write(`fec : ${file} : ${reason}\n`);
      return 1;
    }
  }
  const read = readFecFiles(inputs);
  const unread = read.report.files.filter((f) => f.separator === "");
  if (unread.length === inputs.length) {
    process.stderr.write(`fec : aucun fichier lisible comme un FEC (${unread.map((f) => f.file).join(", ")}) : en-tête JournalCode… introuvable\n`);
    return 1;
  }
  const terms = args.terms ?? DEFAULT_TERMS;
  const items = openItemsAt(read.lines, args.at, { terms });
  const dso = dsoFromBooks(read.sales, items.balanceCents, args.at, args.months, args.basis);
  const summary = summarizeImport(read, items, describePaymentTerms(terms), dso);
  process.stdout.write(args.json ? `${JSON.stringify(summary)}\n` : `${summaryText(summary)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
