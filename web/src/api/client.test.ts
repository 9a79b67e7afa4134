import { PostgrestError, type PostgrestSingleResponse } from '@supabase/postgrest-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_CALLS_IN_FLIGHT,
  run,
  runPage,
  sameOriginFetch,
  setUnauthorizedHandler,
} from './client';
import { ApiError, NETWORK_MESSAGE } from './errors';

afterEach(() => {
  setUnauthorizedHandler(null);
  vi.unstubAllGlobals();
});

function stubFetch(...statuses: number[]) {
  const fetchMock = vi.fn((_input: RequestInfo | URL, _init?: RequestInit) =>
    Promise.resolve(new Response('[]', { status: statuses.shift() ?? 200 })),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('sameOriginFetch', () => {
  it('sends cookies of this origin only', async () => {
    const fetchMock = stubFetch(200);
    await sameOriginFetch('/rest/me', { method: 'GET' });
    expect(fetchMock.mock.calls[0]?.[1]).toMatchObject({
      method: 'GET',
      credentials: 'same-origin',
    });
  });

  it('renews the session once on 401 and retries', async () => {
    const fetchMock = stubFetch(401, 200);
    const handler = vi.fn(() => Promise.resolve(true));
    setUnauthorizedHandler(handler);
    const response = await sameOriginFetch('/rest/requests', { method: 'POST', body: '{}' });
    expect(response.status).toBe(200);
    expect(handler).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(fetchMock.mock.calls[1]?.[1]).toMatchObject({ method: 'POST', body: '{}' });
  });

  it('gives the 401 back when the session is over', async () => {
    const fetchMock = stubFetch(401);
    setUnauthorizedHandler(() => Promise.resolve(false));
    expect((await sameOriginFetch('/rest/me')).status).toBe(401);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('leaves other errors alone', async () => {
    const handler = vi.fn(() => Promise.resolve(true));
    setUnauthorizedHandler(handler);
    stubFetch(403);
    expect((await sameOriginFetch('/rest/me')).status).toBe(403);
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('run and runPage', () => {
  const ok = <T>(data: T, count: number | null = null): Promise<PostgrestSingleResponse<T>> =>
    Promise.resolve({ data, error: null, count, status: 200, statusText: 'OK', success: true });
  const failure = (
    status: number,
    error: { code: string; message: string; details?: string; hint?: string },
  ): Promise<PostgrestSingleResponse<never>> =>
    Promise.resolve({
      data: null,
      error: new PostgrestError({ details: '', hint: '', ...error }),
      count: null,
      status,
      statusText: '',
      success: false,
    });

  it('returns data and counts', async () => {
    expect(await run(ok([1, 2]))).toEqual([1, 2]);
    expect(await runPage(ok([1], 41))).toEqual({ rows: [1], total: 41 });
  });

  it('throws the database error as an ApiError', async () => {
    const failing = failure(400, {
      code: 'P0001',
      message: 'Give the request a title.',
      details: 'title',
    });
    const error: unknown = await run(failing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      details: 'title',
      message: 'Give the request a title.',
    });
  });

  it('turns a network failure (status 0) into a sentence', async () => {
    await expect(
      run(failure(0, { code: '', message: 'TypeError: Failed to fetch' })),
    ).rejects.toThrow(NETWORK_MESSAGE);
  });

  it('treats a page past the end as empty', async () => {
    const past = failure(416, { code: 'PGRST103', message: 'Requested range not satisfiable' });
    expect(await runPage(past)).toEqual({ rows: [], total: null });
  });
});

describe('calls in flight', () => {
  it(`keeps at most ${MAX_CALLS_IN_FLIGHT} calls of a tab in flight and serves the rest in order`, async () => {
    const pending: ((response: Response) => void)[] = [];
    const started: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((input: string) => {
        started.push(input);
        return new Promise<Response>((resolve) => pending.push(resolve));
      }),
    );
    const calls = Array.from({ length: 7 }, (_, i) => sameOriginFetch(`/rest/part${i}`));
    await vi.waitFor(() => expect(started).toHaveLength(MAX_CALLS_IN_FLIGHT));
    pending.shift()?.(new Response('[]'));
    await vi.waitFor(() => expect(started).toHaveLength(MAX_CALLS_IN_FLIGHT + 1));
    expect(started.at(-1)).toBe(`/rest/part${MAX_CALLS_IN_FLIGHT}`);
    while (started.length < 7 || pending.length > 0) {
      await vi.waitFor(() => expect(pending.length).toBeGreaterThan(0));
      pending.shift()?.(new Response('[]'));
    }
    expect((await Promise.all(calls)).map((r) => r.status)).toEqual(Array(7).fill(200));
    expect(started).toEqual(Array.from({ length: 7 }, (_, i) => `/rest/part${i}`));
  });

  it('frees the turn of a call that failed', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('offline'))),
    );
    const failures = Array.from({ length: MAX_CALLS_IN_FLIGHT + 2 }, () =>
      sameOriginFetch('/rest/me').catch((error: unknown) => error),
    );
    expect(await Promise.all(failures)).toHaveLength(MAX_CALLS_IN_FLIGHT + 2);
    stubFetch(200);
    expect((await sameOriginFetch('/rest/me')).status).toBe(200);
  });
});
