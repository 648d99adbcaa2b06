/**
 * Task pane entry. In the shared runtime this page also hosts the formulas
 * and the ribbon handlers, so start-up loads the workbook's user rates into
 * the formulas before anything else.
 */
import { createRoot } from "react-dom/client";
import { whenOfficeReady } from "../excel/host";
import { loadUserRatesIntoFormulas, workbookSettings } from "../excel/userRatesStore";
import { App } from "./App";

void whenOfficeReady().then(() => {
  const rates = loadUserRatesIntoFormulas(workbookSettings());
  const container = document.getElementById("container");
  if (container) createRoot(container).render(<App storedRatesErrors={rates.ok ? [] : rates.errors} />);
});
