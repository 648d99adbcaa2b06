/**
 * « Aujourd'hui »: the actions due today across all clients, one at a time,
 * done without leaving the keyboard: Enter records the step as done (today,
 * its channel, its invoices) and shows the next; → or N skips, ← goes back.
 * Presentational: the queue and the position in, the user's moves out.
 */
import { Badge, Button, Card, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, type KeyboardEvent } from "react";
import type { TodayAction } from "../../core/worklist";
import { formatCentsFr } from "../../core/money";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  line: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  amount: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface TodayViewProps {
  readonly actions: readonly TodayAction[];
  readonly position: number;
  readonly busy: boolean;
  /** What the last recording said (done, or its errors). */
  readonly message?: { readonly intent: "success" | "warning" | "error"; readonly text: string };
  readonly onRecord: (action: TodayAction) => void;
  readonly onMove: (position: number) => void;
}

export function TodayView({ actions, position, busy, message, onRecord, onMove }: TodayViewProps) {
  const t = useStrings();
  const styles = useStyles();
  const region = useRef<HTMLDivElement>(null);
  const action = actions[Math.min(position, actions.length - 1)];
  const at = Math.min(position, actions.length - 1);
  // Each new action takes the focus, so that Enter and the arrows act on it.
  useEffect(() => {
    if (region.current && !region.current.contains(document.activeElement)) region.current.focus();
  }, [action?.clientKey, action?.step.id]);

  if (!action) {
    return (
      <div className={styles.root}>
        {message && (
          <MessageBar intent={message.intent}>
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
        <Text>{t.todayEmpty}</Text>
      </div>
    );
  }
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (busy || event.ctrlKey || event.metaKey || event.altKey) return;
    // Enter on a button is that button's click; on the region itself it records.
    if (event.key === "Enter" && event.target === region.current) {
      event.preventDefault();
      onRecord(action);
    } else if (event.key === "ArrowRight" || event.key === "n" || event.key === "N") {
      event.preventDefault();
      onMove(Math.min(at + 1, actions.length - 1));
    } else if (event.key === "ArrowLeft" || event.key === "p" || event.key === "P") {
      event.preventDefault();
      onMove(Math.max(at - 1, 0));
    }
  };

  return (
    <div ref={region} className={styles.root} tabIndex={0} onKeyDown={onKeyDown} role="region" aria-label={t.worklistViewToday} aria-keyshortcuts="Enter ArrowRight ArrowLeft N P">
      <Text size={200} aria-live="polite">
        {t.todayProgress(at + 1, actions.length)}
      </Text>
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      <Card size="small" role="article" aria-label={action.client}>
        <Text weight="semibold" size={400}>
          {action.client}
        </Text>
        <div className={styles.line}>
          <Text weight="semibold">{action.step.label}</Text>
          <Badge appearance="tint" size="small">
            {t.channelLabels[action.step.channel]}
          </Badge>
          {action.proposed && (
            <Badge color="warning" appearance="filled" size="small">
              {t.todayProposed}
            </Badge>
          )}
        </div>
        <Text size={200} className={styles.amount}>
          {formatCentsFr(action.amount)} · {t.daysLate(action.daysLate)} · {t.invoiceCount(action.step.invoices.length)}
        </Text>
        <Text size={200} className={styles.muted}>
          {action.email ?? t.todayNoEmail}
        </Text>
      </Card>
      <div className={styles.line}>
        <Button appearance="primary" disabled={busy} onClick={() => onRecord(action)}>
          {t.todayRecord}
        </Button>
        <Button disabled={busy || at + 1 >= actions.length} onClick={() => onMove(at + 1)}>
          {t.todaySkip}
        </Button>
        <Button appearance="subtle" disabled={busy || at === 0} onClick={() => onMove(at - 1)}>
          {t.todayPrevious}
        </Button>
      </div>
      <Text size={200} className={styles.muted}>
        {t.todayKeys}
      </Text>
    </div>
  );
}
