/** Reads the FEC fixtures of test/fixtures/fec (see generate.mjs there for how each is made). */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const FEC_DIR = join(__dirname, "..", "..", "fixtures", "fec");

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FEC_DIR, name)));
}
