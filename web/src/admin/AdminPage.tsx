import { useMe } from '../api/me';
import { RequestListView } from '../requests/RequestListView';
import { everyRequestKind } from '../requests/RequestsPage';
import { Link } from '../router/Link';
import { ADMIN_SECTIONS, hrefFor, type AdminSection } from '../router/routes';
import { EmptyState } from '../ui/States';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { PeopleAdmin } from './PeopleAdmin';
import { TeamsAdmin } from './TeamsAdmin';
import { TransitionsTable } from './TransitionsTable';

const LABELS: Record<AdminSection, string> = {
  requests: 'All requests',
  people: 'People',
  teams: 'Teams',
  transitions: 'Status rules',
};

export default function AdminPage({ section }: { section: AdminSection }) {
  useDocumentTitle(`Admin · ${LABELS[section]}`);
  const me = useMe();
  if (!me.is_admin) {
    return (
      <>
        <h1>Admin</h1>
        <EmptyState title="Only administrators can open these screens.">
          <p>
            Go back to <Link href="/">your requests</Link>.
          </p>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <h1>Admin</h1>
      <nav aria-label="Admin" className="tabs">
        <ul>
          {ADMIN_SECTIONS.map((name) => (
            <li key={name}>
              <Link
                href={hrefFor({ name: 'admin', section: name })}
                aria-current={name === section ? 'page' : undefined}
              >
                {LABELS[name]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2 className="sr-only">{LABELS[section]}</h2>
      {section === 'requests' && <RequestListView kind={everyRequestKind('/admin/requests')} />}
      {section === 'people' && <PeopleAdmin />}
      {section === 'teams' && <TeamsAdmin />}
      {section === 'transitions' && <TransitionsTable />}
    </>
  );
}
