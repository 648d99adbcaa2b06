/**
 * The pane's activity bar, rendered on the server (no browser needed): the
 * Retry-After countdown with its stop button, and who else is sending from
 * the workbook with what they claimed.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { OtherSender } from "../../src/core/sending/claims";
import type { MessageRecord } from "../../src/core/sending/ledger";
import { SendingActivity } from "../../src/taskpane/sending/SendingActivity";
import { sendingStringsFor } from "../../src/taskpane/sending/strings";

const strings = sendingStringsFor("fr");
const record = (client: string) => ({ client }) as MessageRecord;
const text = (html: string) =>
  html
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

function render(props: Partial<Parameters<typeof SendingActivity>[0]>): string {
  return text(renderToStaticMarkup(createElement(FluentProvider, { theme: webLightTheme }, createElement(SendingActivity, { strings, others: [], onStop: () => undefined, now: () => 1_000_000, ...props }))));
}

test("a pause shows its countdown and a stop button", () => {
  const html = render({ pauseUntil: 1_000_000 + 125_000 });
  expect(html).toContain("l'envoi reprend dans 2 min 05 s");
  expect(html).toContain("Arrêter l'envoi");
});

test("no pause, nobody else: nothing shown", () => {
  expect(render({}).trim()).toBe("");
});

test("another person sending: who, how many, which clients", () => {
  const others: OtherSender[] = [{ by: "marie@acme.fr", runtime: "k3v9", claimed: ["Dupont", "Martin", "Durand", "Petit"].map(record) }];
  expect(render({ others })).toContain("marie@acme.fr envoie aussi depuis ce classeur : 4 e-mails réservés (Dupont, Martin, Durand…)");
});
