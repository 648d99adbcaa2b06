/**
 * What stands for Excel around the pane in the demonstration: the ribbon's
 * « Recouvrement » group (the add-in's own commands, run as Excel runs them)
 * and a read-only view of the workbook (sheet tabs, displayed texts, the
 * selection). Everything is read from the Office double's test API; the pane
 * itself only ever talks to Office.js.
 */
import type { OfficeDoubleApi } from "../officeDouble/types";

/** Rows drawn at most; the pane still reads the whole sheet. */
const MAX_ROWS = 400;
const MAX_COLUMNS = 26;

function columnLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, children: (Node | string)[] = []): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  for (const child of children) node.append(child);
  return node;
}

/** "A2:M301" → first and last row. */
function rowsOf(address: string): [number, number] | null {
  const match = /^\$?[A-Z]+\$?(\d+)(?::\$?[A-Z]+\$?(\d+))?$/.exec(address.replace(/^.*!/, ""));
  return match ? [Number(match[1]), Number(match[2] ?? match[1])] : null;
}

export interface WorkbookView {
  /** Redraws when the workbook changed (host round trips) or the sheet did. */
  refresh(force?: boolean): void;
}

export function mountWorkbookView(root: HTMLElement, office: () => OfficeDoubleApi): WorkbookView {
  const tabs = element("div", { className: "tabs", role: "tablist" } as Partial<HTMLDivElement>);
  const status = element("div", { className: "status" });
  const grid = element("div", { className: "grid" });
  root.append(grid, tabs, status);

  let sheet = "";
  let drawnSync = -1;
  let anchor = 2;

  const select = async (first: number, last: number) => {
    const width = office().sheetValues(sheet)[0]?.length ?? 1;
    const lastColumn = columnLetter(Math.min(width, 13) - 1);
    await office().setSelection(sheet, `A${Math.min(first, last)}:${lastColumn}${Math.max(first, last)}`);
    view.refresh(true);
  };

  const drawTabs = (names: string[]) => {
    tabs.replaceChildren(
      ...names.map((name) => {
        const tab = element("button", { type: "button", className: name === sheet ? "tab active" : "tab", textContent: name });
        tab.setAttribute("role", "tab");
        tab.setAttribute("aria-selected", String(name === sheet));
        tab.addEventListener("click", () => {
          sheet = name;
          view.refresh(true);
        });
        return tab;
      }),
    );
  };

  const drawGrid = () => {
    const values = office().sheetValues(sheet);
    const rows = Math.min(values.length, MAX_ROWS);
    const columns = Math.min(values.reduce((max, row) => Math.max(max, row.length), 0), MAX_COLUMNS);
    if (rows === 0 || columns === 0) {
      grid.replaceChildren(element("p", { className: "empty", textContent: "Feuille vide" }));
      return;
    }
    const { text } = office().readRange(sheet, `A1:${columnLetter(columns - 1)}${rows}`);
    const selection = office().getSelection();
    const selected = selection.sheet === sheet ? rowsOf(selection.address) : null;
    const head = element("tr", {}, [element("th", { className: "corner" }), ...Array.from({ length: columns }, (_, c) => element("th", { textContent: columnLetter(c) }))]);
    const body = text.map((line, r) => {
      const rowNumber = r + 1;
      const header = element("th", { textContent: String(rowNumber), title: "Cliquer pour sélectionner la ligne (Maj+clic : jusqu'à cette ligne)" });
      header.addEventListener("click", (event) => {
        if (!event.shiftKey) anchor = rowNumber;
        void select(event.shiftKey ? anchor : rowNumber, rowNumber);
      });
      const inSelection = selected !== null && rowNumber >= selected[0] && rowNumber <= selected[1];
      const cells = line.map((cell) => element("td", { textContent: String(cell ?? "") }));
      return element("tr", { className: [r === 0 ? "header-row" : "", inSelection ? "selected" : ""].join(" ").trim() }, [header, ...cells]);
    });
    const more = values.length > rows ? [element("caption", { textContent: `${rows} premières lignes sur ${values.length}` })] : [];
    grid.replaceChildren(element("table", {}, [...more, element("thead", {}, [head]), element("tbody", {}, body)]));
    const rangeText = selection.sheet === sheet ? `Sélection : ${selection.sheet}!${selection.address}` : `Sélection sur la feuille « ${selection.sheet} »`;
    status.textContent = rangeText;
  };

  const view: WorkbookView = {
    refresh(force = false) {
      const api = office();
      const names = api.sheetNames();
      if (!names.includes(sheet)) sheet = api.getSelection().sheet || names[0];
      if (!force && api.syncCount === drawnSync) return;
      drawnSync = api.syncCount;
      drawTabs(names);
      drawGrid();
    },
  };
  return view;
}

/** The ribbon group: the manifest's three buttons. */
export function mountRibbon(root: HTMLElement, office: () => OfficeDoubleApi, afterAction: () => void): void {
  const button = (label: string, title: string, action?: string) => {
    const node = element("button", { type: "button", className: "ribbon-button", textContent: label, title });
    node.addEventListener("click", async () => {
      if (!action) {
        document.getElementById("container")?.scrollIntoView({ behavior: "smooth" });
        return;
      }
      node.disabled = true;
      try {
        await office().invokeAction(action, { timeoutMs: 120_000 });
      } finally {
        node.disabled = false;
        afterAction();
      }
    });
    return node;
  };
  root.append(
    element("span", { className: "ribbon-group", textContent: "Recouvrement" }),
    button("Recouvre", "Ouvre le volet (déjà ouvert à droite)"),
    button("Relancer", "Prépare les relances dues des lignes sélectionnées, puis demande confirmation", "relancer"),
    button("Balance âgée", "Ouvre le tableau de bord sur la sélection", "tableauDeBord"),
  );
}
