/**
 * Mounts the « Relancer » screen with what it needs from the workbook: the
 * creditor's profile (letters as e-mail bodies and .eml drafts), the stored
 * scenario and the PDF fonts for attached letters. The letters engine
 * (pdf-lib, fontkit) is loaded on demand, so the pane starts without it; the
 * screen shows once it is there, so no message can leave with a fallback body.
 */
import { Spinner } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { CREDITOR_PROFILE_SETTING, parseCreditorProfile } from "../../core/letters/profile";
import type { RateBook } from "../../core/rates/rateBook";
import type { PdfFonts } from "../../documents/pdf";
import type { WorkbookGateway } from "../../excel/gateway";
import type { UiLanguage } from "../../excel/host";
import type { PendingAction } from "../../sending/pendingAction";
import { loadScenario } from "../cases/useWorkbench";
import { useStrings } from "../i18n";
import { downloadBytes } from "../letters/download";
import { loadPdfFonts } from "../letters/pdfFonts";
import { SendingScreen } from "./SendingScreen";
import type { SendingEnvironment } from "./useSending";

type LettersAdapter = typeof import("../../sending/lettersAdapter");

export interface SendingPaneProps {
  readonly gateway: WorkbookGateway;
  readonly book: RateBook;
  readonly language: UiLanguage;
  /** A sending request of the ribbon (not the dashboard one, which App handles). */
  readonly action: Exclude<PendingAction, { kind: "tableauDeBord" }>;
  onClose(): void;
  /** Leaves for the company profile (the « Lettres » tab). */
  onOpenProfile?(): void;
}

export function SendingPane({ gateway, book, language, action, onClose, onOpenProfile }: SendingPaneProps) {
  const t = useStrings();
  const [loaded, setLoaded] = useState<{ adapter: LettersAdapter; fonts?: PdfFonts } | undefined>();
  useEffect(() => {
    let live = true;
    void (async () => {
      const adapter = await import(/* webpackChunkName: "documents" */ "../../sending/lettersAdapter");
      // Without fonts the e-mails still go, only without the letter in PDF.
      const fonts = await loadPdfFonts().catch(() => undefined);
      if (live) setLoaded({ adapter, fonts });
    })();
    return () => {
      live = false;
    };
  }, []);
  const env = useMemo<SendingEnvironment | undefined>(() => {
    if (!loaded) return undefined;
    const parsed = parseCreditorProfile(gateway.readSetting(CREDITOR_PROFILE_SETTING));
    if (!parsed.ok) return { gateway, profileMissing: true };
    const { scenario } = loadScenario(gateway);
    const { draftsDownload } = loaded.adapter;
    return {
      gateway,
      compose: loaded.adapter.lettersComposer({ profile: parsed.profile, book, scenario, pdfFonts: loaded.fonts }),
      buildEml: loaded.adapter.lettersEmlBuilder(parsed.profile),
      userName: parsed.profile.contact,
      // Several drafts: one .zip; one draft: its .eml.
      download: (files) => {
        const bundle = draftsDownload(files, new Date().toISOString().slice(0, 10));
        if (bundle) downloadBytes(bundle.bytes, bundle.fileName, bundle.mimeType);
      },
    };
  }, [gateway, book, loaded]);
  if (!env) return <Spinner size="small" label={t.loading} />;
  return <SendingScreen env={env} language={language} action={action} onClose={onClose} {...(onOpenProfile && { onOpenProfile })} />;
}
