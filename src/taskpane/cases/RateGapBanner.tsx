/**
 * One banner per missing rate, above the list, instead of the same warning
 * on every card: it names the semester, says up to which day penalties are
 * counted, and opens the « Taux » tab where the rate is entered.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { formatDateFr } from "../../core/calendar";
import type { RateGap } from "../../core/worklist";
import { useStrings } from "../i18n";

export interface RateGapBannerProps {
  readonly gaps: readonly RateGap[];
  readonly onOpenRates: () => void;
}

export function RateGapBanner({ gaps, onOpenRates }: RateGapBannerProps) {
  const t = useStrings();
  // One per semester (the ECB and the legal rate of a semester are entered together).
  const semesters = [...new Map(gaps.map((gap) => [gap.semester, gap])).values()];
  return (
    <>
      {semesters.map((gap) => (
        <MessageBar key={gap.semester} intent="warning" role="alert" layout="multiline">
          <MessageBarBody>{gap.enterable ? t.rateGapBanner(gap.semester, formatDateFr(gap.lastKnownDay), gap.cases) : t.rateGapOld(gap.semester)}</MessageBarBody>
          {gap.enterable && (
            <MessageBarActions>
              <Button size="small" onClick={onOpenRates}>
                {t.rateGapOpen}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      ))}
    </>
  );
}
