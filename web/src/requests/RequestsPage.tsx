import { isAgent, useMe } from '../api/me';
import { Link } from '../router/Link';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { RequestListView } from './RequestListView';

/** `/requests`: every request the caller may see (their own; an agent's categories too). */
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
      <RequestListView scope="all" basePath="/requests" />
    </>
  );
}
