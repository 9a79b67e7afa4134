import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import type { Passkey } from '../api/database';
import { describeError } from '../api/errors';
import { sessionsKey } from '../api/keys';
import { EmptyState, Loaded, Notice } from '../ui/States';
import { Time } from '../ui/Time';
import { passkeysQuery, removePasskey, renamePasskey } from './api';
import { isAbort, passkeysSupported, registerPasskey } from './webauthn';

type Message = { tone: 'success' | 'error'; text: string } | null;

export function PasskeysPanel() {
  const passkeys = useQuery(passkeysQuery);
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<Message>(null);
  const [adding, setAdding] = useState(false);
  const supported = passkeysSupported();

  const add = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const raw = new FormData(form).get('name');
    const name = (typeof raw === 'string' ? raw.trim() : '') || defaultPasskeyName();
    setAdding(true);
    setMessage(null);
    try {
      await registerPasskey(name);
      form.reset();
      setMessage({
        tone: 'success',
        text: `Passkey “${name}” added. You can now sign in with it.`,
      });
      void queryClient.invalidateQueries(passkeysQuery);
    } catch (error) {
      if (!isAbort(error)) setMessage({ tone: 'error', text: describeError(error) });
    } finally {
      setAdding(false);
    }
  };

  return (
    <section aria-labelledby="passkeys-heading" className="card">
      <h2 id="passkeys-heading">Passkeys</h2>
      <p className="muted">
        A passkey signs you in with your device’s screen lock instead of a password.
      </p>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <Loaded query={passkeys} loadingLabel="Loading your passkeys…">
        {(rows) =>
          rows.length === 0 ? (
            <EmptyState title="You have no passkeys yet." />
          ) : (
            <ul className="rows" aria-label="Your passkeys">
              {rows.map((passkey) => (
                <PasskeyRow key={passkey.id} passkey={passkey} onMessage={setMessage} />
              ))}
            </ul>
          )
        }
      </Loaded>
      {supported ? (
        <form className="inline-form" onSubmit={add} aria-label="Add a passkey">
          <div className="field field-grow">
            <label htmlFor="passkey-name">Name for the new passkey</label>
            <input
              id="passkey-name"
              name="name"
              type="text"
              placeholder={defaultPasskeyName()}
              maxLength={100}
              autoComplete="off"
            />
          </div>
          <button
            type="submit"
            className="button button-primary"
            disabled={adding}
            aria-busy={adding}
          >
            {adding ? 'Follow your browser’s prompts…' : 'Add a passkey'}
          </button>
        </form>
      ) : (
        <p className="muted">This browser cannot create passkeys.</p>
      )}
    </section>
  );
}

function PasskeyRow({ passkey, onMessage }: { passkey: Passkey; onMessage: (m: Message) => void }) {
  const [mode, setMode] = useState<'view' | 'rename' | 'remove'>('view');
  const [busy, setBusy] = useState(false);
  const name = passkey.name ?? 'Unnamed passkey';
  const queryClient = useQueryClient();

  const act = async (work: () => Promise<void>, done: string) => {
    setBusy(true);
    onMessage(null);
    try {
      await work();
      onMessage({ tone: 'success', text: done });
      setMode('view');
      // Removing a passkey ends the other sessions (Settings shows both).
      void queryClient.invalidateQueries(passkeysQuery);
      void queryClient.invalidateQueries({ queryKey: sessionsKey });
    } catch (error) {
      onMessage({ tone: 'error', text: describeError(error) });
    } finally {
      setBusy(false);
    }
  };

  const rename = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const raw = new FormData(event.currentTarget).get('name');
    const next = typeof raw === 'string' ? raw.trim() : '';
    if (!next) return;
    void act(() => renamePasskey(passkey.id, next), `Renamed to “${next}”.`);
  };

  return (
    <li className="row">
      <div className="row-main">
        <p className="row-title">{name}</p>
        <p className="row-meta">
          Added <Time value={passkey.created_at} /> · last used{' '}
          {passkey.last_used_at ? <Time value={passkey.last_used_at} /> : 'never'}
          {passkey.backed_up && <> · synced to your account</>}
        </p>
      </div>
      {mode === 'view' && (
        <div className="row-actions">
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              setMode('rename');
            }}
          >
            Rename<span className="sr-only"> {name}</span>
          </button>
          <button
            type="button"
            className="button button-small button-danger"
            onClick={() => {
              setMode('remove');
            }}
          >
            Remove<span className="sr-only"> {name}</span>
          </button>
        </div>
      )}
      {mode === 'rename' && (
        <form className="inline-form row-wide" onSubmit={rename} aria-label={`Rename ${name}`}>
          <div className="field field-grow">
            <label htmlFor={`rename-${passkey.id}`}>New name</label>
            <input
              id={`rename-${passkey.id}`}
              name="name"
              type="text"
              defaultValue={passkey.name ?? ''}
              maxLength={100}
              autoFocus
            />
          </div>
          <button type="submit" className="button button-primary" disabled={busy}>
            Save name
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setMode('view');
            }}
          >
            Cancel
          </button>
        </form>
      )}
      {mode === 'remove' && (
        <div className="confirm row-wide" role="group" aria-label={`Remove ${name}?`}>
          <p>Remove “{name}”? You will no longer sign in with it, and your other sessions end.</p>
          <button
            type="button"
            className="button button-danger"
            disabled={busy}
            onClick={() => void act(() => removePasskey(passkey.id), `Removed “${name}”.`)}
          >
            Yes, remove it
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setMode('view');
            }}
          >
            Keep it
          </button>
        </div>
      )}
    </li>
  );
}

function defaultPasskeyName(): string {
  const platform = /Android/.test(navigator.userAgent)
    ? 'Android phone'
    : /iPhone|iPad/.test(navigator.userAgent)
      ? 'iPhone'
      : /Mac OS X/.test(navigator.userAgent)
        ? 'Mac'
        : /Windows/.test(navigator.userAgent)
          ? 'Windows PC'
          : 'this device';
  return `Passkey on ${platform}`;
}
