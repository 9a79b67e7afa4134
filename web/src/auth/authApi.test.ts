import { describe, expect, it } from 'vitest';
import { parseLocalMode, parseSession } from './authApi';

describe('parseLocalMode', () => {
  it('is off unless /auth/config says local_mode', () => {
    expect(parseLocalMode(null)).toEqual({ local: false, demoPeople: [] });
    expect(parseLocalMode({ local_mode: false, demo_people: ['alice'] })).toEqual({
      local: false,
      demoPeople: [],
    });
  });

  it('lists the demo people authsvc names', () => {
    expect(parseLocalMode({ local_mode: true, demo_people: ['alice', 'ivan', 3] })).toEqual({
      local: true,
      demoPeople: ['alice', 'ivan'],
    });
    expect(parseLocalMode({ local_mode: true })).toEqual({ local: true, demoPeople: [] });
  });
});

describe('parseSession', () => {
  const answer = {
    person: { id: '6f1c5c3e-0000-4000-8000-000000000001', display_name: 'Alice', email: null },
    method: 'passkey',
    access_expires_at: '2026-01-01T10:05:00Z',
    session_expires_at: '2026-01-01T22:00:00Z',
  };

  it('reads the session answer', () => {
    expect(parseSession(answer)).toEqual(answer);
  });

  it('refuses an answer without a person or expiry times', () => {
    expect(parseSession({ ...answer, person: {} })).toBeNull();
    expect(parseSession({ ...answer, access_expires_at: undefined })).toBeNull();
    expect(parseSession([])).toBeNull();
  });
});
