import { isAgent, useMe } from '../api/me';
import { Link } from '../router/Link';
import { EmptyState } from '../ui/States';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { LIST_DEFAULTS } from './listParams';
import { RequestListView, type ListKind } from './RequestListView';

/** Every request the caller may see (their own; an agent's categories; an admin's all). */
export function everyRequestKind(basePath: string): ListKind {
  return {
    basePath,
    defaults: LIST_DEFAULTS,
    views: [{ view: 'all', label: 'Requests', scope: 'all' }],
    showRequester: true,
    take: false,
    empty: <EmptyState title="There are no requests yet." />,
  };
}

/** `/requests`: every request the caller may see, in any status. */
export function RequestsPage() {
  useDocumentTitle('Requests');
  const me = useMe();
  return (
    <>
      <div className="page-head">
        <h1>Requests</h1>
        <Link href="/requests/new" className="button button-primary">
          New request
        </Link>
      </div>
      <p className="muted">
        {isAgent(me) || me.is_admin
          ? 'Every request you can see: your own and those of the categories you work, in any status.'
          : 'Every request you can see. Yours are also under My requests.'}
      </p>
      <RequestListView kind={everyRequestKind('/requests')} />
    </>
  );
}
