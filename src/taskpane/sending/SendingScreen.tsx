/**
 * The « Relancer » screen as the pane shows it: the request posted by the
 * ribbon command, the confirmation, the progress. Wire it in App.tsx (see
 * the README, « Envoyer les relances par Microsoft 365 », « Brancher l'écran d'envoi »).
 */
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { SendingAnalysis } from "../../core/sending/analyze";
import type { UiLanguage } from "../../excel/host";
import { ConfirmSend } from "./ConfirmSend";
import { SendingActivity } from "./SendingActivity";
import { sendingStringsFor } from "./strings";
import { useSending, type SendingEnvironment } from "./useSending";

export interface SendingScreenProps {
  readonly env: SendingEnvironment;
  readonly language: UiLanguage;
  /** From usePendingRelancer().action. */
  readonly action: { readonly kind: "relancer"; readonly analysis: SendingAnalysis } | { readonly kind: "relancerErreur"; readonly message: string };
  onClose(): void;
  onOpenProfile?(): void;
}

export function SendingScreen({ env, language, action, onClose, onOpenProfile }: SendingScreenProps) {
  const strings = sendingStringsFor(language);
  if (action.kind === "relancerErreur") {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          {action.message} <Button size="small" onClick={onClose}>{strings.close}</Button>
        </MessageBarBody>
      </MessageBar>
    );
  }
  return <Sending env={env} language={language} analysis={action.analysis} onClose={onClose} {...(onOpenProfile && { onOpenProfile })} />;
}

function Sending({ env, language, analysis, onClose, onOpenProfile }: { env: SendingEnvironment; language: UiLanguage; analysis: SendingAnalysis; onClose(): void; onOpenProfile?(): void }) {
  const strings = sendingStringsFor(language);
  const s = useSending(env, analysis);
  const graphUnavailable = s.graphUnavailable;
  return (
    <>
    <SendingActivity strings={strings} {...(s.pauseUntil !== undefined && { pauseUntil: s.pauseUntil })} others={s.others} stopRequested={s.stopRequested} onStop={s.requestStop} />
    <ConfirmSend
      strings={strings}
      plan={s.plan}
      warnings={s.warnings}
      previews={s.previews}
      transport={s.transport}
      {...(graphUnavailable !== undefined && { graphUnavailable })}
      {...(s.account !== undefined && { account: s.account })}
      phase={s.phase}
      {...(s.progress && { progress: s.progress })}
      results={s.results}
      {...(s.report?.stopped !== undefined && { stopped: s.report.stopped })}
      stopRequested={s.stopRequested}
      deciding={s.deciding}
      hasFiles={(s.report?.files.length ?? 0) > 0}
      fileCount={s.report?.files.length ?? 0}
      emlAvailable={s.emlAvailable}
      profileMissing={s.profileMissing}
      {...(onOpenProfile && { onOpenProfile })}
      onTransportChange={(transport) => (transport === "eml" && !s.emlAvailable ? undefined : s.setTransport(transport))}
      onConfirm={() => void s.confirm()}
      onCancel={onClose}
      onStop={s.requestStop}
      onDecide={(reference, decision) => void s.decide(reference, decision)}
      onDownload={() => void s.download()}
    />
    </>
  );
}
