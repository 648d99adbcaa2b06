/** One client's case: what is owed, how late, what comes next, and the actions. */
import { textOf } from "../../core/messages";
import {
  Badge,
  Button,
  Card,
  CardHeader,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { formatDateFr } from "../../core/calendar";
import { FORM_ACTION_TYPES } from "../../core/escalation/journal";
import type { ClientCase, InvoiceLine } from "../../core/escalation/workflow";
import { formatCentsFr } from "../../core/money";
import { useStrings, type Strings } from "../i18n";
import type { ActionDraft } from "./entryDraft";
import { keepTogether } from "../noBreak";

const useStyles = makeStyles({
  card: { marginBottom: tokens.spacingVerticalS },
  line: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  amounts: { fontVariantNumeric: "tabular-nums" },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  nowrap: { whiteSpace: "nowrap" },
  muted: { color: tokens.colorNeutralForeground3 },
});



/** Penalties (or interest) alone: the 40 € indemnity has its own place in the case's line. */
function LinesTable({ lines }: { readonly lines: readonly InvoiceLine[] }) {
  const t = useStrings();
  const styles = useStyles();
  return (
    <Table size="extra-small" aria-label={t.invoice}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t.invoice}</TableHeaderCell>
          <TableHeaderCell>{t.dueDate}</TableHeaderCell>
          <TableHeaderCell>{t.amount}</TableHeaderCell>
          <TableHeaderCell>{t.penalties}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {lines.map((line) => (
          <TableRow key={line.invoice.numero}>
            <TableCell className={styles.nowrap}>{line.invoice.numero}</TableCell>
            <TableCell>
              {formatDateFr(line.invoice.echeance)}
              {line.invoice.echeanceAssumed && <span className={styles.muted}> {t.assumedDue}</span>} <span className={styles.nowrap}>({t.daysShort(line.daysLate)})</span>
            </TableCell>
            <TableCell className={styles.nowrap}>{formatCentsFr(line.amountDue)}</TableCell>
            <TableCell className={styles.nowrap} title={line.missingRate && textOf(line.missingRate, t.language)}>
              {line.interest === undefined ? "—" : formatCentsFr(line.interest)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** « Pénalités : au moins 104,81 € au 30/06/2026 ; taux du 2e semestre 2026 à saisir », or the missing rates' own messages without a bound. */
function rateNotes(c: ClientCase, t: Strings): string[] {
  if (!c.interestAtLeast) return c.missingRates.map((rate) => textOf(rate, t.language));
  const bound = t.atLeast(formatCentsFr(c.interestAtLeast.cents), formatDateFr(c.interestAtLeast.through));
  const semesters = [...new Set(c.missingRateRefs.map((ref) => ref.semester))].map(t.rateToEnter);
  return [`${t.penalties}${t.colon}${[bound, ...semesters].join(" ; ")}`];
}

export interface CaseCardProps {
  readonly clientCase: ClientCase;
  readonly onAction: (type: ActionDraft["type"], clientCase: ClientCase) => void;
  /** A proposed starting step (old debt without history): confirm it, or record what was done elsewhere. */
  readonly onConfirmStart?: (clientCase: ClientCase) => void;
  readonly onDoneElsewhere?: (clientCase: ClientCase) => void;
}

export function CaseCard({ clientCase: c, onAction, onConfirmStart, onDoneElsewhere }: CaseCardProps) {
  const t = useStrings();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const statuses = new Set([...c.lines, ...c.disputed].map((line) => line.status));
  const assumedDues = [...c.lines, ...c.disputed].filter((line) => line.invoice.echeanceAssumed).length;
  const available = FORM_ACTION_TYPES.filter((type) => (type === "disputeResolved" ? c.disputed.length > 0 : type === "legalAction" ? c.legal.relevant || c.lines.length > 0 : c.lines.length > 0 || type === "call"));
  return (
    <Card className={styles.card} size="small" role="article" aria-label={c.client}>
      <CardHeader
        header={
          <Text weight="semibold" size={400}>
            {c.client}
          </Text>
        }
        description={
          <span className={styles.amounts}>
            {c.total === undefined ? `${formatCentsFr(c.principal)} ${t.withoutPenalties}` : formatCentsFr(c.total)} · {keepTogether(t.daysLate(c.daysLate))} · {keepTogether(c.bucketLabel)}
          </span>
        }
        action={
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <Button size="small" appearance="primary">
                {t.actions}
              </Button>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                {available.map((type) => (
                  <MenuItem key={type} onClick={() => onAction(type, c)}>
                    {t.actionLabels[type]}
                  </MenuItem>
                ))}
              </MenuList>
            </MenuPopover>
          </Menu>
        }
      />
      <div className={styles.line}>
        <Text size={200}>{t.nextStep}{t.colon.trimEnd()}</Text>
        {c.next ? (
          <>
            <Text size={200} weight="semibold">
              {c.next.label}
            </Text>
            {c.next.proposed ? (
              <Badge color="warning" appearance="filled" size="small" title={t.proposedStepHelp}>
                {t.proposedStep}
              </Badge>
            ) : c.next.dueNow ? (
              <Badge color="danger" appearance="filled" size="small">
                {t.dueNow}
              </Badge>
            ) : (
              <Text size={200}>{t.dueOn(formatDateFr(c.next.dueOn))}</Text>
            )}
          </>
        ) : (
          <Text size={200}>{t.none}</Text>
        )}
        {[...statuses]
          .filter((status) => status !== "aRelancer" && status !== "planifiee")
          .map((status) => (
            <Badge key={status} appearance="tint" color={status === "litige" ? "warning" : "informative"} size="small">
              {t.statusLabels[status] ?? status}
            </Badge>
          ))}
      </div>
      {c.next?.proposed && (
        <div className={styles.line} role="group" aria-label={t.proposedStep}>
          <Text size={200} className={styles.muted}>
            {t.proposedStepHelp}
          </Text>
          {c.next.withoutFormalNotice && (
            <Text size={200} className={styles.warning}>
              ⚠ {t.proposedWithoutNotice}
            </Text>
          )}
          {onConfirmStart && (
            <Button size="small" appearance="primary" onClick={() => onConfirmStart(c)}>
              {t.confirmStart}
            </Button>
          )}
          {onDoneElsewhere && (
            <Button size="small" appearance="secondary" onClick={() => onDoneElsewhere(c)}>
              {t.doneElsewhere}
            </Button>
          )}
        </div>
      )}
      <Text size={200}>
        {t.lastStep}{t.colon}{c.lastStep ? `${c.lastStep.label} (${formatDateFr(c.lastStep.date)})` : t.none}
      </Text>
      <Text size={200} className={styles.amounts}>
        {formatCentsFr(c.principal)} + {t.penalties.toLowerCase()}{" "}
        {c.interest !== undefined ? formatCentsFr(c.interest) : c.interestAtLeast ? t.atLeastShort(formatCentsFr(c.interestAtLeast.cents)) : t.notComputed} +{" "}
        {t.indemnity.toLowerCase()} {formatCentsFr(c.indemnity)}
      </Text>
      {/* A missing rate is said once for the case, not again under each invoice; with a lower bound, in the words of issue 15. */}
      {[...rateNotes(c, t), ...c.warnings.filter((warning) => !c.missingRates.some((rate) => warning.includes(textOf(rate, "fr"))))].map((warning) => (
        <Text key={warning} size={200} className={styles.warning} role="note">
          ⚠ {warning}
        </Text>
      ))}
      {/* Issue 14: a due date computed from the import's terms, not read, is said to be assumed. */}
      {assumedDues > 0 && (
        <Text size={200} className={styles.muted} role="note">
          {t.assumedDueNote(assumedDues)}
        </Text>
      )}
      {c.legal.relevant && (
        <Text size={200}>
          {t.legalSuggestion}{t.colon}{c.legal.explanation}
        </Text>
      )}
      <Button appearance="subtle" size="small" onClick={() => setOpen(!open)} aria-expanded={open}>
        {open ? "▾" : "▸"} {t.invoiceCount(c.lines.length + c.disputed.length)}
      </Button>
      {open && <LinesTable lines={c.lines} />}
      {open && c.disputed.length > 0 && (
        <>
          <Text size={200} weight="semibold">
            {t.disputed}
          </Text>
          <LinesTable lines={c.disputed} />
        </>
      )}
    </Card>
  );
}
