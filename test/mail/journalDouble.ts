/**
 * The journal table in memory, going through the same row conversion as the
 * workbook (entryToRow / readJournal), with crashes: after `crashAfter`
 * appends the process "dies": the next append either throws (the runner sees
 * an error) or never returns (the runner is frozen, as when Excel closes).
 */
import type { JournalEntry } from "../../src/core/escalation/journal";
import { entryToRow, readJournal, type JournalRow } from "../../src/core/escalation/journalRows";
import { DEFAULT_SCENARIO } from "../../src/core/escalation/scenario";

export class JournalDouble {
  readonly rows: JournalRow[] = [];
  appends = 0;
  crashAfter: number | undefined;
  /**
   * throw: the append after the last allowed one fails; freeze: it never
   * returns and writes nothing; writeThenFreeze: it writes, then never returns
   * (the row is in the workbook, the runner never learns it).
   */
  crashMode: "throw" | "freeze" | "writeThenFreeze" = "throw";
  /** Fails appends without crashing (Excel busy, sheet protected...). */
  failing = false;

  entries(): JournalEntry[] {
    const read = readJournal(undefined, this.rows, { scenario: DEFAULT_SCENARIO });
    if (read.damaged.length > 0) throw new Error(`journal damaged: ${JSON.stringify(read.damaged)}`);
    return read.entries;
  }

  readonly loadJournal = async (): Promise<readonly JournalEntry[]> => this.entries();

  readonly append = async (entries: readonly JournalEntry[]): Promise<void> => {
    if (this.failing) throw new Error("La feuille « Journal des relances » est protégée");
    if (this.crashAfter !== undefined && this.appends >= this.crashAfter) {
      if (this.crashMode === "throw") throw new Error("Excel s'est fermé");
      if (this.crashMode === "writeThenFreeze" && this.appends === this.crashAfter) {
        for (const entry of entries) this.rows.push(entryToRow(entry, DEFAULT_SCENARIO));
        this.appends++;
      }
      return new Promise<void>(() => undefined);
    }
    for (const entry of entries) this.rows.push(entryToRow(entry, DEFAULT_SCENARIO));
    this.appends++;
  };

  /** A new session: the process restarted, the workbook kept its rows. */
  restart(): void {
    this.crashAfter = undefined;
    this.failing = false;
  }
}
