import { Link } from '../router/Link';
import { EmptyState } from '../ui/States';
import { useDocumentTitle } from '../ui/useDocumentTitle';

export function NotFoundPage() {
  useDocumentTitle('Not found');
  return (
    <>
      <h1>Page not found</h1>
      <EmptyState title="There is nothing at this address.">
        <p>
          Check the link, or go to <Link href="/">your requests</Link>.
        </p>
      </EmptyState>
    </>
  );
}
