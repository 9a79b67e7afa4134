import { describe, expect, it } from 'vitest';
import type { RequestCount } from '../api/database';
import { sumCounts } from './counts';
import {
  EMPTY_PARAMS,
  formatListParams,
  pageCount,
  pageRange,
  parseListParams,
} from './listParams';

const rows: RequestCount[] = [
  { status: 'open', category: 'IT', mine: true, assigned_to_me: false, count: 2 },
  { status: 'open', category: 'IT', mine: false, assigned_to_me: false, count: 5 },
  { status: 'in_progress', category: 'IT', mine: false, assigned_to_me: true, count: 3 },
  { status: 'resolved', category: 'HR', mine: true, assigned_to_me: false, count: 4 },
  { status: 'cancelled', category: 'OPS', mine: true, assigned_to_me: true, count: 1 },
];

describe('sumCounts', () => {
  it('sums my requests per status and in total', () => {
    expect(sumCounts(rows, { scope: 'mine' })).toEqual({
      all: 7,
      open: 2,
      resolved: 4,
      cancelled: 1,
    });
  });

  it('sums everything visible for the all scope', () => {
    expect(sumCounts(rows, { scope: 'all' })).toEqual({
      all: 15,
      open: 7,
      in_progress: 3,
      resolved: 4,
      cancelled: 1,
    });
  });

  it('restricts to a category and to my assignments', () => {
    expect(sumCounts(rows, { scope: 'all', category: 'IT' }).all).toBe(10);
    expect(sumCounts(rows, { scope: 'assigned' })).toEqual({
      all: 4,
      in_progress: 3,
      cancelled: 1,
    });
  });

  it('counts nothing from no rows', () => {
    expect(sumCounts([], { scope: 'mine' }).all).toBe(0);
  });
});

describe('list params', () => {
  it('reads and writes the URL', () => {
    const params = parseListParams(
      '?status=in_progress&category=it&priority=high&q=printer&page=3',
    );
    expect(params).toEqual({
      status: 'in_progress',
      category: 'IT',
      priority: 'high',
      q: 'printer',
      page: 3,
    });
    expect(formatListParams(params)).toBe(
      '?status=in_progress&category=IT&priority=high&q=printer&page=3',
    );
    expect(formatListParams(EMPTY_PARAMS)).toBe('');
  });

  it('drops values it does not know', () => {
    expect(parseListParams('?status=Done!&priority=meh&page=-2&category=a%20b')).toEqual(
      EMPTY_PARAMS,
    );
  });

  it('computes page ranges and counts', () => {
    expect(pageRange(1)).toEqual([0, 19]);
    expect(pageRange(3, 10)).toEqual([20, 29]);
    expect(pageCount(0)).toBe(1);
    expect(pageCount(41)).toBe(3);
    expect(pageCount(null)).toBeNull();
  });
});
