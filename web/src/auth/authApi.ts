// authsvc's session endpoints (docs/API.md): who is signed in, refresh,
// sign-out, and whether this is the local demo.
import { authCall } from '../api/authsvc';
import { AuthError, NETWORK_MESSAGE, isRecord } from '../api/errors';

export interface SessionInfo {
  person: { id: string; display_name: string; email: string | null };
  method: string;
  access_expires_at: string;
  session_expires_at: string;
}

export interface LocalMode {
  local: boolean;
  /** Sign-in names of the seeded demo people. */
  demoPeople: string[];
}

export type SessionStart =
  | { kind: 'signed-in'; session: SessionInfo }
  | { kind: 'signed-out'; localMode: LocalMode }
  | { kind: 'unreachable'; message: string };

/** authsvc's session answer `{person: {id, display_name, email}, method, …_expires_at}`. */
export function parseSession(value: unknown): SessionInfo | null {
  if (!isRecord(value) || !isRecord(value.person)) return null;
  const { person, method, access_expires_at, session_expires_at } = value;
  const { id, display_name, email } = person;
  if (typeof id !== 'string' || typeof display_name !== 'string') return null;
  if (typeof method !== 'string') return null;
  if (typeof access_expires_at !== 'string' || typeof session_expires_at !== 'string') return null;
  return {
    person: { id, display_name, email: typeof email === 'string' ? email : null },
    method,
    access_expires_at,
    session_expires_at,
  };
}

const NOT_LOCAL: LocalMode = { local: false, demoPeople: [] };

/** `GET /auth/config` answers `{local_mode, demo_people?}`. */
export function parseLocalMode(value: unknown): LocalMode {
  if (!isRecord(value) || value.local_mode !== true) return NOT_LOCAL;
  const people = Array.isArray(value.demo_people) ? value.demo_people : [];
  return {
    local: true,
    demoPeople: people.filter((name): name is string => typeof name === 'string'),
  };
}

async function fetchLocalMode(): Promise<LocalMode> {
  try {
    return parseLocalMode(await authCall('/auth/config'));
  } catch {
    return NOT_LOCAL;
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
    return { kind: 'unreachable', message: unreachableMessage(null) };
  } catch (error) {
    if (error instanceof AuthError && error.status === 401) {
      return { kind: 'signed-out', localMode: await fetchLocalMode() };
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
