/**
 * Every change of the ECB MRO rate, by the date it took effect (FACTS.md
 * §2), from data/mro.json. The tests read the semester table against it;
 * the formulas need only the semester table (ecb.ts).
 */
import mroTable from "./data/mro.json";

export const MRO_HISTORY: ReadonlyArray<{ readonly from: string; readonly bp: number }> = mroTable.lignes.map((row) => ({ from: row.effet, bp: row.bp }));
