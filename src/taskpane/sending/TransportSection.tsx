/**
 * How to send, on the confirmation screen: Microsoft 365 or .eml drafts.
 * A choice that cannot be taken is shown disabled with why, in the user's
 * words, and what to do (complete the company profile, with a link to it;
 * or prepare drafts). The technical reason (app registration, build
 * setting) is for the administrator, in a collapsed block of its own.
 */
import { Link, Radio, RadioGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { TransportChoice } from "./ConfirmSend";
import type { SendingStrings } from "./strings";

export interface TransportSectionProps {
  readonly strings: SendingStrings;
  readonly transport: TransportChoice;
  /** Why Graph cannot be used: the technical reason, for the administrator. */
  readonly graphUnavailable?: string;
  readonly account?: string;
  readonly emlAvailable: boolean;
  readonly profileMissing?: boolean;
  onTransportChange(transport: TransportChoice): void;
  onOpenProfile?(): void;
}

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  why: { color: tokens.colorNeutralForeground2, paddingLeft: tokens.spacingHorizontalXXL },
  technical: { overflowWrap: "anywhere" },
  admin: { "& > summary": { cursor: "pointer", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 } },
});

/** The transport to show selected: none when the chosen one is not available. */
export function shownTransport(props: Pick<TransportSectionProps, "transport" | "graphUnavailable" | "emlAvailable">): TransportChoice | "" {
  if (props.transport === "graph") return props.graphUnavailable === undefined ? "graph" : "";
  return props.emlAvailable ? "eml" : "";
}

export function TransportSection(props: TransportSectionProps) {
  const { strings: t } = props;
  const styles = useStyles();
  const graphOk = props.graphUnavailable === undefined;
  return (
    <div className={styles.section}>
      <RadioGroup aria-label={t.transport} value={shownTransport(props)} onChange={(_, data) => props.onTransportChange(data.value as TransportChoice)}>
        <Radio value="graph" label={t.transportGraph} disabled={!graphOk} aria-describedby={graphOk ? undefined : "why-graph"} />
        {!graphOk && (
          <Text id="why-graph" size={200} className={styles.why}>
            {t.graphNotReady}
          </Text>
        )}
        <Radio value="eml" label={t.transportEml} disabled={!props.emlAvailable} aria-describedby={props.emlAvailable ? undefined : "why-eml"} />
        {!props.emlAvailable && (
          <Text id="why-eml" size={200} className={styles.why}>
            {props.profileMissing ? t.emlNeedsProfile : t.chooseTransport}
          </Text>
        )}
      </RadioGroup>
      {props.profileMissing && (
        <Text size={200}>
          {t.profileMissing}{" "}
          {props.onOpenProfile && (
            <Link as="button" onClick={props.onOpenProfile}>
              {t.openProfile}
            </Link>
          )}
        </Text>
      )}
      {graphOk && props.account && <Text size={200}>{t.signedInAs(props.account)}</Text>}
      {!graphOk && (
        // A native disclosure: folded, reachable by keyboard, its text still in the page for assistive tools.
        <details className={styles.admin}>
          <summary>{t.adminTitle}</summary>
          <Text size={200} block>
            {t.adminIntro}
          </Text>
          <Text size={200} block className={styles.technical}>
            {t.graphUnavailable(props.graphUnavailable!)}
          </Text>
          <Text size={200} block>
            {t.adminReadme}
          </Text>
        </details>
      )}
    </div>
  );
}
