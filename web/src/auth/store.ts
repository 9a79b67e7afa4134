// The signed-in state of this tab, outside React so the API client's 401
// handler and timers can change it. Components read it with useAuth().
import { useSyncExternalStore } from 'react';
import { setUnauthorizedHandler } from '../api/client';
import { queryClient } from '../api/queryClient';
import { currentPath, navigate } from '../router/history';
import { hrefFor, safeNext } from '../router/routes';
import { logout, refreshSession, startSession, type LocalMode, type SessionInfo } from './authApi';
import { createRefreshController, sessionTimes } from './refresh';

export type SignedOutReason = 'expired' | 'signed-out' | null;

export type AuthState =
  | { kind: 'starting' }
  | { kind: 'signed-in'; session: SessionInfo }
  | { kind: 'signed-out'; localMode: LocalMode; reason: SignedOutReason }
  | { kind: 'unreachable'; message: string };

let state: AuthState = { kind: 'starting' };
let localMode: LocalMode = { local: false, demoPeople: [] };
const listeners = new Set<() => void>();

function setState(next: AuthState): void {
  state = next;
  for (const listener of listeners) listener();
}

const refresher = createRefreshController({
  refresh: async () => {
    const session = await refreshSession();
    if (!session) return null;
    if (state.kind === 'signed-in') setState({ kind: 'signed-in', session });
    return sessionTimes(session);
  },
  onExpired: () => {
    endSession('expired');
  },
});

function endSession(reason: SignedOutReason): void {
  refresher.stop();
  queryClient.clear();
  setState({ kind: 'signed-out', localMode, reason });
  const here = currentPath();
  if (!here.startsWith('/signin')) {
    navigate(hrefFor({ name: 'signin', next: safeNext(here), reason }), { replace: true });
  }
}

function signedIn(session: SessionInfo): void {
  setState({ kind: 'signed-in', session });
  refresher.start(sessionTimes(session));
}

let activityInstalled = false;

function installActivityListeners(): void {
  if (activityInstalled) return;
  activityInstalled = true;
  let last = 0;
  const onInput = () => {
    const now = Date.now();
    if (now - last < 5_000) return;
    last = now;
    refresher.noteActivity();
  };
  for (const type of ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const) {
    window.addEventListener(type, onInput, { passive: true, capture: true });
  }
}

/** Ask authsvc who is signed in; called once at start and by "Try again". */
export async function boot(): Promise<void> {
  installActivityListeners();
  setUnauthorizedHandler(async () => {
    if (state.kind !== 'signed-in') return false;
    return refresher.refreshNow();
  });
  if (state.kind !== 'starting') setState({ kind: 'starting' });
  const start = await startSession();
  switch (start.kind) {
    case 'signed-in':
      signedIn(start.session);
      return;
    case 'signed-out':
      localMode = start.localMode;
      setState({ kind: 'signed-out', localMode, reason: null });
      return;
    case 'unreachable':
      setState({ kind: 'unreachable', message: start.message });
      return;
  }
}

/** After a passkey sign-in: read the new session and go where the person was going. */
export async function completeSignIn(next: string): Promise<void> {
  const start = await startSession();
  if (start.kind !== 'signed-in') {
    throw new Error('The passkey was accepted but no session started. Try again.');
  }
  signedIn(start.session);
  navigate(safeNext(next), { replace: true });
}

export async function signOut(): Promise<void> {
  await logout();
  endSession('signed-out');
}

export function useAuth(): AuthState {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function snapshot(): AuthState {
  return state;
}
