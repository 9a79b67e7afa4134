import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { describeError } from '../api/errors';
import {
  conditionalMediationAvailable,
  isAbort,
  PasskeyUnavailable,
  passkeysSupported,
  signInWithPasskey,
} from '../passkeys/webauthn';
import { azureLoginUrl } from '../router/routes';
import { Notice } from '../ui/States';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import type { LocalMode } from './authApi';
import { signInFailure } from './signInReasons';
import { completeSignIn } from './store';

export function SignInPage({
  next,
  reason,
  localMode,
}: {
  next: string;
  reason: string | null;
  localMode: LocalMode;
}) {
  useDocumentTitle('Sign in');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const conditional = useRef<AbortController | null>(null);
  const supported = passkeysSupported();

  // Offer passkeys in the username field's autofill while the page is open.
  useEffect(() => {
    const controller = new AbortController();
    const aborted = () => controller.signal.aborted;
    conditional.current = controller;
    void (async () => {
      if (!(await conditionalMediationAvailable()) || aborted()) return;
      try {
        await signInWithPasskey({ conditional: true, signal: controller.signal });
        await completeSignIn(next);
      } catch (failure) {
        if (isAbort(failure) || aborted() || failure instanceof PasskeyUnavailable) return;
        setError(describeError(failure));
      }
    })();
    return () => {
      controller.abort();
    };
  }, [next]);

  const usePasskey = async (event: SubmitEvent) => {
    event.preventDefault();
    // Only one WebAuthn request may be pending: stop the autofill offer first.
    conditional.current?.abort();
    setError(null);
    setBusy(true);
    try {
      await signInWithPasskey({ conditional: false });
      await completeSignIn(next);
    } catch (failure) {
      if (!isAbort(failure)) setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="signin" tabIndex={-1}>
      <div className="signin-card">
        <p className="brand brand-large" aria-hidden="true">
          Reqstly
        </p>
        <h1>Sign in to Reqstly</h1>
        {reason === 'expired' && (
          <Notice tone="info">Your session has ended. Sign in again to continue.</Notice>
        )}
        {reason === 'signed-out' && <Notice tone="success">You have signed out.</Notice>}
        {reason && reason !== 'expired' && reason !== 'signed-out' && (
          <Notice tone="error">{signInFailure(reason)}</Notice>
        )}
        {!reason && next !== '/' && <p className="muted">Sign in to continue where you were.</p>}
        <button
          type="button"
          className="button button-primary button-wide"
          onClick={() => {
            window.location.assign(azureLoginUrl(next));
          }}
        >
          Sign in with Microsoft
        </button>
        <p className="divider">
          <span>or</span>
        </p>
        <form className="stack" onSubmit={usePasskey} noValidate>
          <div className="field">
            <label htmlFor="signin-username">Username</label>
            <p className="field-hint" id="signin-username-hint">
              {supported
                ? 'Pick your passkey from the suggestions, or use the button.'
                : 'This browser cannot use passkeys. Sign in with Microsoft instead.'}
            </p>
            <input
              id="signin-username"
              name="username"
              type="text"
              autoComplete="username webauthn"
              autoCapitalize="none"
              spellCheck={false}
              aria-describedby="signin-username-hint"
            />
          </div>
          <button
            type="submit"
            className="button button-wide"
            disabled={!supported || busy}
            aria-busy={busy}
          >
            {busy ? 'Waiting for your passkey…' : 'Sign in with a passkey'}
          </button>
        </form>
        {error && <Notice tone="error">{error}</Notice>}
        {localMode.local && (
          <aside className="demo-note" aria-labelledby="demo-note-title">
            <h2 id="demo-note-title">Local demo</h2>
            <p>
              “Sign in with Microsoft” opens a stand-in sign-in page. Type one of the demo people:
            </p>
            <ul>
              {localMode.demoPeople.map((name) => (
                <li key={name}>
                  <code>{name}</code>
                  {DEMO_ROLES[name] ? ` — ${DEMO_ROLES[name]}` : ''}
                </li>
              ))}
            </ul>
          </aside>
        )}
      </div>
    </main>
  );
}

const DEMO_ROLES: Partial<Record<string, string>> = {
  alice: 'requester',
  ivan: 'IT agent',
  hana: 'HR agent',
  olga: 'Ops and Admin agent',
  admin: 'administrator',
};
