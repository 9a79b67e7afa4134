import { isAgent, useMe } from '../api/me';
import { EmptyState } from '../ui/States';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { QUEUE_DEFAULTS } from './listParams';
import { RequestListView, type ListKind, type ListView } from './RequestListView';

const AGENT_VIEWS: readonly [ListView, ...ListView[]] = [
  { view: 'all', label: 'All in my categories', scope: 'my_categories' },
  { view: 'unassigned', label: 'Unassigned in my categories', scope: 'unassigned' },
  { view: 'assigned', label: 'Assigned to me', scope: 'assigned_to_me' },
];

/**
 * `/queue`, an agent's home (`/` brings them here): the work of their
 * categories, most urgent first, with Take and Take over. An administrator
 * who works no category sees every request.
 */
export function QueuePage() {
  useDocumentTitle('Queue');
  const me = useMe();
  const agent = isAgent(me);
  if (!agent && !me.is_admin) {
    return (
      <>
        <h1>Queue</h1>
        <EmptyState title="You are not an agent of any category.">
          <p>An administrator can add you to a team. Your own requests are under My requests.</p>
        </EmptyState>
      </>
    );
  }
  const kind: ListKind = {
    basePath: '/queue',
    defaults: QUEUE_DEFAULTS,
    views: agent ? AGENT_VIEWS : [{ view: 'all', label: 'All requests', scope: 'all' }],
    showRequester: true,
    take: agent,
    ...(agent ? { categoryCodes: me.agent_categories ?? [] } : {}),
    empty: (
      <EmptyState title="Nothing to do here.">
        <p>New requests of your categories appear here, most urgent first.</p>
      </EmptyState>
    ),
  };
  return (
    <>
      <div className="page-head">
        <h1>Queue</h1>
      </div>
      <RequestListView kind={kind} />
    </>
  );
}
