/**
 * Messages: core says what happened as a code with parameters (codes.ts);
 * textOf() writes it in the reader's language with its catalogue.
 */
import type { Catalogue, Say } from "./catalogue";
import type { Message } from "./codes";
import { EN } from "./en";
import { FR } from "./fr";
import type { Language } from "./language";

export { message, type LateDate, type Message, type MessageCode, type MessageParams } from "./codes";
export { LANGUAGES, type Language } from "./language";

export const CATALOGUES: Readonly<Record<Language, Catalogue>> = { fr: FR, en: EN };

/** The text of a message in a language. */
export function textOf(message: Message, language: Language): string {
  const catalogue = CATALOGUES[language];
  const say: Say = (inner) => textOf(inner, language);
  const write = catalogue[message.code] as (params: unknown, say: Say) => string;
  return write(message.params, say);
}

/** The writer of one language, for code that describes many messages. */
export function describerFor(language: Language): (message: Message) => string {
  return (message) => textOf(message, language);
}
