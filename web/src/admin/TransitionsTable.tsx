import { useQuery } from '@tanstack/react-query';
import { statusLabel, useStatuses } from '../api/reference';
import { EmptyState, Loaded } from '../ui/States';
import { statusTransitionsQuery } from './api';

function yesNo(value: boolean) {
  return value ? (
    <span className="yes">
      <span aria-hidden="true">✓ </span>Yes
    </span>
  ) : (
    <span className="no">No</span>
  );
}

/** The allowed moves, read-only: an organisation changes them in psql. */
export function TransitionsTable() {
  const transitions = useQuery(statusTransitionsQuery);
  const statuses = useStatuses();
  return (
    <section aria-label="Status rules">
      <p className="muted">
        The moves a request may make and who may make each. Change them in the database (psql);
        every path into the data follows them.
      </p>
      <Loaded query={transitions} loadingLabel="Loading the status rules…">
        {(rows) =>
          rows.length === 0 ? (
            <EmptyState title="No moves are allowed at all." />
          ) : (
            <div
              className="table-scroll"
              tabIndex={0}
              role="region"
              aria-label="Status rules table"
            >
              <table className="table">
                <caption className="sr-only">Allowed status changes</caption>
                <thead>
                  <tr>
                    <th scope="col">From</th>
                    <th scope="col">To</th>
                    <th scope="col">Requester</th>
                    <th scope="col">Agent</th>
                    <th scope="col">Admin</th>
                    <th scope="col">Note required</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={`${row.from_status}>${row.to_status}`}>
                      <th scope="row">{statusLabel(statuses, row.from_status)}</th>
                      <td>{statusLabel(statuses, row.to_status)}</td>
                      <td>{yesNo(row.allow_requester)}</td>
                      <td>{yesNo(row.allow_agent)}</td>
                      <td>{yesNo(row.allow_admin)}</td>
                      <td>{yesNo(row.note_required)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </section>
  );
}
