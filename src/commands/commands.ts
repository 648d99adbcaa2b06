/**
 * Ribbon handlers (ExecuteFunction), registered with Office.actions.associate
 * in the shared runtime. Every path calls event.completed() exactly once.
 */
import { isOfficeHost } from "../excel/host";

/**
 * « Relancer »: until sending by email exists, it opens the pane on the
 * selection's cases. It never claims to have sent anything.
 */
export async function relancer(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } finally {
    event.completed();
  }
}

if (isOfficeHost()) {
  Office.onReady(() => {
    Office.actions.associate("relancer", relancer);
  });
}
