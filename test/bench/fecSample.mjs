/**
 * The FEC the benches read (test/bench/fec.mjs in Node, fecBrowser in
 * Chromium): deterministic, fictional. Sales (customer debit, revenue, VAT),
 * payments under the invoice's piece (15 % partial), purchases.
 */
/* global TextEncoder -- Node and browsers both have it */
const CUSTOMERS = 2_000;
const HEADER = "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise";

let seed = 7;
// 32-bit LCG kept exact with Math.imul (a float product would lose the low bits).
const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296;
const amount = (cents) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")}`;
const ymd = (day) => {
  const d = new Date(day * 86_400_000);
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, "0")}${String(d.getUTCDate()).padStart(2, "0")}`;
};

/** The sample FEC as UTF-8 bytes, CRLF line ends, `lines` data lines under the header. */
export function generateFec(lines) {
  seed = 7;
  const rows = [HEADER];
  const start = 19723; // 01/01/2024
  let entry = 0;
  const open = []; // [customer, piece, cents] invoices not yet paid
  while (rows.length <= lines) {
    entry++;
    const day = start + Math.floor((entry / lines) * 3 * 365);
    const date = ymd(day);
    const r = random();
    if (r < 0.4) {
      // A sale: customer debit, revenue and VAT credits.
      const c = Math.floor(random() * CUSTOMERS);
      const ht = 1000 + Math.floor(random() * 500_000);
      const tva = Math.round(ht / 5);
      const piece = `F${entry}`;
      const aux = `C${String(c).padStart(5, "0")}`;
      rows.push(`VE\tVentes\t${entry}\t${date}\t41100000\tClients\t${aux}\tCLIENT ${c} SARL\t${piece}\t${date}\tFacture ${piece}\t${amount(ht + tva)}\t0,00\t\t\t\t\t`);
      rows.push(`VE\tVentes\t${entry}\t${date}\t70600000\tPrestations\t\t\t${piece}\t${date}\tFacture ${piece}\t0,00\t${amount(ht)}\t\t\t\t\t`);
      rows.push(`VE\tVentes\t${entry}\t${date}\t44571000\tTVA collectee\t\t\t${piece}\t${date}\tFacture ${piece}\t0,00\t${amount(tva)}\t\t\t\t\t`);
      open.push([aux, c, piece, ht + tva]);
    } else if (r < 0.7 && open.length > 0) {
      // A payment, under the invoice's piece, sometimes partial.
      const [aux, c, piece, cents] = open.splice(Math.floor(random() * open.length), 1)[0];
      const paid = random() < 0.15 ? Math.floor(cents / 2) : cents;
      rows.push(`BQ\tBanque\t${entry}\t${date}\t41100000\tClients\t${aux}\tCLIENT ${c} SARL\t${piece}\t${date}\tVirement ${piece}\t0,00\t${amount(paid)}\t\t\t\t\t`);
      rows.push(`BQ\tBanque\t${entry}\t${date}\t51200000\tBanque\t\t\t${piece}\t${date}\tVirement ${piece}\t${amount(paid)}\t0,00\t\t\t\t\t`);
    } else {
      // A purchase: expense, VAT, supplier.
      const ht = 500 + Math.floor(random() * 200_000);
      const tva = Math.round(ht / 5);
      rows.push(`AC\tAchats\t${entry}\t${date}\t60100000\tAchats\t\t\tA${entry}\t${date}\tFacture fournisseur\t${amount(ht)}\t0,00\t\t\t\t\t`);
      rows.push(`AC\tAchats\t${entry}\t${date}\t44566000\tTVA deductible\t\t\tA${entry}\t${date}\tFacture fournisseur\t${amount(tva)}\t0,00\t\t\t\t\t`);
      rows.push(`AC\tAchats\t${entry}\t${date}\t40100000\tFournisseurs\tF0001\tFOURNISSEUR\tA${entry}\t${date}\tFacture fournisseur\t0,00\t${amount(ht + tva)}\t\t\t\t\t`);
    }
  }
  return new TextEncoder().encode(rows.slice(0, lines + 1).join("\r\n") + "\r\n");
}

