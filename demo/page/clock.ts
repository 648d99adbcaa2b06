/**
 * The demonstration happens on a fixed day: its invoices are dated around it
 * and Recouvre's tables hold the rates of its semester, so every figure is
 * computed (a later day could fall in a semester whose rates are not
 * published yet) and the screenshots stay the same from one run to the next.
 *
 * `new Date()` and `Date.now()` start at that day, 9 a.m. local time, and the
 * clock keeps running from there; dates built from arguments are untouched.
 * Installed by the demonstration page only, before any other script.
 */
export function installFixedDay(isoDay: string, hour = 9): void {
  const RealDate = Date;
  const [year, month, day] = isoDay.split("-").map(Number);
  const offset = new RealDate(year, month - 1, day, hour).getTime() - RealDate.now();
  const now = (): number => RealDate.now() + offset;

  function DemoDate(this: unknown, ...args: unknown[]): Date | string {
    // Date() called without new returns a string, as the real one does.
    if (!new.target) return new RealDate(now()).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [now()] : args, new.target) as Date;
  }
  DemoDate.prototype = RealDate.prototype;
  Object.setPrototypeOf(DemoDate, RealDate); // Date.UTC, Date.parse
  (DemoDate as unknown as { now: () => number }).now = now;
  globalThis.Date = DemoDate as unknown as DateConstructor;
}
