import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, parseLocalMode, parseSession } from './authApi';

describe('parseLocalMode', () => {
  it('is off when nothing says local', () => {
    expect(parseLocalMode(null)).toEqual({ local: false, demoPeople: [] });
    expect(parseLocalMode({ error: 'unauthenticated', message: 'Sign in.' })).toEqual({
      local: false,
      demoPeople: [],
    });
    expect(parseLocalMode('local')).toEqual({ local: false, demoPeople: [] });
  });

  it('accepts the ways authsvc may say it', () => {
    expect(parseLocalMode({ local: true })).toEqual({ local: true, demoPeople: DEMO_PEOPLE });
    expect(parseLocalMode({ mode: 'local' }).local).toBe(true);
    expect(parseLocalMode({ local_mode: true }).local).toBe(true);
    expect(parseLocalMode({ demo_people: ['alice', { username: 'ivan' }, 3] })).toEqual({
      local: true,
      demoPeople: ['alice', 'ivan'],
    });
  });
});

describe('parseSession', () => {
  it('reads the session answer', () => {
    expect(
      parseSession({
        person: { id: 'p1', display_name: 'Alice' },
        method: 'passkey',
        access_expires_at: '2026-01-01T10:05:00Z',
        session_expires_at: '2026-01-01T22:00:00Z',
      }),
    ).toEqual({
      person: { id: 'p1', display_name: 'Alice' },
      method: 'passkey',
      access_expires_at: '2026-01-01T10:05:00Z',
      session_expires_at: '2026-01-01T22:00:00Z',
    });
  });

  it('refuses an answer without expiry times', () => {
    expect(parseSession({ person: {} })).toBeNull();
    expect(parseSession([])).toBeNull();
  });
});
