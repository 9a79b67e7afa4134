import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { shouldRetry } from './queryClient';

const apiError = (status: number) =>
  new ApiError(status, {
    code: status === 429 ? 'PT429' : 'X',
    message: 'm',
    details: null,
    hint: null,
  });

describe('shouldRetry', () => {
  it('does not ask again what the server refused for a reason', () => {
    for (const status of [400, 403, 404, 409]) expect(shouldRetry(0, apiError(status))).toBe(false);
  });

  it('asks again, three times at most, when there were too many calls at once', () => {
    expect(shouldRetry(0, apiError(429))).toBe(true);
    expect(shouldRetry(2, apiError(429))).toBe(true);
    expect(shouldRetry(3, apiError(429))).toBe(false);
  });

  it('asks again twice after a server or network failure', () => {
    expect(shouldRetry(1, apiError(503))).toBe(true);
    expect(shouldRetry(2, new TypeError('offline'))).toBe(false);
  });
});
