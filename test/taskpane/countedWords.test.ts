/** The pane's counted words and month names come from core's one plural rule and one month list. */
import { importStrings } from "../../src/taskpane/import/strings";
import { reportStrings } from "../../src/taskpane/report/strings";
import { sendingStringsFor } from "../../src/taskpane/sending/strings";

describe("counted words", () => {
  test("sending, import and report screens", () => {
    expect(sendingStringsFor("fr").send(1)).toBe("Envoyer 1 e-mail");
    expect(sendingStringsFor("en").send(2)).toBe("Send 2 e-mails");
    expect(importStrings("fr").tableAdded(1234)).toBe(`1${"\u202f"}234 lignes ajoutées`);
    expect(importStrings("en").tableAdded(1)).toBe("1 row added");
    expect(reportStrings("en").revenueMonth(2026, 11)).toBe("November 2026");
    expect(reportStrings("fr").revenueMonth(2026, 2)).toBe("février 2026");
  });
});
