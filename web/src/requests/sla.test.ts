import { describe, expect, it } from 'vitest';
import { describeClock, formatSpan, listClock } from './sla';

const now = Date.parse('2026-12-03T10:00:00Z');

describe('SLA clock words', () => {
  it.each([
    [30 * 60_000, '30 min'],
    [2 * 3_600_000, '2 h'],
    [72 * 3_600_000, '3 d'],
    [10_000, '1 min'],
  ])('formatSpan(%d) is %s', (ms, words) => {
    expect(formatSpan(ms)).toBe(words);
  });

  it.each([
    ['running', '2026-12-03T12:00:00Z', null, 'Due in 2 h'],
    ['at_risk', '2026-12-03T10:35:00Z', null, 'Due in 35 min'],
    ['breached', '2026-12-03T09:25:00Z', null, 'Overdue 35 min'],
    ['breached', '2026-12-03T09:00:00Z', '2026-12-03T09:30:00Z', 'Missed by 30 min'],
    ['met', '2026-12-03T12:00:00Z', '2026-12-03T10:00:00Z', 'Met, 2 h before due'],
    ['paused', null, null, 'Paused: waiting on the requester'],
    ['none', null, null, 'No target'],
  ])('%s due %s done %s reads "%s"', (state, due, done, words) => {
    expect(describeClock(state, due, done, now)).toBe(words);
  });
});

describe('the clock a list shows', () => {
  const row = {
    first_response_state: 'met',
    first_response_due_at: '2026-12-03T09:00:00Z',
    first_responded_at: '2026-12-03T08:30:00Z',
    resolution_state: 'running',
    resolution_due_at: '2026-12-03T12:00:00Z',
    waiting_on_requester_since: null,
  };

  it('shows the resolution once someone has answered', () => {
    expect(listClock(row, false, now)).toEqual({ tone: 'due', text: 'Due in 2 h' });
    expect(
      listClock(
        { ...row, resolution_state: 'breached', resolution_due_at: '2026-12-03T09:25:00Z' },
        false,
        now,
      ),
    ).toEqual({ tone: 'overdue', text: 'Overdue 35 min' });
    expect(
      listClock(
        { ...row, resolution_state: 'at_risk', resolution_due_at: '2026-12-03T10:20:00Z' },
        false,
        now,
      ),
    ).toEqual({ tone: 'at_risk', text: 'Due in 20 min' });
  });

  it('shows the first response while nobody has answered', () => {
    const waiting = { ...row, first_responded_at: null, first_response_state: 'running' };
    expect(
      listClock({ ...waiting, first_response_due_at: '2026-12-03T10:45:00Z' }, false, now),
    ).toEqual({ tone: 'due', text: 'Reply due in 45 min' });
    expect(
      listClock(
        {
          ...waiting,
          first_response_state: 'breached',
          first_response_due_at: '2026-12-03T09:25:00Z',
        },
        false,
        now,
      ),
    ).toEqual({ tone: 'overdue', text: 'Reply overdue 35 min' });
  });

  it('falls back to the resolution when the first response has no target', () => {
    expect(
      listClock(
        {
          ...row,
          first_responded_at: null,
          first_response_state: 'none',
          first_response_due_at: null,
        },
        false,
        now,
      )?.text,
    ).toBe('Due in 2 h');
  });

  it('an answer given late does not read as overdue', () => {
    expect(listClock({ ...row, first_response_state: 'breached' }, false, now)?.text).toBe(
      'Due in 2 h',
    );
  });

  it('says paused while waiting on the requester', () => {
    expect(
      listClock(
        { ...row, resolution_state: 'paused', waiting_on_requester_since: '2026-12-03T08:00:00Z' },
        false,
        now,
      ),
    ).toEqual({ tone: 'paused', text: 'Paused: waiting on the requester' });
  });

  it('shows nothing for a closed request or one without targets', () => {
    expect(listClock({ ...row, resolution_state: 'breached' }, true, now)).toBeNull();
    expect(
      listClock({ ...row, resolution_state: 'none', resolution_due_at: null }, false, now),
    ).toBeNull();
  });
});
