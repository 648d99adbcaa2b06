/**
 * What one call remembers so that a cause is worked out once, not once per row.
 *
 * A formula over 100,000 rows where every row fails the same way (a payment
 * date typed as « à venir », a semester the tables lack) must not build
 * 100,000 identical French messages and 100,000 Excel error objects. Coercion
 * is a pure function of the cell and the parameter, so each parameter keeps,
 * for the length of one call, what each distinct cell coerced to; and each
 * distinct Problem becomes its Excel cell once. Both live only as long as the
 * call: nothing is shared between calls, and a cell Excel receives is never
 * changed afterwards, so rows may share it.
 */
import { BLANK, type Coerced } from "./coerce";
import { Problem } from "./problem";

type Coercer = (raw: unknown, name: string) => Coerced<unknown>;

/** Stands for BLANK in a Map, where undefined means "not seen". */
const BLANK_ENTRY = Symbol("blank");

/** One parameter's coercions during one call. */
export class CoercionMemo {
  private byRaw: Map<unknown, unknown> | undefined;
  /** Excel error objects come one per cell: keyed by their code, which is all coercion reads of them. */
  private byErrorCode: Map<string, unknown> | undefined;

  constructor(
    private readonly coerce: Coercer,
    private readonly name: string,
  ) {}

  coerced(raw: unknown): Coerced<unknown> {
    if (raw === null || raw === undefined) return this.coerce(raw, this.name);
    if (typeof raw === "object") {
      const code = (raw as { code?: unknown }).code;
      if (typeof code !== "string") return this.coerce(raw, this.name);
      this.byErrorCode ??= new Map();
      return this.remember(this.byErrorCode, code, raw);
    }
    this.byRaw ??= new Map();
    return this.remember(this.byRaw, raw, raw);
  }

  private remember<Key>(map: Map<Key, unknown>, key: Key, raw: unknown): Coerced<unknown> {
    const known = map.get(key);
    if (known !== undefined) return known === BLANK_ENTRY ? BLANK : known;
    const value = this.coerce(raw, this.name);
    map.set(key, value === BLANK ? BLANK_ENTRY : value);
    return value;
  }
}

/** Each distinct Problem of a call as the one cell Excel shows for it. */
export class ProblemCells<Out> {
  /** Made on the first Problem: a call without one (most single-cell calls) allocates nothing more. */
  private cells: Map<Problem, Out> | undefined;

  constructor(private readonly toCell: (problem: Problem) => Out) {}

  cellOf(problem: Problem): Out {
    this.cells ??= new Map();
    let cell = this.cells.get(problem);
    if (cell === undefined) {
      cell = this.toCell(problem);
      this.cells.set(problem, cell);
    }
    return cell;
  }
}
