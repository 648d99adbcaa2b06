/**
 * Amounts by aging bucket as a small stacked column chart, drawn in SVG
 * (no chart library): outside disputes at the bottom, in dispute on top. The
 * oldest buckets are drawn in warmer colours. Colours come from the Fluent
 * theme, so the chart follows light and dark Office themes. The numbers are
 * also given as text (the image's aria-label and title) for screen readers.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Cents } from "../../core/money";
import type { ReportStrings } from "./strings";

const useStyles = makeStyles({
  svg: { width: "100%", height: "auto", display: "block", fontFamily: tokens.fontFamilyBase },
  legend: { display: "flex", gap: tokens.spacingHorizontalM, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  swatch: { display: "inline-block", width: "10px", height: "10px", marginRight: "4px", borderRadius: "2px", verticalAlign: "middle" },
});

export interface BucketChartProps {
  readonly labels: readonly string[];
  /** Outside disputes, by bucket. */
  readonly amounts: readonly Cents[];
  /** In dispute, by the bucket their age puts them in. */
  readonly disputed: readonly Cents[];
  readonly strings: ReportStrings;
}

/** "1,2 M€", "102 k€", "950 €": short labels above the bars. */
export function compactEuros(cents: Cents): string {
  const euros = cents / 100;
  const format = (value: number, digits: number) => value.toFixed(digits).replace(".", ",");
  if (euros >= 1_000_000) return `${format(euros / 1_000_000, euros >= 10_000_000 ? 0 : 1)}\u00a0M€`;
  if (euros >= 1_000) return `${format(euros / 1_000, 0)}\u00a0k€`;
  return `${format(euros, 0)}\u00a0€`;
}

const WIDTH = 320;
const HEIGHT = 170;
const TOP = 16;
const BOTTOM = 22;

export function BucketChart({ labels, amounts, disputed, strings }: BucketChartProps) {
  const styles = useStyles();
  const totals = labels.map((_, i) => amounts[i] + disputed[i]);
  const max = Math.max(1, ...totals);
  const slot = WIDTH / labels.length;
  const barWidth = Math.min(44, slot * 0.6);
  const plot = HEIGHT - TOP - BOTTOM;
  // Not due: neutral brand; then warmer with age; the oldest red.
  const colourOf = (i: number) => {
    if (i === 0) return tokens.colorBrandBackground;
    if (i === labels.length - 1) return tokens.colorPaletteRedBackground3;
    if (i === labels.length - 2) return tokens.colorPaletteDarkOrangeBackground3;
    return tokens.colorPaletteMarigoldBackground3;
  };
  const summary = strings.chartSummary(labels.map((label, i) => `${label} ${strings.money(totals[i])}`).join(", "));
  const anyDisputed = disputed.some((amount) => amount > 0);

  return (
    <figure style={{ margin: 0 }}>
      <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary}>
        <title>{summary}</title>
        <line x1={0} x2={WIDTH} y1={TOP + plot} y2={TOP + plot} style={{ stroke: tokens.colorNeutralStroke1 }} />
        {labels.map((label, i) => {
          const x = i * slot + (slot - barWidth) / 2;
          const outside = (amounts[i] / max) * plot;
          const inDispute = (disputed[i] / max) * plot;
          const top = TOP + plot - outside - inDispute;
          return (
            <g key={label}>
              {outside > 0 && <rect x={x} y={TOP + plot - outside} width={barWidth} height={outside} style={{ fill: colourOf(i) }} />}
              {inDispute > 0 && (
                <rect x={x} y={top} width={barWidth} height={inDispute} style={{ fill: tokens.colorNeutralForeground3, opacity: 0.55 }} />
              )}
              <text x={x + barWidth / 2} y={Math.max(10, top - 4)} textAnchor="middle" fontSize={10} style={{ fill: tokens.colorNeutralForeground1 }}>
                {totals[i] > 0 ? compactEuros(totals[i]) : "0"}
              </text>
              <text x={i * slot + slot / 2} y={HEIGHT - 6} textAnchor="middle" fontSize={10} style={{ fill: tokens.colorNeutralForeground2 }}>
                {label}
              </text>
            </g>
          );
        })}
      </svg>
      {anyDisputed && (
        <figcaption className={styles.legend} aria-hidden="true">
          <span>
            <span
              className={styles.swatch}
              style={{ backgroundImage: `linear-gradient(90deg, ${tokens.colorBrandBackground}, ${tokens.colorPaletteMarigoldBackground3}, ${tokens.colorPaletteRedBackground3})` }}
            />
            {strings.chartOutside}
          </span>
          <span>
            <span className={styles.swatch} style={{ backgroundColor: tokens.colorNeutralForeground3, opacity: 0.55 }} />
            {strings.chartDisputed}
          </span>
        </figcaption>
      )}
    </figure>
  );
}
