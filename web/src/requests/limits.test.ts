import { describe, expect, it } from 'vitest';
import { lengthHint } from './limits';

describe('lengthHint', () => {
  it('states the limit, then what is left, then how far over', () => {
    expect(lengthHint('short', 200)).toBe('Up to 200 characters.');
    expect(lengthHint('x'.repeat(170), 200)).toBe('30 characters left.');
    expect(lengthHint('x'.repeat(205), 200)).toBe('5 characters over the limit of 200.');
    expect(lengthHint('', 20_000)).toBe('Up to 20,000 characters.');
  });
});
