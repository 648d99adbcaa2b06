/**
 * Gives the focus back to the control that opened a dialog when the dialog
 * closes (Escape, Annuler, Enregistrer). The pane's dialogs open from a menu
 * item, which is gone by the time the dialog closes: the opener is then the
 * menu's button (the one whose menu is open when the dialog mounts).
 */
import { useEffect, useState } from "react";

function openerNow(): HTMLElement | undefined {
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  if (active?.closest('[role="menu"]')) {
    const trigger = document.querySelector<HTMLElement>('[aria-haspopup="menu"][aria-expanded="true"]');
    if (trigger) return trigger;
  }
  return active && active !== document.body ? active : undefined;
}

export function useReturnFocus(): void {
  // Read while rendering the first time: before the dialog takes the focus and the menu goes.
  const [opener] = useState(openerNow);
  useEffect(
    () => () => {
      if (!opener) return;
      // After the dialog's own focus handling has run.
      setTimeout(() => {
        if (opener.isConnected && (document.activeElement === document.body || document.activeElement === null)) opener.focus();
      }, 0);
    },
    [opener],
  );
}
