import { describe, expect, it } from 'vitest';
import { checkRequestText, lengthHint } from './limits';

describe('lengthHint', () => {
  it('states the limit, then what is left, then how far over', () => {
    expect(lengthHint('short', 200)).toBe('Up to 200 characters.');
    expect(lengthHint('x'.repeat(170), 200)).toBe('30 characters left.');
    expect(lengthHint('x'.repeat(205), 200)).toBe('5 characters over the limit of 200.');
    expect(lengthHint('', 20_000)).toBe('Up to 20,000 characters.');
  });
});

describe('checkRequestText', () => {
  it('finds every problem at once', () => {
    expect(checkRequestText({ title: ' ', description: 'x'.repeat(20_001) })).toEqual({
      title: 'Give the request a title.',
      description: 'The description is 20001 characters long; the limit is 20000.',
    });
    expect(checkRequestText({ title: 'Printer', description: '' })).toEqual({});
  });
});
