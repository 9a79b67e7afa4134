import { useState, type SubmitEvent } from 'react';
import { describeError } from '../api/errors';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Category, Person, PersonId, TeamMember } from '../api/database';
import { peopleKey } from '../api/keys';
import { personName, useCategories, usePeople } from '../api/reference';
import { EmptyState, Loaded, Notice } from '../ui/States';
import { addTeamMember, removeTeamMember, teamMembersQuery } from './api';

type Message = { tone: 'success' | 'error'; text: string } | null;

export function TeamsAdmin() {
  const members = useQuery(teamMembersQuery);
  const everyone = usePeople().list;
  const categories = useCategories();
  const [message, setMessage] = useState<Message>(null);

  return (
    <section aria-label="Teams">
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <Loaded query={members} loadingLabel="Loading teams…">
        {(rows) => (
          <div className="team-grid">
            {categories.map((category) => (
              <Team
                key={category.code}
                category={category}
                members={rows.filter((row) => row.category === category.code)}
                people={everyone}
                onMessage={setMessage}
              />
            ))}
          </div>
        )}
      </Loaded>
    </section>
  );
}

function Team({
  category,
  members,
  people,
  onMessage,
}: {
  category: Category;
  members: TeamMember[];
  people: Person[];
  onMessage: (m: Message) => void;
}) {
  const [busy, setBusy] = useState(false);
  // The member whose removal waits for "Yes, remove".
  const [removing, setRemoving] = useState<PersonId | null>(null);
  const queryClient = useQueryClient();
  const index = new Map(people.map((person) => [person.id, person]));
  const memberIds = new Set(members.map((member) => member.user_id));
  const candidates = people.filter((person) => !memberIds.has(person.id) && !person.disabled_at);
  const headingId = `team-${category.code}`;

  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    onMessage(null);
    try {
      await work();
      onMessage({ tone: 'success', text: done });
      setRemoving(null);
      void queryClient.invalidateQueries(teamMembersQuery);
      void queryClient.invalidateQueries({ queryKey: peopleKey });
    } catch (error) {
      onMessage({ tone: 'error', text: describeError(error) });
    } finally {
      setBusy(false);
    }
  };

  const add = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const raw = new FormData(event.currentTarget).get('person');
    const person = typeof raw === 'string' ? index.get(raw) : undefined;
    if (!person) return;
    void act(
      () => addTeamMember(person.id, category.code),
      `${person.display_name} now works ${category.name} requests.`,
    );
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{category.name}</h3>
      {members.length === 0 ? (
        <EmptyState title="No agents yet." />
      ) : (
        <ul className="rows" aria-label={`${category.name} agents`}>
          {members.map((member) => {
            const name = personName(index, member.user_id);
            return (
              <li key={member.user_id} className="row">
                <p className="row-title row-main">{name}</p>
                {removing === member.user_id ? (
                  <div
                    className="confirm row-wide"
                    role="group"
                    aria-label={`Remove ${name} from ${category.name}?`}
                  >
                    <p>
                      Remove {name} from {category.name}? They will no longer work {category.name}{' '}
                      requests.
                    </p>
                    <button
                      type="button"
                      className="button button-danger"
                      aria-disabled={busy}
                      onClick={() => {
                        if (busy) return;
                        void act(
                          () => removeTeamMember(member.user_id, category.code),
                          `${name} no longer works ${category.name} requests.`,
                        );
                      }}
                    >
                      Yes, remove
                    </button>
                    <button
                      type="button"
                      className="button"
                      onClick={() => {
                        setRemoving(null);
                      }}
                    >
                      Cancel
                    </button>
                  </div>
                ) : (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => {
                      setRemoving(member.user_id);
                    }}
                  >
                    Remove
                    <span className="sr-only">
                      {' '}
                      {name} from {category.name}
                    </span>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <form className="inline-form" onSubmit={add} aria-label={`Add an agent to ${category.name}`}>
        <div className="field field-grow">
          <label htmlFor={`add-${category.code}`}>Add an agent</label>
          <select id={`add-${category.code}`} name="person" defaultValue="">
            <option value="" disabled>
              Choose a person
            </option>
            {candidates.map((person) => (
              <option key={person.id} value={person.id}>
                {person.display_name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button" disabled={busy}>
          Add<span className="sr-only"> to {category.name}</span>
        </button>
      </form>
    </section>
  );
}
