import { keys } from '../api/keys';
import { useResource } from '../api/resource';
import type { RequestRow } from '../api/types';
import { EmptyState, Loaded } from '../ui/States';
import { Time } from '../ui/Time';
import { loadHistory } from './api';
import { actionLabel, describeChanges } from './history';
import { useCategories, usePeople } from './usePeople';

export function HistorySection({ request }: { request: RequestRow }) {
  const key = keys.history(request.id);
  const history = useResource(key, () => loadHistory(request.id));
  const people = usePeople();
  const categories = useCategories();
  return (
    <section aria-labelledby="history-heading" className="card">
      <h2 id="history-heading">History</h2>
      <Loaded resource={history} resourceKey={key} loadingLabel="Loading the history…">
        {(entries) =>
          entries.length === 0 ? (
            <EmptyState title="No history yet." />
          ) : (
            <ol className="timeline" aria-label="History entries">
              {entries.map((entry) => {
                const lines = describeChanges(entry.changes, { people: people.index, categories });
                return (
                  <li key={entry.id} className="timeline-entry">
                    <p className="timeline-head">
                      <strong>{entry.actor_name ?? 'The system'}</strong> ·{' '}
                      {actionLabel(entry.action)} · <Time value={entry.at} />
                      {entry.internal && <span className="badge badge-internal">Internal</span>}
                    </p>
                    {lines.length > 0 && (
                      <ul className="changes">
                        {lines.map((line) => (
                          <li key={line.column}>
                            {line.label}:{' '}
                            {line.from === null ? (
                              <span className="change-value">{line.to}</span>
                            ) : (
                              <>
                                <del>{line.from}</del>
                                <span aria-hidden="true"> → </span>
                                <span className="sr-only"> changed to </span>
                                <ins>{line.to}</ins>
                              </>
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                );
              })}
            </ol>
          )
        }
      </Loaded>
    </section>
  );
}
