/**
 * The controller of the sending screen: takes the request the « Relancer »
 * command posted (pendingAction channel), composes a preview of every e-mail,
 * records the user's decisions about unknown messages, and runs the
 * confirmed batch (runBatch) through Microsoft Graph or as .eml drafts. What
 * is sent is exactly what was previewed: the composed contents are kept and
 * handed to the runner.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { msalSettings } from "../../auth/config";
import { createMsalTokenProvider, type TokenProvider } from "../../auth/msalAuth";
import type { SendingAnalysis } from "../../core/sending/analyze";
import { defaultContent } from "../../core/sending/defaultContent";
import { appendToLedger, decisionEntry, foldLedger, type Ledger, type UserDecision } from "../../core/sending/ledger";
import type { ComposeMessage, MessageContent, PlannedMessage } from "../../core/sending/model";
import { planBatch, type BatchPlan } from "../../core/sending/plan";
import { statedAmount } from "../../core/sending/statedAmount";
import { leaseByTimestamp, type OtherSender } from "../../core/sending/claims";
import { createGraphSender } from "../../mail/graphSender";
import { createSentItemsWitness } from "../../mail/sentItemsWitness";
import { nextSeq, originOf } from "../../sending/runtimeIdentity";
import { PANE_RUNTIME, rememberAccount, UNKNOWN_RECORDER } from "../../sending/paneIdentity";
import { onPendingAction, takePendingAction, type PendingAction } from "../../sending/pendingAction";
import { runBatch, type BatchReport, type EmlBuilder, type EmlFile, type MessageResult } from "../../sending/runBatch";
import { workbookJournal, type JournalGateway } from "../../sending/workbookJournal";
import type { MessagePreview, SendPhase, TransportChoice } from "./ConfirmSend";

export interface SendingEnvironment {
  /** gateway.readJournalRows and gateway.appendJournalRows (WorkbookGateway fits). */
  readonly gateway: JournalGateway;
  /** The letters module's e-mail bodies; default: defaultContent (plain reminder). */
  readonly compose?: ComposeMessage;
  /** The documents module's .eml builder; without it the draft option is unavailable. */
  readonly buildEml?: EmlBuilder;
  /** Hands the drafts to the user (download); default: one download per file. */
  readonly download?: (files: readonly EmlFile[]) => void;
  /** Default: MSAL nested app authentication with src/auth/config.ts. */
  readonly tokenProvider?: () => TokenProvider;
  /** ISO timestamp of now; default new Date().toISOString(). */
  readonly timestamp?: () => string;
  /** The profile's user name, shown to co-authors when no Microsoft 365 account is known. */
  readonly userName?: string;
  /** No usable company profile in the workbook: the screen says so and links to it. */
  readonly profileMissing?: boolean;
}


/** Subscribes to the ribbon's requests: the latest one, until the screen closes it. */
export function usePendingRelancer(): { action: PendingAction | undefined; close(): void } {
  const [action, setAction] = useState<PendingAction | undefined>(() => takePendingAction());
  useEffect(
    () =>
      onPendingAction(() => {
        const taken = takePendingAction();
        if (taken) setAction(taken);
      }),
    [],
  );
  return { action, close: () => setAction(undefined) };
}

function defaultDownload(files: readonly EmlFile[]): void {
  for (const file of files) {
    const blob = new Blob([file.content as BlobPart], { type: "message/rfc822" });
    const url = URL.createObjectURL(blob);
    const anchor = document.createElement("a");
    anchor.href = url;
    anchor.download = file.filename;
    anchor.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

function attachmentNames(content: MessageContent): string[] {
  return (content.attachments ?? []).map((attachment) => attachment.filename);
}

export function useSending(env: SendingEnvironment, analysis: SendingAnalysis) {
  const compose = env.compose ?? (async (message: PlannedMessage) => defaultContent(message));
  const timestamp = env.timestamp ?? (() => new Date().toISOString());

  const graph = useMemo((): { provider?: TokenProvider; unavailable?: string } => {
    try {
      return { provider: env.tokenProvider ? env.tokenProvider() : createMsalTokenProvider(msalSettings()) };
    } catch (error) {
      return { unavailable: (error as Error).message };
    }
  }, [env.tokenProvider]);

  const [ledger, setLedger] = useState<Ledger>(analysis.ledger);
  const plan: BatchPlan = useMemo(
    () => planBatch(analysis.workflow.cases, ledger, { ...analysis.planOptions, claimView: leaseByTimestamp(Date.now()) }),
    [analysis, ledger],
  );
  const [previews, setPreviews] = useState<ReadonlyMap<string, MessagePreview>>(new Map());
  const contents = useRef(new Map<string, MessageContent>());
  const [transport, setTransport] = useState<TransportChoice>(graph.unavailable && env.buildEml ? "eml" : "graph");
  const [phase, setPhase] = useState<SendPhase>("confirm");
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [results, setResults] = useState<MessageResult[]>([]);
  const [report, setReport] = useState<BatchReport>();
  const [deciding, setDeciding] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string>();
  const stop = useRef(false);
  const [pauseUntil, setPauseUntil] = useState<number>();
  const [others, setOthers] = useState<readonly OtherSender[]>([]);
  const [stopRequested, setStopRequested] = useState(false);

  // Compose the preview of every message to send, one after the other.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      for (const item of plan.items) {
        if (cancelled) return;
        if (item.status !== "aEnvoyer" || contents.current.has(item.message.reference)) continue;
        let preview: MessagePreview;
        try {
          const content = await compose(item.message);
          if (item.message.attachLetter && !(content.attachments && content.attachments.length > 0)) {
            throw new Error(`l'étape « ${item.message.stepLabel} » demande la lettre en pièce jointe`);
          }
          contents.current.set(item.message.reference, content);
          const stated = statedAmount(item.message, content.text);
          preview = { subject: content.subject, text: content.text, attachmentNames: attachmentNames(content), ...(stated !== undefined && { statedAmount: stated }) };
        } catch (e) {
          preview = { error: e instanceof Error ? e.message : String(e) };
        }
        if (cancelled) return;
        setPreviews((current) => new Map(current).set(item.message.reference, preview));
      }
    })();
    return () => {
      cancelled = true;
    };
    // Recomposed when the plan changes (a decision); compose is stable for a given environment.
  }, [plan]);

  const journalFor = useCallback(
    (references: ReadonlySet<string>) => workbookJournal(env.gateway, analysis.scenario, references),
    [env.gateway, analysis.scenario],
  );

  const decide = useCallback(
    async (reference: string, decision: UserDecision) => {
      const record = ledger.records.get(reference);
      const account = graph.provider?.account();
      // The decision says who took it, from this pane, like every sending row.
      const origin = originOf({ by: account ?? env.userName ?? UNKNOWN_RECORDER, runtime: PANE_RUNTIME, mailbox: account ?? "?" }, nextSeq(PANE_RUNTIME));
      const entry = record && decisionEntry(record, decision, timestamp(), undefined, origin);
      if (!entry) return;
      setDeciding((current) => new Set(current).add(reference));
      try {
        await journalFor(new Set()).append([entry]);
        setLedger((current) => appendToLedger(current, [entry]));
      } catch (e) {
        setError(`Décision non enregistrée dans le journal : ${(e as Error).message}`);
      } finally {
        setDeciding((current) => {
          const next = new Set(current);
          next.delete(reference);
          return next;
        });
      }
    },
    [ledger, journalFor, timestamp, graph.provider, env.userName],
  );

  const confirm = useCallback(async () => {
    const messages = plan.items.filter((item) => item.status === "aEnvoyer" && contents.current.has(item.message.reference)).map((item) => item.message);
    if (messages.length === 0) return;
    if (transport === "graph" && !graph.provider) return;
    if (transport === "eml" && !env.buildEml) return;
    stop.current = false;
    setStopRequested(false);
    setPhase("sending");
    setResults([]);
    setProgress({ done: 0, total: messages.length });
    const journal = journalFor(new Set(messages.map((m) => m.reference)));
    const account = graph.provider?.account();
    rememberAccount(account);
    const finished = await runBatch(messages, {
      identity: { by: account ?? env.userName ?? UNKNOWN_RECORDER, runtime: PANE_RUNTIME, mailbox: account ?? "?" },
      ...(transport === "graph" && { witness: createSentItemsWitness({ getToken: graph.provider!.getToken }) }),
      onPause: setPauseUntil,
      onOthers: setOthers,
      loadJournal: journal.load,
      append: journal.append,
      // What was previewed is what is sent.
      compose: async (message) => contents.current.get(message.reference) ?? compose(message),
      transport:
        transport === "graph"
          ? { kind: "graph", sender: createGraphSender({ getToken: graph.provider!.getToken }) }
          : { kind: "eml", build: env.buildEml! },
      onProgress: (p) => {
        setProgress({ done: p.done, total: p.total });
        setResults((current) => [...current, p.result]);
      },
      shouldStop: () => stop.current,
    });
    setPauseUntil(undefined);
    setResults([...finished.results]);
    setReport(finished);
    setPhase("done");
    // What this run recorded (unknown outcomes to decide, sent messages) shows at once.
    try {
      setLedger(foldLedger(await journal.load()));
    } catch {
      // The journal will be read again at the next « Relancer ».
    }
    if (finished.files.length > 0) (env.download ?? defaultDownload)(finished.files);
  }, [plan, transport, graph.provider, env.buildEml, env.download, env.userName, journalFor, compose]);

  return {
    plan,
    warnings: [...analysis.warnings, ...(error ? [error] : [])],
    previews,
    transport,
    setTransport,
    graphUnavailable: graph.unavailable,
    emlAvailable: env.buildEml !== undefined,
    profileMissing: env.profileMissing === true,
    account: graph.provider?.account(),
    phase,
    progress,
    results,
    report,
    deciding,
    stopRequested,
    pauseUntil,
    others,
    confirm,
    decide,
    requestStop: () => {
      stop.current = true;
      setStopRequested(true);
    },
    download: () => report && report.files.length > 0 && (env.download ?? defaultDownload)(report.files),
  };
}
