import { prescriptionDay } from "../../src/core/prescription";
import { day } from "./fixtures";

describe("prescription", () => {
  test("5 years between professionals, 2 years against a consumer, 29 February clamped", () => {
    expect(prescriptionDay(day(2025, 3, 15), false)).toBe(day(2030, 3, 15));
    expect(prescriptionDay(day(2025, 3, 15), true)).toBe(day(2027, 3, 15));
    expect(prescriptionDay(day(2024, 2, 29), false)).toBe(day(2029, 2, 28));
    expect(prescriptionDay(day(2024, 2, 29), true)).toBe(day(2026, 2, 28));
  });
});
