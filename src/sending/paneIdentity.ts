/**
 * Who this pane writes the journal as (issue 17: every row says who and from
 * which runtime, not only the sending rows). One runtime id per pane
 * session; the person is the Microsoft 365 account once the sending screen
 * has signed in, else the profile's contact, the person who signs the
 * letters.
 */
import type { JournalEntry, RowOrigin } from "../core/escalation/journal";
import { parseCreditorProfile } from "../core/letters/profile";
import { newRuntimeId, nextSeq } from "./runtimeIdentity";

/** This pane's runtime id: one per session, in every journal row it writes. */
export const PANE_RUNTIME = newRuntimeId();

/** Written when neither an account nor a profile names the person. */
export const UNKNOWN_RECORDER = "(profil non renseigné)";

let signedInAccount: string | undefined;

/** The sending screen tells who signed in to Microsoft 365: later rows carry it. */
export function rememberAccount(account: string | undefined): void {
  if (account) signedInAccount = account;
}

/** The person to name in a row: the signed-in account, the stored profile's contact, or UNKNOWN_RECORDER. */
export function recorderName(storedProfile: unknown): string {
  if (signedInAccount) return signedInAccount;
  const parsed = parseCreditorProfile(storedProfile);
  return parsed.ok ? parsed.profile.contact : UNKNOWN_RECORDER;
}

/** The origin of the next row this pane writes. */
export function paneOrigin(by: string): RowOrigin {
  return { by: by.slice(0, 255) || UNKNOWN_RECORDER, runtime: PANE_RUNTIME, seq: nextSeq(PANE_RUNTIME) };
}

/** Entries the user recorded in the pane, each with its origin (rows that already carry one keep it). */
export function withPaneOrigin(entries: readonly JournalEntry[], by: string): JournalEntry[] {
  return entries.map((entry) => (entry.origin ? entry : { ...entry, origin: paneOrigin(by) }));
}
