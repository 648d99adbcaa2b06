/** The confirmation screen rendered on the server (no DOM needed): what the user sees before anything is sent. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { claimEntry, foldLedger, intentEntry } from "../../src/core/sending/ledger";
import { defaultContent } from "../../src/core/sending/defaultContent";
import { ConfirmSend, clientOutcomes, type ConfirmSendProps, type MessagePreview } from "../../src/taskpane/sending/ConfirmSend";
import { sendingStringsFor } from "../../src/taskpane/sending/strings";
import { invoice, ISO, planFor } from "../core/sending/fixtures";

const invoices = [
  invoice({ client: "SARL <script>alert(1)</script>", numero: "F1", email: "compta@dupont.fr" }),
  invoice({ client: "Mme Leroy", numero: "A7", email: "leroy@x.fr" }),
  invoice({ client: "Sans Mail", numero: "S1", email: undefined }),
];

function render(overrides: Partial<ConfirmSendProps> = {}, language: "fr" | "en" = "fr") {
  const plan = planFor(invoices);
  const previews = new Map<string, MessagePreview>(plan.items.map((item) => [item.message.reference, { ...defaultContent(item.message), attachmentNames: [] }]));
  const props: ConfirmSendProps = {
    strings: sendingStringsFor(language),
    plan,
    previews,
    transport: "graph",
    phase: "confirm",
    onTransportChange: () => undefined,
    onConfirm: () => undefined,
    onCancel: () => undefined,
    onStop: () => undefined,
    onDecide: () => undefined,
    ...overrides,
  };
  return renderToStaticMarkup(createElement(FluentProvider, { theme: webLightTheme }, createElement(ConfirmSend, props)));
}

describe("ConfirmSend", () => {
  test("count, recipients, previews, skipped clients with the reason; merged values escaped", () => {
    const html = render();
    expect(html).toContain("2 e-mails à envoyer à 2 clients");
    expect(html).toContain("Envoyer 2 e-mails");
    expect(html).toContain("compta@dupont.fr");
    expect(html).toContain("leroy@x.fr");
    expect(html).toContain("Relance 1 : 1 facture impayée");
    expect(html).toContain("1 client écarté");
    expect(html).toContain("pas d&#x27;adresse e-mail dans la liste pour ce client");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
  });

  test("a message another person claimed is listed « en cours », not sent from here", () => {
    const first = planFor(invoices).items[0].message;
    const claim = claimEntry(first, 1, ISO(0), { by: "marie@acme.fr", runtime: "k3v9x0", seq: 0, mailbox: "marie@acme.fr" });
    const plan = planFor(invoices, [claim]);
    expect(plan.items.find((item) => item.message.reference === first.reference)?.status).toBe("enCours");
    const html = render({ plan });
    expect(html).toContain("En cours d&#x27;envoi par une autre personne ou un autre volet (1)");
    expect(html).toContain("réservé par marie@acme.fr (poste k3v9x0)");
    expect(html).toContain("Envoyer 1 e-mail");
  });

  test("English", () => {
    expect(render({}, "en")).toContain("2 e-mails to send to 2 clients");
  });

  test("no Graph: the reason is shown and the send button is disabled", () => {
    const html = render({ graphUnavailable: "l'identifiant d'application manque" });
    expect(html).toContain("Envoi par Microsoft 365 indisponible : l&#x27;identifiant d&#x27;application manque");
    expect(html).toMatch(/<button[^>]*disabled[^>]*>Envoyer 2 e-mails/);
    // Folded under « Pour votre administrateur »; the user reads what to do in their words.
    expect(html).toMatch(/<details[^>]*><summary>Pour votre administrateur<\/summary>.*Envoi par Microsoft 365 indisponible/);
    expect(html).toContain("Préparez des brouillons .eml, ou demandez à votre administrateur");
  });

  test("a preview that failed: the message is not counted in the button", () => {
    const plan = planFor(invoices);
    const previews = new Map<string, MessagePreview>([
      [plan.items[0].message.reference, { error: "modèle introuvable" }],
      [plan.items[1].message.reference, { subject: "Objet", text: "Texte", attachmentNames: ["lettre.pdf"] }],
    ]);
    const html = render({ plan, previews });
    expect(html).toContain("Aperçu impossible : modèle introuvable. Cet e-mail ne sera pas envoyé.");
    expect(html).toContain("Envoyer 1 e-mail");
    expect(html).toContain("lettre.pdf");
  });

  test("an unknown earlier attempt is shown to decide, with both choices", () => {
    const first = planFor(invoices).items[1].message;
    const plan = planFor(invoices, [intentEntry(first, 1, ISO(1))]);
    const html = render({ plan });
    expect(html).toContain("À décider (1)");
    expect(html).toContain("Il est parti");
    expect(html).toContain("Il n&#x27;est pas parti");
    expect(html).toContain("1 e-mail à envoyer à 1 client");
    expect(foldLedger([intentEntry(first, 1, ISO(1))]).records.size).toBe(1);
  });

  test("progress and one outcome per client", () => {
    const plan = planFor(invoices);
    const [a, b] = plan.items.map((item) => item.message);
    const results = [
      { message: a, kind: "envoye" as const, journalled: true },
      { message: b, kind: "inconnu" as const, reason: "connexion interrompue", journalled: true },
    ];
    const html = render({ phase: "done", progress: { done: 2, total: 2 }, results });
    expect(html).toContain("2 / 2");
    // What happened, counted; nothing that did not happen (issue 15: no « 0 échec »).
    expect(html).toContain("Terminé : 1 e-mail envoyé, 1 envoi à l&#x27;issue inconnue.");
    expect(html).not.toContain("0 échec");
    expect(html).toContain("connexion interrompue");
    expect(clientOutcomes([...results, { message: b, kind: "envoye" as const, journalled: true }]).map((o) => o.kind)).toEqual(["envoye", "inconnu"]);
  });
});
