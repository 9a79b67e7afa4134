import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ACTIVE_WINDOW_MS,
  REFRESH_LEAD_MS,
  RETRY_AFTER_ERROR_MS,
  createRefreshController,
  decideRefresh,
  sessionTimes,
  type SessionTimes,
} from './refresh';

const MINUTE = 60_000;
const T0 = Date.parse('2026-03-01T10:00:00Z');

describe('decideRefresh', () => {
  const times: SessionTimes = {
    accessExpiresAt: T0 + 5 * MINUTE,
    sessionExpiresAt: T0 + 60 * MINUTE,
  };

  it('waits until shortly before the access token expires', () => {
    expect(decideRefresh({ now: T0, times, lastActivityAt: T0 })).toEqual({
      kind: 'wait',
      ms: 5 * MINUTE - REFRESH_LEAD_MS,
    });
  });

  it('refreshes when due and the person was active recently', () => {
    const now = T0 + 4.5 * MINUTE;
    expect(decideRefresh({ now, times, lastActivityAt: now - ACTIVE_WINDOW_MS })).toEqual({
      kind: 'refresh-now',
    });
  });

  it('lets an idle tab lapse', () => {
    const now = T0 + 4.5 * MINUTE;
    expect(decideRefresh({ now, times, lastActivityAt: now - ACTIVE_WINDOW_MS - 1 })).toEqual({
      kind: 'idle',
    });
  });

  it('never plans past the end of the session', () => {
    const short = { accessExpiresAt: T0 + 5 * MINUTE, sessionExpiresAt: T0 + 2 * MINUTE };
    expect(decideRefresh({ now: T0, times: short, lastActivityAt: T0 })).toEqual({
      kind: 'wait',
      ms: 2 * MINUTE - REFRESH_LEAD_MS,
    });
    expect(decideRefresh({ now: T0 + 2 * MINUTE, times: short, lastActivityAt: T0 })).toEqual({
      kind: 'session-over',
    });
  });

  it('copes with unreadable times', () => {
    expect(
      decideRefresh({
        now: T0,
        times: sessionTimes({ access_expires_at: 'soon', session_expires_at: 'later' }),
        lastActivityAt: T0,
      }).kind,
    ).toBe('wait');
  });
});

describe('createRefreshController', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function fiveMinutesFrom(now: number): SessionTimes {
    return { accessExpiresAt: now + 5 * MINUTE, sessionExpiresAt: T0 + 12 * 60 * MINUTE };
  }

  it('keeps an active person signed in', async () => {
    const refresh = vi.fn(() => Promise.resolve(fiveMinutesFrom(Date.now())));
    const onExpired = vi.fn();
    const controller = createRefreshController({ refresh, onExpired });
    controller.start(fiveMinutesFrom(T0));

    for (let minute = 1; minute <= 12; minute += 1) {
      await vi.advanceTimersByTimeAsync(MINUTE);
      controller.noteActivity();
    }
    // Due at 4, 8 and 12 minutes (5-minute tokens, refreshed 1 minute early).
    expect(refresh).toHaveBeenCalledTimes(3);
    expect(onExpired).not.toHaveBeenCalled();
    expect(controller.state).toBe('waiting');
  });

  it('does not refresh an idle tab, and resumes on the next input', async () => {
    const refresh = vi.fn(() => Promise.resolve(fiveMinutesFrom(Date.now())));
    const controller = createRefreshController({ refresh, onExpired: vi.fn() });
    controller.start(fiveMinutesFrom(T0));

    await vi.advanceTimersByTimeAsync(30 * MINUTE);
    // Signing in counts as input: one refresh at minute 4, none after.
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(controller.state).toBe('idle');

    controller.noteActivity();
    await vi.advanceTimersByTimeAsync(0);
    expect(refresh).toHaveBeenCalledTimes(2);
    expect(controller.state).toBe('waiting');
  });

  it('refreshes at the due time when the last input was recent enough', async () => {
    const refresh = vi.fn(() => Promise.resolve(fiveMinutesFrom(Date.now())));
    const controller = createRefreshController({ refresh, onExpired: vi.fn() });
    controller.start(fiveMinutesFrom(T0));
    await vi.advanceTimersByTimeAsync(1 * MINUTE);
    controller.noteActivity(); // input at minute 1, due at minute 4: within 4 minutes
    await vi.advanceTimersByTimeAsync(3 * MINUTE);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('signs out when the server says the session is over', async () => {
    const refresh = vi.fn(() => Promise.resolve(null));
    const onExpired = vi.fn();
    const controller = createRefreshController({ refresh, onExpired });
    controller.start(fiveMinutesFrom(T0));
    controller.noteActivity();
    await vi.advanceTimersByTimeAsync(4 * MINUTE);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(onExpired).toHaveBeenCalledTimes(1);
    expect(controller.state).toBe('stopped');
  });

  it('sends a person back from an idle tab whose session is over, without asking', async () => {
    const refresh = vi.fn(() => Promise.resolve(null));
    const onExpired = vi.fn();
    const controller = createRefreshController({ refresh, onExpired, activeWindowMs: 0 });
    controller.start({ accessExpiresAt: T0 + 5 * MINUTE, sessionExpiresAt: T0 + 10 * MINUTE });
    await vi.advanceTimersByTimeAsync(11 * MINUTE);
    expect(controller.state).toBe('idle');
    controller.noteActivity();
    expect(onExpired).toHaveBeenCalledTimes(1);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('retries after a network failure', async () => {
    const refresh = vi
      .fn<() => Promise<SessionTimes | null>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockImplementation(() => Promise.resolve(fiveMinutesFrom(Date.now())));
    const onExpired = vi.fn();
    const controller = createRefreshController({ refresh, onExpired });
    controller.start(fiveMinutesFrom(T0));
    await vi.advanceTimersByTimeAsync(4 * MINUTE);
    expect(refresh).toHaveBeenCalledTimes(1);
    controller.noteActivity();
    await vi.advanceTimersByTimeAsync(RETRY_AFTER_ERROR_MS);
    expect(refresh).toHaveBeenCalledTimes(2);
    expect(onExpired).not.toHaveBeenCalled();
  });

  it('shares one refresh between concurrent callers', async () => {
    let resolve: (times: SessionTimes) => void = () => undefined;
    const refresh = vi.fn(
      () =>
        new Promise<SessionTimes>((done) => {
          resolve = done;
        }),
    );
    const controller = createRefreshController({ refresh, onExpired: vi.fn() });
    controller.start(fiveMinutesFrom(T0));
    const first = controller.refreshNow();
    const second = controller.refreshNow();
    resolve(fiveMinutesFrom(Date.now()));
    expect(await first).toBe(true);
    expect(await second).toBe(true);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('does nothing after stop', async () => {
    const refresh = vi.fn(() => Promise.resolve(fiveMinutesFrom(Date.now())));
    const controller = createRefreshController({ refresh, onExpired: vi.fn() });
    controller.start(fiveMinutesFrom(T0));
    controller.stop();
    controller.noteActivity();
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(refresh).not.toHaveBeenCalled();
  });
});
