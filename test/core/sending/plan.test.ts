import type { JournalEntry } from "../../../src/core/escalation/journal";
import { validateEntry } from "../../../src/core/escalation/journal";
import { entryToRow, readJournal } from "../../../src/core/escalation/journalRows";
import { decisionEntry, foldLedger, intentEntry, outcomeEntry } from "../../../src/core/sending/ledger";
import { messagesToSend, planBatch, planCounts } from "../../../src/core/sending/plan";
import { day } from "../fixtures";
import { casesFor, invoice, ISO, planFor, SCENARIO, TODAY } from "./fixtures";

const base = { timestamp: "2025-03-01T09:00:00Z", client: "SARL Dupont", clientKey: "sarl dupont" };
const entry = (e: Record<string, unknown>, i: number) => ({ id: `h${i}`, ...base, ...e }) as JournalEntry;

describe("planBatch: what is due, to whom", () => {
  test("one client, relance 1 due: one message with its recipients, invoices, amounts", () => {
    const email = "compta@dupont.fr; DG <dg@dupont.fr>";
    const plan = planFor([invoice({ numero: "F2", email }), invoice({ numero: "F1", email })]);
    expect(plan.skipped).toEqual([]);
    expect(plan.items).toHaveLength(1);
    const [item] = plan.items;
    expect(item.status).toBe("aEnvoyer");
    expect(item.attempt).toBe(1);
    expect(item.message).toMatchObject({
      clientKey: "sarl dupont",
      client: "SARL Dupont",
      stepId: "relance1",
      stepLabel: "Relance 1",
      stepChannel: "email",
      letterTemplateId: "relance1",
      attachLetter: false,
      invoices: ["F1", "F2"],
      recipients: ["compta@dupont.fr", "dg@dupont.fr"],
      principal: 200000,
      indemnity: 8000,
      date: TODAY,
    });
    expect(item.message.lines.map((line) => line.numero)).toEqual(["F1", "F2"]);
    expect(item.message.total).toBe(item.message.principal + item.message.interest! + item.message.indemnity);
    expect(item.message.reference).toMatch(/^MAIL-2025-04-01-[0-9a-f]{20}$/);
    expect(messagesToSend(plan)).toEqual([item.message]);
  });

  test("the same selection on the same day plans the same keys", () => {
    const invoices = [invoice({ numero: "F1" }), invoice({ client: "Mme Leroy", numero: "A7", email: "leroy@x.fr" })];
    const refs = (list: typeof invoices) => planFor(list).items.map((i) => i.message.reference).sort();
    expect(refs([...invoices].reverse())).toEqual(refs(invoices));
    expect(planFor(invoices, [], TODAY + 1).items[0].message.reference).not.toBe(planFor(invoices).items[0].message.reference);
  });

  test("clients skipped and why, in French", () => {
    const invoices = [
      invoice({ client: "Sans Mail", numero: "S1", email: undefined }),
      invoice({ client: "Mauvais Mail", numero: "M1", email: "compta@mauvais" }),
      invoice({ client: "Pas Encore", numero: "P1", echeance: TODAY - 3 }), // relance 1 done below, relance 2 later
      invoice({ client: "En Litige", numero: "L1" }),
      invoice({ client: "Promesse", numero: "R1" }),
      invoice({ client: "Recommande", numero: "Q1", echeance: day(2025, 2, 1) }), // 59 days: mise en demeure due
    ];
    const journal = [
      entry({ client: "Pas Encore", clientKey: "pas encore", type: "step", stepId: "relance1", date: TODAY - 2, invoices: ["P1"] }, 1),
      entry({ client: "En Litige", clientKey: "en litige", type: "dispute", reason: "marchandise abîmée", date: TODAY - 1, invoices: ["L1"] }, 2),
      entry({ client: "Promesse", clientKey: "promesse", type: "promise", until: TODAY + 10, amount: 100000, date: TODAY - 1, invoices: ["R1"] }, 3),
      ...["preventive", "relance1", "relance2", "relance3"].map((stepId, i) =>
        entry({ client: "Recommande", clientKey: "recommande", type: "step", stepId, date: day(2025, 2, 2) + i, invoices: ["Q1"] }, 10 + i),
      ),
    ];
    const plan = planFor(invoices, journal);
    expect(plan.items).toEqual([]);
    const reasons = Object.fromEntries(plan.skipped.map((s) => [s.client, [s.reason, s.message]]));
    expect(reasons).toEqual({
      "Sans Mail": ["sansEmail", "pas d'adresse e-mail dans la liste pour ce client"],
      "Mauvais Mail": ["emailInvalide", "adresse e-mail invalide : « compta@mauvais » : domaine incomplet (ex. « societe.fr »)"],
      "Pas Encore": ["rienAFaire", "rien à relancer aujourd'hui : « Relance 2 » le 13/04/2025"],
      "En Litige": ["litige", "facture en litige : hors relance jusqu'à la résolution"],
      Promesse: ["promesse", "promesse de paiement en cours jusqu'au 11/04/2025"],
      Recommande: ["canal", expect.stringContaining("« Mise en demeure » se fait par lrar (lettre recommandée avec accusé de réception : un e-mail ne la remplace pas)")],
    });
  });

  test("a courrier step is e-mailed with its letter attached; lrar only when asked", () => {
    const journal = ["relance1", "relance2"].map((stepId, i) => entry({ type: "step", stepId, date: day(2025, 3, 2) + i * 15, invoices: ["F1"] }, i));
    const plan = planFor([invoice({ echeance: day(2025, 3, 1) })], journal);
    expect(plan.items.map((i) => [i.message.stepId, i.message.stepChannel, i.message.attachLetter])).toEqual([["relance3", "courrier", true]]);

    const mise = [...journal, entry({ type: "step", stepId: "relance3", date: day(2025, 4, 1), invoices: ["F1"] }, 5)];
    const later = day(2025, 4, 20);
    const cases = casesFor([invoice({ echeance: day(2025, 3, 1) })], mise, later);
    expect(planBatch(cases, foldLedger(mise), { date: later, scenario: SCENARIO }).skipped[0].reason).toBe("canal");
    const withLrar = planBatch(cases, foldLedger(mise), { date: later, scenario: SCENARIO, emailChannels: ["email", "courrier", "lrar"] });
    expect(withLrar.items.map((i) => [i.message.stepId, i.message.attachLetter])).toEqual([["miseEnDemeure", true]]);
  });

  test("a client with invoices at two steps gets one message per step", () => {
    const journal = [entry({ type: "step", stepId: "relance1", date: day(2025, 3, 2), invoices: ["F1"] }, 1)];
    const plan = planFor([invoice({ numero: "F1", echeance: day(2025, 3, 1) }), invoice({ numero: "F2", echeance: day(2025, 3, 28) })], journal);
    expect(plan.items.map((i) => [i.message.stepId, i.message.invoices])).toEqual([
      ["relance2", ["F1"]],
      ["relance1", ["F2"]],
    ]);
    expect(new Set(plan.items.map((i) => i.message.reference)).size).toBe(2);
  });

  test("data the journal cannot hold: the client is skipped, nothing is planned to fail later", () => {
    const plan = planFor([invoice({ client: "X".repeat(300), numero: "F1" })]);
    expect(plan.items).toEqual([]);
    expect(plan.skipped[0]).toMatchObject({ reason: "donnees" });
  });
});

describe("planBatch against the ledger: exactly once", () => {
  const invoices = [invoice({ numero: "F1" })];
  const [message] = planFor(invoices).items.map((i) => i.message);

  test("intent without outcome: « à décider », never « à envoyer »", () => {
    const journal = [intentEntry(message, 1, ISO(1))];
    const [item] = planFor(invoices, journal).items;
    expect(item.status).toBe("aDecider");
    expect(item.previous?.status).toBe("inconnu");
    expect(item.note).toContain("issue inconnue");
  });

  test("sent: the step is done, the workflow moves on; the same key is « déjà envoyé »", () => {
    const journal = [intentEntry(message, 1, ISO(1)), outcomeEntry(message, 1, { kind: "envoye" }, ISO(2))];
    const plan = planFor(invoices, journal);
    expect(plan.items).toEqual([]);
    expect(plan.skipped[0]).toMatchObject({ reason: "rienAFaire" });
    // Stale cases (computed before the outcome): the ledger still refuses.
    const stale = planBatch(casesFor(invoices), foldLedger(journal), { date: TODAY, scenario: SCENARIO });
    expect(stale.items[0].status).toBe("dejaEnvoye");
  });

  test("failed: may be retried, as attempt 2", () => {
    const journal = [intentEntry(message, 1, ISO(1)), outcomeEntry(message, 1, { kind: "echec", reason: "Microsoft 365 a refusé le message (400)" }, ISO(2))];
    const [item] = planFor(invoices, journal).items;
    expect(item).toMatchObject({ status: "aEnvoyer", attempt: 2 });
    expect(item.note).toContain("Microsoft 365 a refusé le message");
  });

  test("unknown outcome recorded, then the user decides", () => {
    const unknown = [intentEntry(message, 1, ISO(1)), outcomeEntry(message, 1, { kind: "inconnu", reason: "connexion interrompue" }, ISO(2))];
    const record = foldLedger(unknown).records.get(message.reference)!;
    expect(record).toMatchObject({ status: "inconnu", attempts: 1, lastEvent: "inconnu" });

    const notSent = [...unknown, decisionEntry(record, "nonEnvoye", ISO(3))!];
    expect(planFor(invoices, notSent).items[0]).toMatchObject({ status: "aEnvoyer", attempt: 2 });

    const confirmed = [...unknown, decisionEntry(record, "confirme", ISO(3))!];
    expect(foldLedger(confirmed).records.get(message.reference)!.status).toBe("envoye");
    expect(planFor(invoices, confirmed).items).toEqual([]); // the step counts as done
    expect(decisionEntry(foldLedger(confirmed).records.get(message.reference)!, "nonEnvoye", ISO(4))).toBeUndefined();
  });

  test("an unknown message blocks the same step for its invoices on later days and in other groupings", () => {
    const journal = [intentEntry(message, 1, ISO(1))];
    const tomorrow = planFor([...invoices, invoice({ numero: "F9" })], journal, TODAY + 1);
    expect(tomorrow.items).toHaveLength(1);
    expect(tomorrow.items[0].message.invoices).toEqual(["F1", "F9"]);
    expect(tomorrow.items[0].message.reference).not.toBe(message.reference);
    expect(tomorrow.items[0]).toMatchObject({ status: "aDecider", previous: { reference: message.reference } });
  });

  test("a prepared draft waits for the user's word too", () => {
    const journal = [outcomeEntry(message, 1, { kind: "prepare", detail: "relance.eml" }, ISO(1))];
    expect(planFor(invoices, journal).items[0]).toMatchObject({ status: "aDecider", previous: { status: "prepare" } });
    expect(planFor(invoices, journal, TODAY + 2).items[0].status).toBe("aDecider");
  });

  test("part of the invoices already got the step by another message: « périmé »", () => {
    const two = planFor([invoice({ numero: "F1" }), invoice({ numero: "F2" })]).items[0].message;
    const journal = [intentEntry(message, 1, ISO(1)), outcomeEntry(message, 1, { kind: "envoye" }, ISO(2))];
    const stale = planBatch(casesFor([invoice({ numero: "F1" }), invoice({ numero: "F2" })]), foldLedger(journal), { date: TODAY + 1, scenario: SCENARIO });
    expect(stale.items[0]).toMatchObject({ status: "perime" });
    expect(two.invoices).toEqual(["F1", "F2"]);
  });

  test("a damaged journal row citing the message holds it back", () => {
    const plan = planBatch(casesFor(invoices), foldLedger([]), { date: TODAY, scenario: SCENARIO, unreadableReferences: new Set([message.reference]) });
    expect(plan.items[0].status).toBe("perime");
  });

  test("counts", () => {
    expect(planCounts(planFor(invoices))).toEqual({ aEnvoyer: 1, dejaEnvoye: 0, aDecider: 0, perime: 0, enCours: 0, skipped: 0 });
  });
});

describe("the ledger's journal entries", () => {
  const [message] = planFor([invoice({ numero: "F1", client: "=HYPERLINK(\"x\")", email: "a@b.fr" })]).items.map((i) => i.message);
  const all: JournalEntry[] = [
    intentEntry(message, 1, ISO(1)),
    outcomeEntry(message, 1, { kind: "inconnu", reason: "délai dépassé" }, ISO(2)),
    outcomeEntry(message, 2, { kind: "echec", reason: "x".repeat(3000) }, ISO(3)),
    outcomeEntry(message, 3, { kind: "prepare", detail: "a.eml" }, ISO(4)),
    intentEntry(message, 4, ISO(5)),
    outcomeEntry(message, 4, { kind: "envoye" }, ISO(6)),
  ];

  test("every entry is valid, existing entry types only, unique ids", () => {
    for (const e of all) expect(validateEntry(e)).toMatchObject({ ok: true });
    expect(new Set(all.map((e) => e.type))).toEqual(new Set(["document", "step"]));
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
  });

  test("through the Excel table and back, the ledger is the same", () => {
    const rows = all.map((e) => entryToRow(e, SCENARIO));
    const read = readJournal(undefined, rows, { scenario: SCENARIO });
    expect(read.damaged).toEqual([]);
    expect(read.entries).toEqual(all);
    expect(foldLedger(read.entries)).toEqual(foldLedger(all));
  });

  test("a row appended twice is read once; sent is final", () => {
    const twice = [...all, all[4], outcomeEntry(message, 4, { kind: "echec", reason: "tard" }, ISO(7))];
    const ledger = foldLedger(twice);
    expect(ledger.records.get(message.reference)).toMatchObject({ status: "envoye", attempts: 4 });
    expect(ledger.warnings).toHaveLength(1);
  });

  test("a hand-typed row citing a reference is read the safe way, with a warning", () => {
    const typed = { ...base, id: "manuel-1", type: "document", date: TODAY, invoices: ["F1"], stepId: "relance1", documentRef: message.reference } as JournalEntry;
    const ledger = foldLedger([typed]);
    expect(ledger.records.get(message.reference)!.status).toBe("inconnu");
    expect(ledger.warnings[0]).toContain("manuel-1");
  });
});
