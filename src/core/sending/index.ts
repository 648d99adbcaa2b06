/** Sending reminders exactly once: keys, recipients, the ledger folded from the journal, the batch plan. */
export * from "./messageKey";
export * from "./recipients";
export * from "./model";
export * from "./ledger";
export * from "./plan";
export * from "./defaultContent";
export * from "./analyze";
export * from "./foldOrder";
export * from "./claims";
export * from "./mailboxBudget";
