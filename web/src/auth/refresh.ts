// When to renew the access token. The session's idle timeout must be able to
// end a tab nobody uses, so the SPA refreshes only while the person is active
// (input within ACTIVE_WINDOW_MS); an idle tab lets its token lapse and
// refreshes on the next input, if the session still lives.

export const REFRESH_LEAD_MS = 60_000;
export const ACTIVE_WINDOW_MS = 4 * 60_000;
export const RETRY_AFTER_ERROR_MS = 15_000;
/** When the server's times cannot be read, look again after this long. */
export const FALLBACK_WAIT_MS = 60_000;

export interface SessionTimes {
  accessExpiresAt: number;
  sessionExpiresAt: number;
}

export type RefreshDecision =
  | { kind: 'wait'; ms: number }
  | { kind: 'refresh-now' }
  | { kind: 'idle' }
  | { kind: 'session-over' };

export function decideRefresh(input: {
  now: number;
  times: SessionTimes;
  lastActivityAt: number;
  leadMs?: number;
  activeWindowMs?: number;
}): RefreshDecision {
  const { now, times, lastActivityAt } = input;
  const leadMs = input.leadMs ?? REFRESH_LEAD_MS;
  const activeWindowMs = input.activeWindowMs ?? ACTIVE_WINDOW_MS;
  if (!Number.isFinite(times.accessExpiresAt) || !Number.isFinite(times.sessionExpiresAt)) {
    return { kind: 'wait', ms: FALLBACK_WAIT_MS };
  }
  if (now >= times.sessionExpiresAt) return { kind: 'session-over' };
  const due = Math.min(times.accessExpiresAt, times.sessionExpiresAt) - leadMs;
  if (now < due) return { kind: 'wait', ms: due - now };
  if (now - lastActivityAt <= activeWindowMs) return { kind: 'refresh-now' };
  return { kind: 'idle' };
}

type TimerHandle = ReturnType<typeof globalThis.setTimeout>;

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => {
    globalThis.clearTimeout(handle);
  },
};

export interface RefreshController {
  /** Begin (or restart) scheduling from the server's expiry times. */
  start(times: SessionTimes): void;
  /** The person did something: keystroke, click, touch. */
  noteActivity(): void;
  /** Renew now unless a renewal is already running; resolves true if renewed. */
  refreshNow(): Promise<boolean>;
  stop(): void;
  readonly state: 'stopped' | 'waiting' | 'idle' | 'refreshing';
}

export function createRefreshController(options: {
  refresh: () => Promise<SessionTimes | null>;
  onExpired: () => void;
  clock?: Clock;
  leadMs?: number;
  activeWindowMs?: number;
}): RefreshController {
  const clock = options.clock ?? systemClock;
  let times: SessionTimes | null = null;
  let lastActivityAt = clock.now();
  let timer: TimerHandle | null = null;
  let state: RefreshController['state'] = 'stopped';
  let inFlight: Promise<boolean> | null = null;

  const clearTimer = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  };

  const schedule = (ms: number) => {
    clearTimer();
    state = 'waiting';
    timer = clock.setTimeout(evaluate, Math.max(0, ms));
  };

  function evaluate(): void {
    timer = null;
    if (!times || state === 'stopped' || state === 'refreshing') return;
    const decision = decideRefresh({
      now: clock.now(),
      times,
      lastActivityAt,
      leadMs: options.leadMs,
      activeWindowMs: options.activeWindowMs,
    });
    switch (decision.kind) {
      case 'wait':
        schedule(decision.ms);
        return;
      case 'idle':
        state = 'idle';
        return;
      case 'session-over':
        stop();
        options.onExpired();
        return;
      case 'refresh-now':
        void refreshNow();
        return;
    }
  }

  function refreshNow(): Promise<boolean> {
    if (inFlight) return inFlight;
    clearTimer();
    state = 'refreshing';
    inFlight = options
      .refresh()
      .then(
        (next) => {
          if (state === 'stopped') return false;
          if (!next) {
            stop();
            options.onExpired();
            return false;
          }
          times = next;
          state = 'waiting';
          evaluate();
          return true;
        },
        () => {
          // The network failed, not the session: try again shortly.
          if (state !== 'stopped') schedule(RETRY_AFTER_ERROR_MS);
          return false;
        },
      )
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  function stop(): void {
    clearTimer();
    state = 'stopped';
    times = null;
  }

  return {
    start(next) {
      times = next;
      lastActivityAt = Math.max(lastActivityAt, clock.now());
      state = 'waiting';
      evaluate();
    },
    noteActivity() {
      lastActivityAt = clock.now();
      if (state === 'idle') {
        state = 'waiting';
        evaluate();
      }
    },
    refreshNow,
    stop,
    get state() {
      return state;
    },
  };
}

export function sessionTimes(session: {
  access_expires_at: string;
  session_expires_at: string;
}): SessionTimes {
  return {
    accessExpiresAt: Date.parse(session.access_expires_at),
    sessionExpiresAt: Date.parse(session.session_expires_at),
  };
}
