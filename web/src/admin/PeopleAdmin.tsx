import { useState } from 'react';
import { describeError } from '../api/errors';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Person } from '../api/database';
import { peopleKey } from '../api/keys';
import { useMe } from '../api/me';
import { categoryName, peopleQuery, useCategories } from '../api/reference';
import { EmptyState, Loaded, Notice } from '../ui/States';
import { Time } from '../ui/Time';
import { disablePerson, setAdmin, teamMembersQuery } from './api';

type Message = { tone: 'success' | 'error'; text: string } | null;

export function PeopleAdmin() {
  const people = useQuery(peopleQuery);
  const [message, setMessage] = useState<Message>(null);
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();

  return (
    <section aria-label="People">
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <div className="field field-inline">
        <label htmlFor="people-filter">Find a person</label>
        <input
          id="people-filter"
          type="search"
          value={filter}
          onChange={(event) => {
            setFilter(event.target.value);
          }}
          placeholder="Name or email"
        />
      </div>
      <Loaded query={people} loadingLabel="Loading people…">
        {(rows) => {
          const shown = rows.filter(
            (person) =>
              !needle ||
              person.display_name.toLowerCase().includes(needle) ||
              (person.email ?? '').toLowerCase().includes(needle),
          );
          return shown.length === 0 ? (
            <EmptyState title="Nobody matches." />
          ) : (
            <ul className="rows" aria-label="People">
              {shown.map((person) => (
                <PersonRow key={person.id} person={person} onMessage={setMessage} />
              ))}
            </ul>
          );
        }}
      </Loaded>
    </section>
  );
}

function PersonRow({ person, onMessage }: { person: Person; onMessage: (m: Message) => void }) {
  const me = useMe();
  const categories = useCategories();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const queryClient = useQueryClient();
  // The admin flag as just set, until the reloaded list says otherwise.
  const serverAdmin = Boolean(person.is_admin);
  const [pending, setPending] = useState<{ value: boolean; over: boolean } | null>(null);
  const adminChecked = pending && pending.over === serverAdmin ? pending.value : serverAdmin;
  const disabled = Boolean(person.disabled_at);
  const isMe = person.id === me.id;

  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    onMessage(null);
    try {
      await work();
      onMessage({ tone: 'success', text: done });
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: peopleKey });
      void queryClient.invalidateQueries(teamMembersQuery);
    } catch (error) {
      setPending(null);
      onMessage({ tone: 'error', text: describeError(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className={disabled ? 'row row-disabled' : 'row'}>
      <div className="row-main">
        <p className="row-title">
          {person.display_name}
          {person.is_admin && <span className="badge">Admin</span>}
          {disabled && <span className="badge badge-cancelled">Disabled</span>}
          {person.rights_from_entra && <span className="badge">Rights from Entra ID</span>}
        </p>
        <p className="row-meta">
          {person.email ?? 'No email'}
          {(person.agent_categories ?? []).length > 0 &&
            ` · agent for ${(person.agent_categories ?? [])
              .map((code) => categoryName(categories, code))
              .join(', ')}`}
          {disabled && (
            <>
              {' '}
              · disabled <Time value={person.disabled_at} />
            </>
          )}
          {person.rights_from_entra && (
            <> · their admin and agent rights follow their Entra ID app roles</>
          )}
        </p>
      </div>
      <div className="row-actions">
        <div className="checkbox">
          <input
            id={`admin-${person.id}`}
            type="checkbox"
            aria-label={`Administrator: ${person.display_name}`}
            checked={adminChecked}
            disabled={busy || disabled || isMe || Boolean(person.rights_from_entra)}
            onChange={(event) => {
              const value = event.target.checked;
              setPending({ value, over: serverAdmin });
              void act(
                () => setAdmin(person.id, value),
                value
                  ? `${person.display_name} is now an administrator.`
                  : `${person.display_name} is no longer an administrator.`,
              );
            }}
          />
          <label htmlFor={`admin-${person.id}`}>Administrator</label>
        </div>
        {!disabled && !isMe && !confirming && (
          <button
            type="button"
            className="button button-small button-danger"
            onClick={() => {
              setConfirming(true);
            }}
          >
            Disable<span className="sr-only"> {person.display_name}</span>
          </button>
        )}
      </div>
      {confirming && (
        <div
          className="confirm row-wide"
          role="group"
          aria-label={`Disable ${person.display_name}?`}
        >
          <p>
            Disable {person.display_name}? Every session of theirs ends now and they cannot sign in.
          </p>
          <button
            type="button"
            className="button button-danger"
            disabled={busy}
            onClick={() =>
              void act(() => disablePerson(person.id), `${person.display_name} is disabled.`)
            }
          >
            Yes, disable
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setConfirming(false);
            }}
          >
            Cancel
          </button>
        </div>
      )}
    </li>
  );
}
