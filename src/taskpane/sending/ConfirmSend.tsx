/**
 * The confirmation screen of « Relancer », then its progress: presentational
 * (props in, callbacks out). It lists the e-mails to send with their
 * recipients and a preview, the messages awaiting the user's decision (unknown
 * outcome, prepared draft), those already sent, and the clients left out with
 * the reason. Nothing is sent until onConfirm.
 *
 * Previews show the text part: the HTML is never injected into the pane.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { formatDateLongFr } from "../../core/calendar";
import type { PlanItem, BatchPlan } from "../../core/sending/plan";
import type { UserDecision } from "../../core/sending/ledger";
import { formatCentsFr } from "../../core/money";
import type { MessageResult, MessageResultKind } from "../../sending/runBatch";
import type { SendingStrings } from "./strings";
import { TransportSection } from "./TransportSection";

export type MessagePreview =
  /** statedAmount: the total the message's text states (statedAmount.ts), shown beside the client. */
  | { readonly subject: string; readonly text: string; readonly attachmentNames: readonly string[]; readonly statedAmount?: number }
  | { readonly error: string };

export type SendPhase = "confirm" | "sending" | "done";
export type TransportChoice = "graph" | "eml";

export interface ConfirmSendProps {
  readonly strings: SendingStrings;
  readonly plan: BatchPlan;
  readonly warnings?: readonly string[];
  /** By message reference; absent while it is being composed. */
  readonly previews: ReadonlyMap<string, MessagePreview>;
  readonly transport: TransportChoice;
  /** Why Graph cannot be used (not configured, no sign-in): the .eml path remains. */
  readonly graphUnavailable?: string;
  readonly account?: string;
  /** .eml drafts can be built (a complete company profile). */
  readonly emlAvailable?: boolean;
  /** No usable company profile: said, with a link to it (onOpenProfile). */
  readonly profileMissing?: boolean;
  onOpenProfile?(): void;
  readonly phase: SendPhase;
  readonly progress?: { readonly done: number; readonly total: number };
  readonly results?: readonly MessageResult[];
  readonly stopped?: string;
  readonly stopRequested?: boolean;
  /** References whose decision is being written. */
  readonly deciding?: ReadonlySet<string>;
  readonly hasFiles?: boolean;
  /** How many drafts the run produced (one .eml, or several in one .zip). */
  readonly fileCount?: number;
  onTransportChange(transport: TransportChoice): void;
  onConfirm(): void;
  onCancel(): void;
  onStop(): void;
  onDecide(reference: string, decision: UserDecision): void;
  onDownload?(): void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  preview: {
    whiteSpace: "pre-wrap",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalS,
    margin: 0,
    maxHeight: "240px",
    overflowY: "auto",
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground2 },
  amount: { whiteSpace: "nowrap" },
});

const BADGE: Readonly<Record<MessageResultKind, "success" | "danger" | "warning" | "informative" | "subtle">> = {
  envoye: "success",
  dejaEnvoye: "success",
  prepare: "informative",
  echec: "danger",
  inconnu: "warning",
  aDecider: "warning",
  perime: "warning",
  autrePoste: "informative",
  nonTraite: "subtle",
};

/** The worst outcome first: what the user must look at for this client. */
const SEVERITY: readonly MessageResultKind[] = ["inconnu", "echec", "aDecider", "perime", "nonTraite", "autrePoste", "prepare", "envoye", "dejaEnvoye"];

export function clientOutcomes(results: readonly MessageResult[]): Array<{ clientKey: string; client: string; kind: MessageResultKind; reasons: string[] }> {
  const byClient = new Map<string, { clientKey: string; client: string; kind: MessageResultKind; reasons: string[] }>();
  for (const result of results) {
    const key = result.message.clientKey;
    const current = byClient.get(key) ?? { clientKey: key, client: result.message.client, kind: result.kind, reasons: [] };
    if (SEVERITY.indexOf(result.kind) < SEVERITY.indexOf(current.kind)) current.kind = result.kind;
    if (result.reason) current.reasons.push(result.reason);
    byClient.set(key, current);
  }
  return [...byClient.values()];
}

function MessageCard({ item, preview, strings }: { item: PlanItem; preview: MessagePreview | undefined; strings: SendingStrings }) {
  const styles = useStyles();
  const m = item.message;
  return (
    <AccordionItem value={m.reference}>
      <AccordionHeader>
        <span>
          <Text weight="semibold">{m.client}</Text> · {m.stepLabel}
          {preview && "statedAmount" in preview && preview.statedAmount !== undefined && <> · <span className={styles.amount}>{formatCentsFr(preview.statedAmount)}</span></>}
        </span>
      </AccordionHeader>
      <AccordionPanel>
        <div className={styles.section}>
          <Text size={200}>
            {strings.to} : {m.recipients.join(", ")}
          </Text>
          <Text size={200}>
            {strings.invoices} : {m.invoices.join(", ")}
          </Text>
          {item.note && <Text size={200}>{strings.retryNote(item.note)}</Text>}
          {preview === undefined && <Text size={200}>{strings.previewLoading}</Text>}
          {preview && "error" in preview && (
            <MessageBar intent="error">
              <MessageBarBody>{strings.previewError(preview.error)}</MessageBarBody>
            </MessageBar>
          )}
          {preview && "subject" in preview && (
            <>
              <Text weight="semibold">{preview.subject}</Text>
              {preview.attachmentNames.length > 0 && (
                <Text size={200}>
                  {strings.attachment} : {preview.attachmentNames.join(", ")}
                </Text>
              )}
              <pre className={styles.preview} aria-label={`${strings.preview} : ${m.client}`}>
                {preview.text}
              </pre>
            </>
          )}
          <Text size={100} className={styles.muted}>
            {strings.reference} : {m.reference}
          </Text>
        </div>
      </AccordionPanel>
    </AccordionItem>
  );
}

export function ConfirmSend(props: ConfirmSendProps) {
  const { strings: t, plan, previews, phase } = props;
  const styles = useStyles();
  const toSend = plan.items.filter((item) => item.status === "aEnvoyer");
  const sendable = toSend.filter((item) => {
    const preview = previews.get(item.message.reference);
    return preview !== undefined && !("error" in preview);
  });
  const previewsPending = toSend.some((item) => previews.get(item.message.reference) === undefined);
  const toDecide = plan.items.filter((item) => item.status === "aDecider");
  const alreadySent = plan.items.filter((item) => item.status === "dejaEnvoye");
  const stale = plan.items.filter((item) => item.status === "perime");
  const elsewhere = plan.items.filter((item) => item.status === "enCours");
  const clients = new Set(toSend.map((item) => item.message.clientKey)).size;
  const results = props.results ?? [];
  const count = (kind: MessageResultKind) => results.filter((r) => r.kind === kind).length;
  const graphOk = props.graphUnavailable === undefined;
  const emlAvailable = props.emlAvailable ?? true;
  const transportOk = props.transport === "graph" ? graphOk : emlAvailable;
  // Why « Envoyer » is disabled, said under it.
  const sendBlocked = !transportOk ? t.chooseTransport : previewsPending ? t.previewsPending : sendable.length === 0 ? t.noPreview : undefined;
  const counts: Partial<Record<MessageResultKind, number>> = {};
  for (const result of results) counts[result.kind] = (counts[result.kind] ?? 0) + 1;

  return (
    <section className={styles.root} aria-label={t.title}>
      <Text as="h2" size={500} weight="semibold">
        {t.title}
      </Text>
      <Text size={200}>{t.asOf(formatDateLongFr(plan.date))}</Text>

      {(props.warnings?.length ?? 0) > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <ul className={styles.list}>
              {props.warnings!.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      {phase === "confirm" && (
        <>
          <Text>{t.intro}</Text>
          <Text weight="semibold" role="status">
            {toSend.length > 0 ? t.summary(toSend.length, clients) : t.nothingToSend}
          </Text>
          {toSend.length > 0 && (
            <Accordion multiple collapsible defaultOpenItems={toSend.slice(0, 3).map((item) => item.message.reference)}>
              {toSend.map((item) => (
                <MessageCard key={item.message.reference} item={item} preview={previews.get(item.message.reference)} strings={t} />
              ))}
            </Accordion>
          )}
          {toSend.length > 0 && (
            <TransportSection
              strings={t}
              transport={props.transport}
              {...(props.graphUnavailable !== undefined && { graphUnavailable: props.graphUnavailable })}
              {...(props.account !== undefined && { account: props.account })}
              emlAvailable={emlAvailable}
              {...(props.profileMissing && { profileMissing: true })}
              {...(props.onOpenProfile && { onOpenProfile: props.onOpenProfile })}
              onTransportChange={props.onTransportChange}
            />
          )}
          <div className={styles.actions}>
            {toSend.length > 0 && (
              <Button appearance="primary" onClick={props.onConfirm} disabled={sendBlocked !== undefined} aria-describedby={sendBlocked ? "send-blocked" : undefined}>
                {props.transport === "graph" ? t.send(sendable.length) : t.prepare(sendable.length)}
              </Button>
            )}
            <Button onClick={props.onCancel}>{toSend.length > 0 ? t.cancel : t.close}</Button>
          </div>
          {toSend.length > 0 && sendBlocked && (
            <Text id="send-blocked" size={200}>
              {sendBlocked}
            </Text>
          )}
        </>
      )}

      {phase !== "confirm" && (
        <div className={styles.section}>
          {props.progress && (
            <>
              <ProgressBar value={props.progress.total === 0 ? 1 : props.progress.done / props.progress.total} aria-label={t.progress(props.progress.done, props.progress.total)} />
              <Text size={200} role="status">
                {t.progress(props.progress.done, props.progress.total)}
              </Text>
            </>
          )}
          {phase === "sending" && (
            <div className={styles.actions}>
              <Button onClick={props.onStop} disabled={props.stopRequested}>
                {props.stopRequested ? t.stopping : t.stop}
              </Button>
            </div>
          )}
          {phase === "done" && (
            <MessageBar intent={props.stopped ? "warning" : count("echec") + count("inconnu") > 0 ? "warning" : "success"} role="alert">
              <MessageBarBody>
                {props.stopped ? `${t.doneCounts(counts)} ${t.stopped(props.stopped)} ${t.resumeHint}` : t.doneCounts(counts)}
                {props.hasFiles && ` ${t.draftsDownloaded(props.fileCount ?? 1)}`}
              </MessageBarBody>
            </MessageBar>
          )}
          {results.length > 0 && (
            <>
              <Text weight="semibold">{t.outcomesTitle}</Text>
              <ul className={styles.list} aria-live="polite">
                {clientOutcomes(results).map((outcome) => (
                  <li key={outcome.clientKey}>
                    <span className={styles.row}>
                      <Text>{outcome.client}</Text>
                      <Badge appearance="tint" color={BADGE[outcome.kind]}>
                        {t.outcomeLabels[outcome.kind]}
                      </Badge>
                    </span>
                    {outcome.reasons.map((reason) => (
                      <Text key={reason} size={200} block>
                        {reason}
                      </Text>
                    ))}
                  </li>
                ))}
              </ul>
            </>
          )}
          {phase === "done" && (
            <div className={styles.actions}>
              {props.hasFiles && props.onDownload && (
                <Button appearance="primary" onClick={props.onDownload}>
                  {t.download}
                </Button>
              )}
              <Button onClick={props.onCancel}>{t.close}</Button>
            </div>
          )}
        </div>
      )}

      {toDecide.length > 0 && (
        <div className={styles.section}>
          <Text weight="semibold">{t.decideTitle(toDecide.length)}</Text>
          <Text size={200}>{t.decideIntro}</Text>
          <ul className={styles.list}>
            {toDecide.map((item) => {
              const reference = item.previous?.reference ?? item.message.reference;
              const busy = props.deciding?.has(reference) ?? false;
              return (
                <li key={item.message.reference}>
                  <Text weight="semibold">{item.message.client}</Text> · {item.message.stepLabel}
                  <Text size={200} block>
                    {item.note}
                  </Text>
                  <span className={styles.actions}>
                    <Button size="small" disabled={busy || phase === "sending"} onClick={() => props.onDecide(reference, "confirme")}>
                      {t.decideSent}
                    </Button>
                    <Button size="small" disabled={busy || phase === "sending"} onClick={() => props.onDecide(reference, "nonEnvoye")}>
                      {t.decideNotSent}
                    </Button>
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      )}

      {stale.length > 0 && (
        <div className={styles.section}>
          <Text weight="semibold">{t.staleTitle(stale.length)}</Text>
          <ul className={styles.list}>
            {stale.map((item) => (
              <li key={item.message.reference}>
                {item.message.client} : {item.note}
              </li>
            ))}
          </ul>
        </div>
      )}

      {elsewhere.length > 0 && (
        <div className={styles.section}>
          <Text weight="semibold">{t.elsewhereTitle(elsewhere.length)}</Text>
          <ul className={styles.list}>
            {elsewhere.map((item) => {
              const claim = item.previous?.claims[0];
              return (
                <li key={item.message.reference}>
                  {item.message.client} : {claim ? t.elsewhereBy(claim.by, claim.runtime, claim.timestamp.slice(11, 16)) : ""}
                </li>
              );
            })}
          </ul>
        </div>
      )}

      {alreadySent.length > 0 && (
        <div className={styles.section}>
          <Text weight="semibold">{t.alreadySentTitle(alreadySent.length)}</Text>
          <ul className={styles.list}>
            {alreadySent.map((item) => (
              <li key={item.message.reference}>
                {item.message.client} · {item.message.stepLabel} : {item.note}
              </li>
            ))}
          </ul>
        </div>
      )}

      {plan.skipped.length > 0 && (
        <div className={styles.section}>
          <Text weight="semibold">{t.skippedTitle(plan.skipped.length)}</Text>
          <ul className={styles.list}>
            {plan.skipped.map((skip, i) => (
              <li key={`${skip.clientKey}-${i}`}>
                <Text weight="semibold">{skip.client}</Text>
                {skip.stepLabel ? ` (${skip.stepLabel})` : ""} : {skip.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
