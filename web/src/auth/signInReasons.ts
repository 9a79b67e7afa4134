/**
 * authsvc sends a refused browser sign-in back to `/signin?reason=<error code>`
 * (authsvc/errors.py); say what happened and what to do.
 */
const SIGN_IN_FAILURES: Partial<Record<string, string>> = {
  sign_in_failed: 'Signing in with Microsoft did not work. Please try again.',
  sign_in_expired:
    'That sign-in took too long or was already used. Please start again with “Sign in with Microsoft”.',
  sign_in_refused: 'Your account may not sign in to Reqstly. Ask your administrator.',
  identity_provider_unavailable:
    'Microsoft sign-in could not be reached. Please try again in a moment.',
  rate_limited: 'Too many sign-in attempts. Please wait a minute and try again.',
  database_unavailable: 'Reqstly cannot reach its database right now. Please try again shortly.',
  unsafe_redirect: 'Signing in did not work because of a bad link. Please start again from here.',
};

export function signInFailure(reason: string): string {
  return (
    SIGN_IN_FAILURES[reason] ??
    `Signing in did not work (${reason.replace(/[^a-z_]/g, '').slice(0, 40) || 'unknown reason'}). Please try again.`
  );
}
