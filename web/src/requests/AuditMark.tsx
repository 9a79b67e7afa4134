import { useQuery } from '@tanstack/react-query';
import type { RequestId } from '../api/database';
import { auditQuery } from './api';

/** Whether the request's audit chain is intact (`api.verify_audit`). */
export function AuditMark({ requestId }: { requestId: RequestId }) {
  const verdict = useQuery(auditQuery(requestId));
  if (verdict.isPending) {
    return (
      <p className="audit audit-pending" role="status">
        Checking the history…
      </p>
    );
  }
  if (verdict.isError || !verdict.data) {
    return (
      <p className="audit audit-unknown" role="status" data-testid="audit-mark">
        The history could not be checked just now.
      </p>
    );
  }
  const { ok, entries, first_bad_entry, reason } = verdict.data;
  if (ok) {
    return (
      <p className="audit audit-ok" role="status" data-testid="audit-mark">
        <span aria-hidden="true">✓ </span>History verified
        <span className="muted">
          {' '}
          ({entries} {entries === 1 ? 'entry' : 'entries'}, none altered)
        </span>
      </p>
    );
  }
  return (
    <p className="audit audit-bad" role="alert" data-testid="audit-mark">
      <span aria-hidden="true">⚠ </span>History check failed
      {first_bad_entry !== null ? ` at entry ${first_bad_entry}` : ''}
      {reason ? `: ${reason}` : '.'} Tell an administrator.
    </p>
  );
}
