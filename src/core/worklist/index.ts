/** The morning worklist: filters, sort, search, totals, today's queue, rate gaps, incremental refold. */
export * from "./criteria";
export * from "./worklist";
export * from "./today";
export * from "./rateGaps";
export * from "./refold";
