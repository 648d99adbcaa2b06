/**
 * The morning list: one case per client, built from the validated invoices
 * of the selection and the state derived from the journal.
 *
 * An invoice takes part in escalation when it is unpaid (no payment date in
 * the list, something still owed) and its first scenario step has come.
 * Disputed invoices are listed aside in their client's case and left out of
 * its totals and steps until the dispute is resolved. Each invoice gets its
 * amount due, days late, what may be claimed besides the principal (claim.ts:
 * professional, consumer and public-buyer rules), its aging bucket, last step
 * done, next step and the day it becomes due, and French warnings
 * (prescription near, contractual rate under the legal floor, promise not
 * kept, plan instalment unpaid, missing rate). Nothing here guesses: an
 * unknown rate leaves the interest undefined with the reason.
 *
 * Here: which invoices take part and in what order, grouped per client.
 * The shapes are in caseViews.ts, one invoice's line in invoiceLine.ts, one
 * client's case in clientCase.ts.
 */
import { bucketLabels, DEFAULT_BOUNDS } from "../aging";
import type { Invoice } from "../ledger/invoiceRow";
import { invoiceStateOf, type JournalState } from "./state";
import type { InvoiceLine, WorkflowOptions, WorkflowResult } from "./caseViews";
import { buildCase } from "./clientCase";
import { buildLine } from "./invoiceLine";

export * from "./caseViews";

/**
 * Cases per client, most urgent first: steps due now, then the latest
 * invoices, then by client name.
 */
export function buildCases(invoices: readonly Invoice[], journal: JournalState, options: WorkflowOptions): WorkflowResult {
  const { scenario, today } = options;
  const labels = bucketLabels(options.agingBounds ?? DEFAULT_BOUNDS);
  const firstOffset = scenario.length > 0 ? scenario[0].offsetDays : 0;
  const byClient = new Map<string, { lines: InvoiceLine[]; disputed: InvoiceLine[] }>();
  let notYetDue = 0;
  let settled = 0;

  const ordered = [...invoices].sort((a, b) => a.echeance - b.echeance || a.sheetRow - b.sheetRow);
  for (const invoice of ordered) {
    const state = invoiceStateOf(journal, invoice.clientKey, invoice.numero);
    const owed = Math.min(invoice.montant, state?.balance ?? invoice.montant);
    if (invoice.datePaiement !== undefined || owed <= 0) {
      settled++;
      continue;
    }
    if (today - invoice.echeance < firstOffset && state === undefined) {
      notYetDue++;
      continue;
    }
    const line = buildLine(invoice, journal, options, labels);
    let group = byClient.get(invoice.clientKey);
    if (!group) byClient.set(invoice.clientKey, (group = { lines: [], disputed: [] }));
    (line.status === "litige" ? group.disputed : group.lines).push(line);
  }

  const cases = [...byClient.entries()].map(([clientKey, group]) => buildCase(clientKey, group.lines, group.disputed, scenario, labels));
  cases.sort(
    (a, b) =>
      Number(b.next?.dueNow ?? false) - Number(a.next?.dueNow ?? false) ||
      b.daysLate - a.daysLate ||
      (a.client < b.client ? -1 : a.client > b.client ? 1 : 0),
  );

  const journalWarnings = [
    ...journal.duplicates.map((d) => `Journal : l'entrée « ${d.id} » figure deux fois ; la seconde est ignorée.`),
    ...journal.unknownSteps.map((u) => `Journal : l'étape « ${u.stepId} » n'existe plus dans le scénario ; elle ne compte pas comme faite.`),
  ];
  return { cases, notYetDue, settled, journalWarnings };
}
