// Calls to authsvc at /auth/* with plain fetch (same-origin cookies).
import { AuthError, NETWORK_MESSAGE, isRecord } from '../api/errors';

export interface SessionPerson {
  id?: string | number;
  display_name?: string | null;
  email?: string | null;
}

export interface SessionInfo {
  person: SessionPerson;
  method: string;
  access_expires_at: string;
  session_expires_at: string;
}

export interface LocalMode {
  local: boolean;
  /** Sign-in names of the seeded demo people, when known. */
  demoPeople: string[];
}

export const DEMO_PEOPLE = ['alice', 'ivan', 'hana', 'olga', 'admin'];

export type SessionStart =
  | { kind: 'signed-in'; session: SessionInfo }
  | { kind: 'signed-out'; localMode: LocalMode }
  | { kind: 'unreachable'; message: string };

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** POST/GET to authsvc; throws AuthError (status 0 when the network failed). */
export async function authCall(
  path: string,
  init: { method?: 'GET' | 'POST'; body?: unknown } = {},
) {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers:
        init.body === undefined
          ? { Accept: 'application/json' }
          : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new AuthError(0, null);
  }
  const body = await readJson(response);
  if (!response.ok) throw new AuthError(response.status, body);
  return body;
}

export function parseSession(value: unknown): SessionInfo | null {
  if (!isRecord(value)) return null;
  const { person, method, access_expires_at, session_expires_at } = value;
  if (typeof access_expires_at !== 'string' || typeof session_expires_at !== 'string') return null;
  return {
    person: isRecord(person) ? person : {},
    method: typeof method === 'string' ? method : '',
    access_expires_at,
    session_expires_at,
  };
}

/**
 * Local mode is announced by authsvc either in the 401 body of
 * `GET /auth/session` or by `GET /auth/config`; both are optional. Accepts
 * `{local: true}`, `{mode: 'local'}`, `{local_mode: true}` and an optional
 * list of demo people (`demo_people`/`demo_users`, names or `{username}`).
 */
export function parseLocalMode(value: unknown): LocalMode {
  if (!isRecord(value)) return { local: false, demoPeople: [] };
  const flagged =
    value.local === true ||
    value.local_mode === true ||
    value.mode === 'local' ||
    value.environment === 'local';
  const rawPeople = value.demo_people ?? value.demo_users;
  const demoPeople = Array.isArray(rawPeople)
    ? rawPeople
        .map((entry: unknown) =>
          typeof entry === 'string'
            ? entry
            : isRecord(entry) && typeof entry.username === 'string'
              ? entry.username
              : null,
        )
        .filter((name): name is string => name !== null)
    : [];
  const local = flagged || demoPeople.length > 0;
  return { local, demoPeople: local && demoPeople.length === 0 ? DEMO_PEOPLE : demoPeople };
}

async function fetchLocalMode(fromSession: unknown): Promise<LocalMode> {
  const announced = parseLocalMode(fromSession);
  if (announced.local) return announced;
  try {
    return parseLocalMode(await authCall('/auth/config'));
  } catch {
    return announced;
  }
}

function unreachableMessage(error: unknown): string {
  if (error instanceof AuthError && error.status === 0) return NETWORK_MESSAGE;
  const status = error instanceof AuthError ? ` (HTTP ${error.status})` : '';
  return `The sign-in service is not answering properly${status}. Try again in a moment; if it keeps happening, tell your IT team.`;
}

/** `GET /auth/session`: who is signed in, if anyone. */
export async function startSession(): Promise<SessionStart> {
  try {
    const session = parseSession(await authCall('/auth/session'));
    if (session) return { kind: 'signed-in', session };
    return { kind: 'signed-out', localMode: await fetchLocalMode(null) };
  } catch (error) {
    if (error instanceof AuthError && (error.status === 401 || error.status === 403)) {
      return { kind: 'signed-out', localMode: await fetchLocalMode(error.body) };
    }
    return { kind: 'unreachable', message: unreachableMessage(error) };
  }
}

/** `POST /auth/refresh`: a fresh access token; null once the session is over. */
export async function refreshSession(): Promise<SessionInfo | null> {
  try {
    return parseSession(await authCall('/auth/refresh', { method: 'POST', body: {} }));
  } catch (error) {
    if (error instanceof AuthError && (error.status === 401 || error.status === 403)) return null;
    throw error;
  }
}

export async function logout(): Promise<void> {
  try {
    await authCall('/auth/logout', { method: 'POST', body: {} });
  } catch (error) {
    // Already signed out is as good as signed out.
    if (!(error instanceof AuthError && error.status === 401)) throw error;
  }
}
