import { Link } from '../router/Link';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { RequestListView } from './RequestListView';

export function MyRequestsPage() {
  useDocumentTitle('My requests');
  return (
    <>
      <div className="page-head">
        <h1>My requests</h1>
        <Link href="/requests/new" className="button button-primary">
          New request
        </Link>
      </div>
      <RequestListView scope="mine" basePath="/" />
    </>
  );
}
