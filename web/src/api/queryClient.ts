// The one TanStack Query client: server state cache for every screen.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './errors';

/**
 * A 4xx says what is wrong with the call: asking again gives the same answer.
 * Except 429: too many calls at once (ADR 0013), nothing was done, and a moment
 * later there is room (ADR 0024).
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status === 429) return failureCount < 3;
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Data younger than this is shown without asking the server again.
      staleTime: 5_000,
      retry: shouldRetry,
    },
    mutations: { retry: false },
  },
});
