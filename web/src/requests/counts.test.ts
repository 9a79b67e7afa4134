import { describe, expect, it } from 'vitest';
import type { RequestTally, StatusRow } from '../api/database';
import { totalOf, totalsByCategory, totalsByStatus } from './counts';
import {
  LIST_DEFAULTS,
  QUEUE_DEFAULTS,
  formatListParams,
  pageCount,
  pageOffset,
  parseListParams,
  statusArgument,
  statusCodes,
} from './listParams';

const rows: RequestTally[] = [
  { category: 'HR', status: 'resolved', count: 4 },
  { category: 'IT', status: 'open', count: 7 },
  { category: 'IT', status: 'in_progress', count: 3 },
  { category: 'OPS', status: 'cancelled', count: 1 },
];

const statuses: StatusRow[] = [
  { code: 'open', label: 'Open', position: 1, is_closed: false },
  { code: 'in_progress', label: 'In progress', position: 2, is_closed: false },
  { code: 'resolved', label: 'Resolved', position: 3, is_closed: true },
  { code: 'cancelled', label: 'Cancelled', position: 4, is_closed: true },
];

describe('counts', () => {
  it('sums per status and in all, in one category or every one', () => {
    expect(totalsByStatus(rows)).toEqual({
      all: 15,
      open: 7,
      in_progress: 3,
      resolved: 4,
      cancelled: 1,
    });
    expect(totalsByStatus(rows, 'IT')).toEqual({ all: 10, open: 7, in_progress: 3 });
    expect(totalsByStatus([], 'IT')).toEqual({ all: 0 });
  });

  it('counts a tab of several statuses', () => {
    const totals = totalsByStatus(rows);
    expect(totalOf(totals, statusCodes('active', statuses))).toBe(10);
    expect(totalOf(totals, statusCodes('all', statuses))).toBe(15);
    expect(totalOf(totals, statusCodes('waiting', statuses))).toBe(0);
  });

  it('counts per category within the chosen statuses', () => {
    expect(totalsByCategory(rows, ['open', 'in_progress'])).toEqual(new Map([['IT', 10]]));
    expect(totalsByCategory(rows, null)).toEqual(
      new Map([
        ['HR', 4],
        ['IT', 10],
        ['OPS', 1],
      ]),
    );
  });
});

describe('list params', () => {
  it('reads and writes the URL', () => {
    const search =
      '?view=unassigned&status=in_progress&category=IT&priority=high&q=printer&sort=due&page=3';
    const params = parseListParams(search);
    expect(params).toEqual({
      view: 'unassigned',
      status: 'in_progress',
      category: 'IT',
      priority: 'high',
      q: 'printer',
      sort: 'due',
      page: 3,
    });
    expect(formatListParams(params)).toBe(search);
    expect(parseListParams('?category=it').category).toBe('IT');
  });

  it('leaves the defaults out of the URL, so a bare address is the default list', () => {
    expect(parseListParams('')).toEqual({
      view: 'all',
      status: 'all',
      category: null,
      priority: null,
      q: '',
      sort: 'updated',
      page: 1,
    });
    const queue = parseListParams('', QUEUE_DEFAULTS);
    expect([queue.status, queue.sort]).toEqual(['active', 'urgency']);
    expect(formatListParams(queue, QUEUE_DEFAULTS)).toBe('');
    // The queue's "All" tab and the list's "Active" tab differ from the defaults.
    expect(formatListParams({ ...queue, status: 'all' }, QUEUE_DEFAULTS)).toBe('?status=all');
    expect(formatListParams({ ...queue, status: 'active' }, LIST_DEFAULTS)).toBe(
      '?status=active&sort=urgency',
    );
  });

  it('round-trips every sort and view', () => {
    for (const sort of ['urgency', 'priority', 'age', 'newest', 'due', 'updated'] as const) {
      for (const view of ['all', 'unassigned', 'assigned'] as const) {
        const params = { ...parseListParams(''), sort, view };
        expect(parseListParams(formatListParams(params))).toEqual(params);
        const queue = { ...parseListParams('', QUEUE_DEFAULTS), sort, view };
        expect(parseListParams(formatListParams(queue, QUEUE_DEFAULTS), QUEUE_DEFAULTS)).toEqual(
          queue,
        );
      }
    }
  });

  it('drops values it does not know', () => {
    expect(
      parseListParams('?status=Done!&priority=meh&page=-2&category=a%20b&sort=random&view=x'),
    ).toEqual(parseListParams(''));
  });

  it('turns a status tab into the status argument', () => {
    expect(statusArgument('active', statuses)).toBe('open,in_progress');
    expect(statusArgument('resolved', statuses)).toBe('resolved');
    expect(statusArgument('all', statuses)).toBeUndefined();
  });

  it('computes page offsets and counts', () => {
    expect(pageOffset(1)).toBe(0);
    expect(pageOffset(3, 10)).toBe(20);
    expect(pageCount(0)).toBe(1);
    expect(pageCount(41)).toBe(3);
    expect(pageCount(null)).toBeNull();
  });
});
