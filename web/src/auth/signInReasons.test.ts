import { describe, expect, it } from 'vitest';
import { signInFailure } from './signInReasons';

describe('signInFailure', () => {
  it('explains the reasons authsvc sends back', () => {
    expect(signInFailure('sign_in_failed')).toMatch(/did not work/);
    expect(signInFailure('sign_in_expired')).toMatch(/took too long or was already used/);
    expect(signInFailure('sign_in_refused')).toMatch(/Ask your administrator/);
  });

  it('names an unknown reason without echoing anything else', () => {
    expect(signInFailure('new_code')).toBe('Signing in did not work (new_code). Please try again.');
    expect(signInFailure('<b>x</b>')).toBe('Signing in did not work (bxb). Please try again.');
  });
});
