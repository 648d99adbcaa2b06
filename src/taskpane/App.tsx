/**
 * The pane's frame: theme and language from Office, tabs, and the state that
 * outlives a tab switch (the rate book the formulas use). Every workbook
 * access goes through the gateway it receives.
 */
import { FluentProvider, Text, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { EpochDay } from "../core/calendar";
import type { RateBook } from "../core/rates/rateBook";
import type { WorkbookGateway } from "../excel/gateway";
import type { UiLanguage } from "../excel/host";
import { currentRateBook, onRateBookChange } from "../state/currentRates";
import { StringsContext, stringsFor } from "./i18n";
import { PaneTabs } from "./PaneTabs";
import { RatesPanel } from "./rates/RatesPanel";
import { CasesPanel } from "./cases/CasesPanel";
import { useWorkbench } from "./cases/useWorkbench";
import { ImportTab } from "./import/ImportTab";
import { JournalPanel } from "./journal/JournalPanel";
import { LettersPanel } from "./letters/LettersPanel";
import { ReportPanel } from "./report/ReportPanel";
import { reportStrings } from "./report/strings";
import { SendingPane } from "./sending/SendingPane";
import { usePendingRelancer } from "./sending/useSending";
import { SettingsPanel } from "./settings/SettingsPanel";

const useStyles = makeStyles({
  shell: { display: "flex", flexDirection: "column", minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  body: { padding: tokens.spacingHorizontalM, flexGrow: 1, minWidth: 0 },
});

export type TabId = "cases" | "import" | "letters" | "report" | "journal" | "rates" | "settings";
/** The tabs, and « Relancer » while the ribbon's sending request is open: its own view, named in the tab bar. */
type ViewId = TabId | "sending";

export interface AppProps {
  readonly gateway: WorkbookGateway;
  readonly language: UiLanguage;
  readonly dark: boolean;
  readonly today: () => EpochDay;
  readonly storedRatesErrors: readonly string[];
  readonly initialTab?: TabId;
}

function useRateBook(): RateBook {
  const [book, setBook] = useState(currentRateBook);
  useEffect(() => onRateBookChange(setBook), []);
  return book;
}

export function App({ gateway, language, dark, today, storedRatesErrors, initialTab = "cases" }: AppProps) {
  const strings = stringsFor(language);
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>(initialTab);
  // The worklist's bulk « Générer leurs courriers » / « Préparer leurs e-mails »: the letters tab opens with those clients chosen.
  const [lettersRequest, setLettersRequest] = useState<{ clientKeys: readonly string[]; output: "docx" | "eml"; id: number } | undefined>();
  const book = useRateBook();
  // The analysed list lives here: the cases, letters and report tabs share it.
  const workbench = useWorkbench(gateway, book, today);
  const pending = usePendingRelancer();
  // The ribbon's « Balance âgée »: the dashboard, on the selection analysed afresh.
  const dashboardRequest = pending.action?.kind === "tableauDeBord" ? pending.action.id : undefined;
  useEffect(() => {
    if (dashboardRequest === undefined) return;
    pending.close();
    setTab("report");
    void workbench.analyze();
  }, [dashboardRequest]);
  const sendingAction = pending.action === undefined || pending.action.kind === "tableauDeBord" ? undefined : pending.action;
  // While the sending view is open the tab bar shows it selected; choosing a tab, closing or leaving returns to a tab.
  const [sendingShown, setSendingShown] = useState(false);
  useEffect(() => setSendingShown(sendingAction !== undefined), [sendingAction]);
  const view: ViewId = sendingAction && sendingShown ? "sending" : tab;
  const closeSending = () => {
    pending.close();
    if (workbench.analysis) void workbench.analyze();
  };
  const tabs: Array<{ id: ViewId; label: string }> = [
    ...(sendingAction ? [{ id: "sending" as const, label: strings.tabSending }] : []),
    { id: "cases", label: strings.tabCases },
    { id: "import", label: strings.tabImport },
    { id: "letters", label: strings.tabLetters },
    { id: "report", label: strings.tabReport },
    { id: "journal", label: strings.tabJournal },
    { id: "rates", label: strings.tabRates },
    { id: "settings", label: strings.tabSettings },
  ];

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <StringsContext.Provider value={strings}>
        <div className={styles.shell}>
          <header className={styles.header}>
            <img src="assets/icon-32.png" alt="" width={24} height={24} />
            <Text as="h1" size={500} weight="semibold">
              {strings.appTitle}
            </Text>
          </header>
          <PaneTabs
            tabs={tabs}
            selected={view}
            moreLabel={strings.tabsMore}
            onSelect={(id) => {
              if (id === "sending") return setSendingShown(true);
              setSendingShown(false);
              setTab(id);
            }}
          />
          <main className={styles.body}>
            {/* Kept mounted: going to another tab and back keeps the analysed list. */}
            {/* Hidden, not unmounted, while the user looks at another tab: a batch keeps running. */}
            {sendingAction && (
              <div hidden={view !== "sending"}>
                <SendingPane
                  gateway={gateway}
                  book={book}
                  language={language}
                  action={sendingAction}
                  onClose={closeSending}
                  onOpenProfile={() => {
                    setSendingShown(false);
                    setTab("letters");
                  }}
                />
              </div>
            )}
            <div hidden={view !== "cases"}>
              <CasesPanel
                workbench={workbench}
                today={today}
                onOpenRates={() => setTab("rates")}
                onLetters={(clientKeys, output) => {
                  setLettersRequest({ clientKeys, output, id: Date.now() });
                  setTab("letters");
                }}
              />
            </div>
            <div hidden={view !== "import"}>
              <ImportTab
                gateway={gateway}
                language={language}
                today={today}
                onAnalyze={() => {
                  setTab("cases");
                  void workbench.analyze();
                }}
              />
            </div>
            {view === "letters" && (
              <LettersPanel
                key={lettersRequest?.id}
                analysis={workbench.analysis}
                gateway={gateway}
                book={book}
                today={today}
                record={workbench.record}
                request={lettersRequest}
              />
            )}
            {view === "report" && (
              <ReportPanel
                strings={reportStrings(language)}
                today={today()}
                source={
                  workbench.analysis && {
                    invoices: workbench.analysis.ledger.invoices,
                    journal: workbench.analysis.state,
                    scenario: workbench.analysis.scenario,
                    book,
                  }
                }
                onAnalyze={() => void workbench.analyze()}
                analyzing={workbench.status.kind === "loading"}
                onWriteReport={(_date, _bounds, { report }) => gateway.writeAgingReport(report)}
              />
            )}
            {view === "journal" && <JournalPanel gateway={gateway} />}
            {view === "rates" && (
              <RatesPanel book={book} today={today()} storedErrors={storedRatesErrors} onSave={(rates) => gateway.saveUserRates(rates)} />
            )}
            {view === "settings" && <SettingsPanel gateway={gateway} />}
          </main>
        </div>
      </StringsContext.Provider>
    </FluentProvider>
  );
}
