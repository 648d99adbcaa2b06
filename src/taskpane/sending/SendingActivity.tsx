/**
 * What is happening beyond this pane while a batch runs: a Retry-After pause
 * of the mailbox (countdown, stop button), and other people or panes sending
 * from the same workbook, with what they claimed. Presentational.
 */
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { OtherSender } from "../../core/sending/claims";
import type { sendingStringsFor } from "./strings";

export interface SendingActivityProps {
  readonly strings: ReturnType<typeof sendingStringsFor>;
  /** ms since 1970: the pause ends then; undefined: no pause. */
  readonly pauseUntil?: number;
  readonly others: readonly OtherSender[];
  readonly stopRequested?: boolean;
  onStop(): void;
  /** Default Date.now (tests pass a fixed clock). */
  now?(): number;
}

const MAX_CLIENTS_SHOWN = 3;

export function SendingActivity({ strings, pauseUntil, others, stopRequested, onStop, now = Date.now }: SendingActivityProps) {
  const [, tick] = useState(0);
  useEffect(() => {
    if (pauseUntil === undefined) return;
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [pauseUntil]);
  const seconds = pauseUntil === undefined ? 0 : Math.max(0, Math.ceil((pauseUntil - now()) / 1000));
  return (
    <>
      {pauseUntil !== undefined && (
        <MessageBar intent="warning" role="status">
          <MessageBarBody>
            {strings.paused(seconds)}{" "}
            <Button size="small" onClick={onStop} disabled={stopRequested}>
              {stopRequested ? strings.stopping : strings.stopDuringPause}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {others.map((other) => {
        const clients = [...new Set(other.claimed.map((record) => record.client))];
        const shown = clients.slice(0, MAX_CLIENTS_SHOWN).join(", ") + (clients.length > MAX_CLIENTS_SHOWN ? "…" : "");
        return (
          <MessageBar key={other.runtime} intent="info">
            <MessageBarBody>{strings.othersSending(other.by, other.claimed.length, shown)}</MessageBarBody>
          </MessageBar>
        );
      })}
    </>
  );
}
