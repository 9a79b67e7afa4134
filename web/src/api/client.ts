// The one client for `/rest` (PostgREST). Cookies carry the access token —
// Caddy turns `__Host-reqstly_at` into the Authorization header — so the SPA
// never sees a token. A 401 asks the auth layer to refresh once, then retries.
import {
  PostgrestClient,
  type PostgrestResponse,
  type PostgrestSingleResponse,
} from '@supabase/postgrest-js';
import type { Database } from './database';
import { ApiError } from './errors';

/** Returns true when the session was renewed and the call may be retried. */
export type UnauthorizedHandler = () => Promise<boolean>;

let onUnauthorized: UnauthorizedHandler | null = null;

export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): void {
  onUnauthorized = handler;
}

/**
 * Calls of this tab in flight at once; the rest wait their turn. The database
 * answers 429 past six calls at once per person (ADR 0013), and a request's
 * page alone asks for seven things: a tab keeps under the bound with room for
 * a second tab (ADR 0024).
 */
export const MAX_CALLS_IN_FLIGHT = 4;
let inFlight = 0;
const waiting: (() => void)[] = [];

function takeTurn(): Promise<void> {
  if (inFlight < MAX_CALLS_IN_FLIGHT) {
    inFlight += 1;
    return Promise.resolve();
  }
  return new Promise((resolve) => waiting.push(resolve));
}

/** Hands the finished call's turn to the longest waiting one. */
function endTurn(): void {
  const next = waiting.shift();
  if (next) next();
  else inFlight -= 1;
}

export async function sameOriginFetch(
  input: RequestInfo | URL,
  init?: RequestInit,
): Promise<Response> {
  await takeTurn();
  try {
    const request = { ...init, credentials: 'same-origin' as const };
    const response = await fetch(input, request);
    if (response.status !== 401 || !onUnauthorized) return response;
    // A 401 from PostgREST means nothing was written: retrying is safe.
    const renewed = await onUnauthorized();
    return renewed ? await fetch(input, request) : response;
  } finally {
    endTurn();
  }
}

export type Api = PostgrestClient<Database, { PostgrestVersion: '12' }, 'api'>;

let client: Api | null = null;

/** The PostgREST client; postgrest-js needs an absolute URL, so `/rest` on this origin. */
export function db(): Api {
  client ??= new PostgrestClient<Database, { PostgrestVersion: '12' }, 'api'>(
    new URL('/rest', window.location.href).href.replace(/\/$/, ''),
    { fetch: sameOriginFetch, schema: 'api' },
  );
  return client;
}

/** Await a postgrest-js query; throw an ApiError on failure. */
export async function run<T>(query: PromiseLike<PostgrestSingleResponse<T>>): Promise<T> {
  const result = await query;
  if (result.error) throw new ApiError(result.status, result.error);
  return result.data;
}

export interface Page<T> {
  rows: T[];
  /** Total rows matching (from `Prefer: count=exact`), or null when unknown. */
  total: number | null;
}

/** Like `run`, for a query made with `{count: 'exact'}`. */
export async function runPage<T>(query: PromiseLike<PostgrestResponse<T>>): Promise<Page<T>> {
  const result = await query;
  if (result.error) {
    // Asking for a page past the end answers 416 (PGRST103): an empty page.
    if (result.status === 416 || result.error.code === 'PGRST103') return { rows: [], total: null };
    throw new ApiError(result.status, result.error);
  }
  return { rows: result.data, total: result.count };
}
