/**
 * Ribbon handlers (ExecuteFunction), registered with Office.actions.associate
 * in the shared runtime. Every path calls event.completed() exactly once.
 */
import { epochDayOfLocalDate } from "../core/calendar";
import type { SendingAnalysis } from "../core/sending/analyze";
import { officeGateway } from "../excel/gateway";
import { isOfficeHost } from "../excel/host";
import { currentRateBook } from "../state/currentRates";
import { prepareBatchFromWorkbook } from "../sending/fromWorkbook";
import { postPendingAction, type PendingAction } from "../sending/pendingAction";

export interface RelancerDeps {
  /** Reads the selection and the journal, and plans the batch (nothing is sent). */
  prepare(): Promise<SendingAnalysis>;
  /** Hands the result to the pane (pendingAction channel). */
  post(action: Parameters<typeof postPendingAction>[0]): PendingAction | void;
  showTaskpane(): Promise<void>;
  /** Longest wait for the workbook; Office gives a command about 5 minutes. */
  readonly prepareTimeoutMs?: number;
  readonly showTimeoutMs?: number;
}

class Timeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return `Impossible de préparer les relances : ${text}`;
}

/**
 * « Relancer »: works out, for the selected rows, the reminders due now and
 * opens the pane on the confirmation screen. It never sends anything itself:
 * nothing leaves without the user's confirmation in the pane.
 */
export function createRelancer(deps: RelancerDeps): (event: Office.AddinCommands.Event) => Promise<void> {
  return async (event) => {
    let completed = false;
    const complete = () => {
      if (completed) return;
      completed = true;
      try {
        event.completed();
      } catch {
        // Office already gave up on this command: nothing more to tell it.
      }
    };
    try {
      let action: Parameters<typeof postPendingAction>[0];
      try {
        const analysis = await withTimeout(deps.prepare(), deps.prepareTimeoutMs ?? 120_000, "la lecture du classeur a pris trop de temps ; réduisez la sélection et réessayez");
        action = { kind: "relancer", analysis };
      } catch (error) {
        action = { kind: "relancerErreur", message: messageOf(error) };
      }
      try {
        deps.post(action);
      } catch {
        // The pane will simply open on its usual screen.
      }
      try {
        await withTimeout(deps.showTaskpane(), deps.showTimeoutMs ?? 15_000, "le volet ne s'est pas ouvert");
      } catch {
        // The request waits in the channel: the pane takes it when the user opens it.
      }
    } finally {
      complete();
    }
  };
}

/** The real dependencies, built lazily: nothing touches Office before the click. */
export function officeRelancerDeps(): RelancerDeps {
  return {
    prepare: () => prepareBatchFromWorkbook(officeGateway(), { book: currentRateBook(), today: epochDayOfLocalDate(new Date()) }),
    post: postPendingAction,
    showTaskpane: () => Office.addin.showAsTaskpane(),
  };
}

export const relancer = createRelancer(officeRelancerDeps());

/**
 * « Balance âgée »: opens the pane on its dashboard, which analyses the
 * selection and creates or refreshes the add-in's own report sheet on demand.
 * Completes once on every path, whether the pane opens or not.
 */
export async function tableauDeBord(event: Office.AddinCommands.Event): Promise<void> {
  try {
    postPendingAction({ kind: "tableauDeBord" });
    await Office.addin.showAsTaskpane();
  } catch {
    // The request waits in the channel: the pane takes it when the user opens it.
  } finally {
    event.completed();
  }
}

if (isOfficeHost()) {
  Office.onReady(() => {
    Office.actions.associate("relancer", relancer);
    Office.actions.associate("tableauDeBord", tableauDeBord);
  });
}
