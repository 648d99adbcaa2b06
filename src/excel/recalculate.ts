/** A full recalculation: custom functions recompute with the new rates. */
export async function recalculateAllFormulas(): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.application.calculate(Excel.CalculationType.full);
    await context.sync();
  });
}
