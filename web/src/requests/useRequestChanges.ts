// Keeps the open request and the lists current (ADR 0017): polls the
// database's change marker while the tab is visible and refreshes the
// request queries when something the person may see has changed.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { requestsKey } from '../api/keys';
import { loadChanges } from './api';

export const CHANGES_POLL_MS = 15_000;

export function useRequestChanges(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    let marker: string | null = null;
    let stopped = false;
    const poll = async () => {
      if (document.visibilityState !== 'visible') return;
      try {
        const answer = await loadChanges(marker);
        if (stopped) return;
        if (marker !== null && answer.changed > 0)
          void queryClient.invalidateQueries({ queryKey: requestsKey });
        marker = answer.marker ?? marker;
      } catch {
        // A missed poll is retried at the next tick; the pages show their own errors.
      }
    };
    void poll();
    const timer = window.setInterval(() => void poll(), CHANGES_POLL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [queryClient]);
}
