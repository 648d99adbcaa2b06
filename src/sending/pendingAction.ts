/**
 * The hand-off from the ribbon to the pane, in the shared runtime: the
 * « Relancer » command posts what it prepared, then shows the pane; the pane
 * takes it (at start-up, or when told) and opens its confirmation screen.
 *
 * Ribbon commands and pane are separate bundles in one JavaScript realm, so
 * the channel lives on globalThis under a registered symbol, like the rate
 * book (state/currentRates.ts). Only the latest request is kept: a second
 * click replaces a request the pane has not taken yet.
 */
import type { SendingAnalysis } from "../core/sending/analyze";

export type PendingAction =
  | { readonly kind: "relancer"; readonly id: number; readonly analysis: SendingAnalysis }
  /** The command could not prepare the batch: the pane shows why. */
  | { readonly kind: "relancerErreur"; readonly id: number; readonly message: string }
  /** « Balance âgée »: the pane analyses the selection and opens its dashboard. */
  | { readonly kind: "tableauDeBord"; readonly id: number };

type Listener = (action: PendingAction) => void;

interface ChannelState {
  pending: PendingAction | undefined;
  readonly listeners: Set<Listener>;
  seq: number;
}

const KEY = Symbol.for("recouvre.pendingAction");

function channel(): ChannelState {
  const scope = globalThis as unknown as Record<symbol, ChannelState | undefined>;
  return (scope[KEY] ??= { pending: undefined, listeners: new Set(), seq: 0 });
}

type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;

/** Keeps the action for the pane and tells the listening pane, if any. */
export function postPendingAction(action: WithoutId<PendingAction>): PendingAction {
  const state = channel();
  const posted = { ...action, id: ++state.seq } as PendingAction;
  state.pending = posted;
  for (const listener of [...state.listeners]) {
    try {
      listener(posted);
    } catch {
      // A broken listener must not stop the command; the action stays pending.
    }
  }
  return posted;
}

/** The pending action, removed from the channel (undefined when there is none). */
export function takePendingAction(): PendingAction | undefined {
  const state = channel();
  const action = state.pending;
  state.pending = undefined;
  return action;
}

/** Calls `listener` on every action posted from now on; returns the unsubscribe function. */
export function onPendingAction(listener: Listener): () => void {
  const state = channel();
  state.listeners.add(listener);
  return () => void state.listeners.delete(listener);
}
