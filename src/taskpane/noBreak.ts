/**
 * Short labels that must not break across lines in a narrow pane: « > 90 j »,
 * « 12 j de retard ». The core's labels keep ordinary spaces (Excel shows
 * them in cells, where a formula's result should stay plain text); the pane
 * joins them with no-break spaces when it shows them. Amounts need nothing:
 * formatCentsFr already groups with no-break spaces.
 */
export function keepTogether(label: string): string {
  return label.replace(/ /g, "\u00a0");
}
