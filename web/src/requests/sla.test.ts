import { describe, expect, it } from 'vitest';
import { describeClock, formatSpan } from './sla';

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
