import { useQuery } from '@tanstack/react-query';
import type { RequestRow } from '../api/database';
import { useCategories, usePeople, useStatuses } from '../api/reference';
import { EmptyState, Loaded } from '../ui/States';
import { Time } from '../ui/Time';
import { historyQuery } from './api';
import { actionLabel, describeChanges } from './history';

export function HistorySection({ request }: { request: RequestRow }) {
  const history = useQuery(historyQuery(request.id));
  const people = usePeople();
  const categories = useCategories();
  const statuses = useStatuses();
  return (
    <section aria-labelledby="history-heading" className="card">
      <h2 id="history-heading">History</h2>
      <Loaded query={history} loadingLabel="Loading the history…">
        {(entries) =>
          entries.length === 0 ? (
            <EmptyState title="No history yet." />
          ) : (
            <ol className="timeline" aria-label="History entries">
              {entries.map((entry) => {
                const lines = describeChanges(entry.changes, {
                  people: people.index,
                  categories,
                  statuses,
                });
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
