// "Leave this page?" while a form holds text that was not sent. Links inside
// the SPA ask with confirm(); closing or reloading the tab gets the browser's
// own question (beforeunload). The text itself is kept as a draft (ui/drafts.ts).
import { useEffect } from 'react';

export const LEAVE_MESSAGE =
  'You have typed text that was not sent. Leave this page? It stays as a draft on this device.';

const dirtyForms = new Set<symbol>();

/** True when nothing unsent is on the page, or the person agrees to leave. */
export function confirmLeave(ask: (message: string) => boolean = window.confirm.bind(window)) {
  return dirtyForms.size === 0 || ask(LEAVE_MESSAGE);
}

/** Mark one form as holding unsent text; the returned function unmarks it. */
export function holdUnsent(): () => void {
  const form = Symbol('form');
  dirtyForms.add(form);
  return () => {
    dirtyForms.delete(form);
  };
}

/** Register the calling form as holding unsent text while `dirty`. */
export function useLeaveGuard(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const release = holdUnsent();
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      release();
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [dirty]);
}
