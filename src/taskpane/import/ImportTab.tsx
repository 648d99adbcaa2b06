/**
 * The « Importer » tab: the import screen with its state (useImport), kept
 * mounted by the App so that the last report stays when the user looks at
 * another tab.
 */
import type { EpochDay } from "../../core/calendar";
import type { WorkbookGateway } from "../../excel/gateway";
import type { UiLanguage } from "../../excel/host";
import { ImportPanel } from "./ImportPanel";
import { importStrings } from "./strings";
import { useImport } from "./useImport";

export interface ImportTabProps {
  readonly gateway: WorkbookGateway;
  readonly language: UiLanguage;
  readonly today: () => EpochDay;
  readonly onAnalyze: () => void;
}

export function ImportTab({ gateway, language, today, onAnalyze }: ImportTabProps) {
  const controller = useImport(gateway, today);
  return <ImportPanel controller={controller} strings={importStrings(language)} onAnalyze={onAnalyze} />;
}
