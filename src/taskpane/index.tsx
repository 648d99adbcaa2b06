/**
 * Task pane entry. In the shared runtime this page also hosts the formulas
 * and the ribbon handlers, so start-up first loads the workbook's own rates
 * into the formulas, then renders the pane.
 */
import { createRoot } from "react-dom/client";
import { epochDayOfLocalDate } from "../core/calendar";
import { loadWorkbookRatesIntoFormulas, officeGateway } from "../excel/gateway";
import { officeThemeIsDark, uiLanguage, whenOfficeReady } from "../excel/host";
import { App } from "./App";

void whenOfficeReady().then(() => {
  const rates = loadWorkbookRatesIntoFormulas();
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <App
      gateway={officeGateway()}
      language={uiLanguage()}
      dark={officeThemeIsDark()}
      today={() => epochDayOfLocalDate(new Date())}
      storedRatesErrors={rates.ok ? [] : rates.errors}
    />,
  );
});
