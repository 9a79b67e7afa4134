import { describe, expect, it, vi } from 'vitest';
import { LEAVE_MESSAGE, confirmLeave, holdUnsent } from './leaveGuard';

describe('confirmLeave', () => {
  it('lets people leave without asking when nothing is unsent', () => {
    const ask = vi.fn(() => false);
    expect(confirmLeave(ask)).toBe(true);
    expect(ask).not.toHaveBeenCalled();
  });

  it('asks while a form holds unsent text, and follows the answer', () => {
    const release = holdUnsent();
    const ask = vi.fn((_message: string) => false);
    expect(confirmLeave(ask)).toBe(false);
    expect(ask).toHaveBeenCalledWith(LEAVE_MESSAGE);
    expect(confirmLeave(() => true)).toBe(true);
    release();
    expect(confirmLeave(() => false)).toBe(true);
  });
});
