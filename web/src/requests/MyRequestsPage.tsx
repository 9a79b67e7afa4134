import { Link } from '../router/Link';
import { EmptyState } from '../ui/States';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { LIST_DEFAULTS } from './listParams';
import { RequestListView, type ListKind } from './RequestListView';

/** The requests the caller filed: `/` for requesters, `/my-requests` for everyone. */
export function MyRequestsPage({ basePath }: { basePath: string }) {
  useDocumentTitle('My requests');
  const kind: ListKind = {
    basePath,
    defaults: LIST_DEFAULTS,
    views: [{ view: 'all', label: 'My requests', scope: 'mine' }],
    showRequester: false,
    take: false,
    empty: (
      <EmptyState title="You have not filed any requests yet.">
        <p>
          Need something from IT, Ops, Admin or HR?{' '}
          <Link href="/requests/new">File a new request</Link>.
        </p>
      </EmptyState>
    ),
  };
  return (
    <>
      <div className="page-head">
        <h1>My requests</h1>
        <Link href="/requests/new" className="button button-primary">
          New request
        </Link>
      </div>
      <RequestListView kind={kind} />
    </>
  );
}
