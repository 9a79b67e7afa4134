// PostgREST calls for requests, comments, history and the status machine.
import { db, run, runPage, single, type Page } from '../api/client';
import type {
  AllowedTransition,
  AuditVerdict,
  Category,
  Comment,
  HistoryEntry,
  NewRequest,
  Person,
  PersonId,
  RequestChanges,
  RequestCount,
  RequestId,
  RequestRow,
  Status,
} from '../api/types';
import { pageRange, type ListParams } from './listParams';

export const REQUEST_COLUMNS =
  'id,key,title,description,category,priority,status,requester_id,assignee_id,created_at,updated_at,resolved_at,version';

export function loadCategories(): Promise<Category[]> {
  return run(db().from('categories').select('code,name,key_prefix').order('name'));
}

export function loadPeople(): Promise<Person[]> {
  return run(db().from('people').select('*').order('display_name'));
}

export function loadCounts(): Promise<RequestCount[]> {
  return run(db().from('request_counts').select('status,category,mine,assigned_to_me,count'));
}

export function loadRequestPage(
  params: ListParams,
  scope: { requesterId?: PersonId },
): Promise<Page<RequestRow>> {
  const [from, to] = pageRange(params.page);
  let query = db().from('requests').select(REQUEST_COLUMNS, { count: 'exact' });
  if (scope.requesterId !== undefined) query = query.eq('requester_id', scope.requesterId);
  if (params.status) query = query.eq('status', params.status);
  if (params.category) query = query.eq('category', params.category);
  if (params.priority) query = query.eq('priority', params.priority);
  if (params.q) query = query.textSearch('search', params.q, { type: 'websearch' });
  return runPage(
    query
      .order('updated_at', { ascending: false })
      .order('id', { ascending: false })
      .range(from, to),
  );
}

export const QUEUE_LIMIT = 100;

/** A category's queue: unassigned open requests, then assigned open/in-progress ones, oldest first. */
export async function loadQueue(
  category: string,
): Promise<{ unassigned: Page<RequestRow>; assigned: Page<RequestRow> }> {
  const [unassigned, assigned] = await Promise.all([
    runPage<RequestRow>(
      db()
        .from('requests')
        .select(REQUEST_COLUMNS, { count: 'exact' })
        .eq('category', category)
        .eq('status', 'open')
        .is('assignee_id', null)
        .order('created_at', { ascending: true })
        .limit(QUEUE_LIMIT),
    ),
    runPage<RequestRow>(
      db()
        .from('requests')
        .select(REQUEST_COLUMNS, { count: 'exact' })
        .eq('category', category)
        .in('status', ['open', 'in_progress'])
        .not('assignee_id', 'is', null)
        .order('created_at', { ascending: true })
        .limit(QUEUE_LIMIT),
    ),
  ]);
  return { unassigned, assigned };
}

export async function loadRequestByKey(key: string): Promise<RequestRow | null> {
  return run<RequestRow | null>(
    db().from('requests').select(REQUEST_COLUMNS).eq('key', key).maybeSingle(),
  );
}

export async function createRequest(request: NewRequest): Promise<RequestRow> {
  const rows = await run<RequestRow | RequestRow[]>(
    db().from('requests').insert(request).select(REQUEST_COLUMNS),
  );
  const created = single(rows);
  if (!created)
    throw new Error('The request was saved but could not be shown. Look in My requests.');
  return created;
}

export const NOT_CHANGED_MESSAGE =
  'Nothing was changed: you may not change this request now, or it has moved out of your view.';

/**
 * Edits at the version the person saw (ADR 0017): if someone changed the
 * request since, the database answers 409 saying who changed what.
 */
export async function updateRequest(
  id: RequestId,
  changes: Omit<RequestChanges, 'category'>,
  version: number,
): Promise<RequestRow> {
  const { assignee_id: assignee, ...fields } = changes;
  let updated: RequestRow | null = null;
  let current = version;
  if (Object.keys(fields).length > 0) {
    updated = single(
      await run<RequestRow | RequestRow[]>(
        db()
          .rpc('edit_request', {
            request_id: id,
            expected_version: current,
            title: fields.title ?? null,
            description: fields.description ?? null,
            priority: fields.priority ?? null,
          })
          .select(REQUEST_COLUMNS),
      ),
    );
    if (!updated) throw new Error(NOT_CHANGED_MESSAGE);
    current = updated.version;
  }
  if (assignee !== undefined) {
    updated = single(
      await run<RequestRow | RequestRow[]>(
        db()
          .rpc('assign_request', {
            request_id: id,
            expected_version: current,
            assignee_id: assignee,
          })
          .select(REQUEST_COLUMNS),
      ),
    );
  }
  if (!updated) throw new Error(NOT_CHANGED_MESSAGE);
  return updated;
}

/** Take an unassigned request; 409 names whoever took it first. */
export async function takeRequest(id: RequestId): Promise<RequestRow> {
  const taken = single(
    await run<RequestRow | RequestRow[]>(
      db().rpc('take_request', { request_id: id }).select(REQUEST_COLUMNS),
    ),
  );
  if (!taken) throw new Error(NOT_CHANGED_MESSAGE);
  return taken;
}

/** Move a misfiled request to another category (also one the caller does not serve). */
export function moveRequest(requestId: RequestId, category: string): Promise<unknown> {
  return run(db().rpc('move_request', { request_id: requestId, category }));
}

export function loadAllowedTransitions(requestId: RequestId): Promise<AllowedTransition[]> {
  return run<AllowedTransition[] | null>(
    db().rpc('allowed_transitions', { request_id: requestId }, { get: true }),
  ).then((rows) => rows ?? []);
}

export function transitionRequest(
  requestId: RequestId,
  toStatus: Status,
  note: string | null,
): Promise<unknown> {
  return run(db().rpc('transition_request', { request_id: requestId, to_status: toStatus, note }));
}

export function loadComments(requestId: RequestId): Promise<Comment[]> {
  return run(
    db()
      .from('comments')
      .select('*')
      .eq('request_id', requestId)
      .order('created_at', { ascending: true }),
  );
}

export function addComment(
  requestId: RequestId,
  body: string,
  internal: boolean,
): Promise<unknown> {
  return run(db().from('comments').insert({ request_id: requestId, body, internal }));
}

export function loadHistory(requestId: RequestId): Promise<HistoryEntry[]> {
  return run(
    db()
      .from('request_history')
      .select('*')
      .eq('request_id', requestId)
      .order('id', { ascending: true }),
  );
}

export async function verifyAudit(requestId: RequestId): Promise<AuditVerdict | null> {
  return single(
    await run<AuditVerdict | AuditVerdict[] | null>(
      db().rpc('verify_audit', { request_id: requestId }, { get: true }),
    ),
  );
}
