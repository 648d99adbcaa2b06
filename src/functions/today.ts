/** Today's calendar day on the user's clock; the single clock the formulas read. */
import { epochDayOfLocalDate, type EpochDay } from "../core/calendar";

export function todayEpochDay(): EpochDay {
  return epochDayOfLocalDate(new Date());
}
