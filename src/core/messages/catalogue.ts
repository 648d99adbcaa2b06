/**
 * The shape of a catalogue: for every code, the function writing its text
 * from its parameters. `say` writes a nested message in the same language.
 * Being a mapped type over MessageCode, a catalogue missing a code does not
 * compile.
 */
import type { Message, MessageCode, MessageParams } from "./codes";

export type Say = (message: Message) => string;

export type Catalogue = { readonly [C in MessageCode]: (params: MessageParams[C], say: Say) => string };
