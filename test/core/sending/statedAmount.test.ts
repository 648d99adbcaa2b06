import { statedAmount } from "../../../src/core/sending/statedAmount";

const message = { principal: 300000, total: 345678 };

test("the total when the message states it, else the principal, else nothing", () => {
  expect(statedAmount(message, "Le total dû s'élève à 3 456,78 € au 15 juin.")).toBe(345678);
  expect(statedAmount(message, "Nous restons dans l'attente de 3\u202f000,00\u00a0€.")).toBe(300000);
  expect(statedAmount(message, "Merci de régulariser votre situation.")).toBeUndefined();
  expect(statedAmount({ principal: 300000 }, "3 000,00 € restent dus")).toBe(300000);
});
