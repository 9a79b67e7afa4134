// PostgREST calls for requests, comments, history and the status machine, as
// TanStack Query options (reads) and plain functions (writes; callers then
// invalidate `requestsKey`).
import { queryOptions } from '@tanstack/react-query';
import { db, run } from '../api/client';
import type {
  NewRequest,
  PersonId,
  RequestChanges,
  RequestId,
  RequestListRow,
  RequestRow,
} from '../api/database';
import { isRecord } from '../api/errors';
import { requestsKey } from '../api/keys';
import { PAGE_SIZE, pageOffset, type Sort } from './listParams';

export const REQUEST_COLUMNS =
  'id,key,title,description,category,priority,priority_rank,status,requester_id,assignee_id,created_at,updated_at,resolved_at,version';

/** Keys under `requestsKey`: one invalidation after a write refreshes them all. */
export const requestKeys = {
  counts: (args: object) => [...requestsKey, 'counts', args] as const,
  list: (args: object) => [...requestsKey, 'list', args] as const,
  byKey: (key: string) => [...requestsKey, 'one', key] as const,
  part: (
    id: RequestId,
    part: 'transitions' | 'comments' | 'history' | 'audit' | 'sla' | 'rating',
  ) => [...requestsKey, id, part] as const,
};

/** The filters `rpc/find_requests` and `rpc/count_requests` share (docs/API.md). */
export type ListScope = 'all' | 'mine' | 'assigned_to_me' | 'unassigned' | 'my_categories';

export interface ListFilters {
  scope: ListScope;
  q: string;
  category: string | null;
  priority: string | null;
}

function filterArguments(filters: ListFilters) {
  return {
    scope: filters.scope,
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.priority ? { priority: filters.priority } : {}),
  };
}

/** One page of a list, in the order asked for; `status` is one code or several, comma-separated. */
export function findRequestsQuery(
  filters: ListFilters,
  list: { status: string | undefined; sort: Sort; page: number },
) {
  const args = {
    ...filterArguments(filters),
    ...(list.status === undefined ? {} : { status: list.status }),
    sort: list.sort,
    lim: PAGE_SIZE,
    offs: pageOffset(list.page),
  };
  return queryOptions({
    queryKey: requestKeys.list(args),
    queryFn: () => run(db().rpc('find_requests', args, { get: true })),
    // Paging and filtering keep the old page on screen until the new one is there.
    placeholderData: (previous) => previous,
  });
}

/** One request as lists show it, now (after a refused take: who has it). */
export async function loadListRow(id: RequestId): Promise<RequestListRow | null> {
  return run(db().from('request_list').select('*').eq('id', id).maybeSingle());
}

/** Counts per category and status of what the list shows with the same filters. */
export function countRequestsQuery(filters: ListFilters) {
  const args = filterArguments(filters);
  return queryOptions({
    queryKey: requestKeys.counts(args),
    queryFn: () => run(db().rpc('count_requests', args, { get: true })),
    placeholderData: (previous) => previous,
  });
}

/** Both SLA clocks of a request (`request_sla`, ADR 0018). */
export function slaQuery(requestId: RequestId) {
  return queryOptions({
    queryKey: requestKeys.part(requestId, 'sla'),
    queryFn: () =>
      run(db().from('request_sla').select('*').eq('request_id', requestId).maybeSingle()),
  });
}

/** The requester's rating of the current resolution, if any. */
export function ratingQuery(requestId: RequestId, resolvedAt: string) {
  return queryOptions({
    queryKey: [...requestKeys.part(requestId, 'rating'), resolvedAt] as const,
    queryFn: () =>
      run(
        db()
          .from('request_ratings')
          .select('score,comment')
          .eq('request_id', requestId)
          .eq('resolved_at', resolvedAt)
          .maybeSingle(),
      ),
  });
}

/** The requester confirms the fix and rates it, 1–5 (comment optional). */
export async function confirmResolution(
  requestId: RequestId,
  score: number,
  comment: string,
): Promise<void> {
  await run(
    db().rpc('confirm_resolution', {
      request_id: requestId,
      score,
      ...(comment.trim() === '' ? {} : { comment }),
    }),
  );
}

export function requestQuery(key: string) {
  return queryOptions({
    queryKey: requestKeys.byKey(key),
    queryFn: () => run(db().from('requests').select(REQUEST_COLUMNS).eq('key', key).maybeSingle()),
  });
}

export async function createRequest(request: NewRequest): Promise<RequestRow> {
  return run(db().from('requests').insert(request).select(REQUEST_COLUMNS).single());
}

export const NOT_CHANGED_MESSAGE =
  'Nothing was changed: you may not change this request now, or it has moved out of your view.';

/**
 * Edits at the version the person saw (ADR 0017): if someone changed the
 * request since, the database answers 409 saying who changed what, and
 * nothing is written. Fields first, then the assignee, each at the version
 * the step before left.
 */
export async function updateRequest(
  id: RequestId,
  changes: Omit<RequestChanges, 'category'>,
  version: number,
): Promise<RequestRow> {
  const { assignee_id: assignee, ...fields } = changes;
  let updated: RequestRow | undefined;
  let current = version;
  if (Object.keys(fields).length > 0) {
    const rows: RequestRow[] = await run(
      db()
        .rpc('edit_request', {
          request_id: id,
          expected_version: current,
          ...(fields.title === undefined ? {} : { title: fields.title }),
          ...(fields.description === undefined || fields.description === null
            ? {}
            : { description: fields.description }),
          ...(fields.priority === undefined ? {} : { priority: fields.priority }),
        })
        .select(REQUEST_COLUMNS),
    );
    updated = rows[0];
    if (!updated) throw new Error(NOT_CHANGED_MESSAGE);
    current = updated.version;
  }
  if (assignee !== undefined) {
    const rows: RequestRow[] = await run(
      db()
        .rpc('assign_request', {
          request_id: id,
          expected_version: current,
          ...(assignee === null ? {} : { assignee_id: assignee }),
        })
        .select(REQUEST_COLUMNS),
    );
    updated = rows[0];
  }
  if (!updated) throw new Error(NOT_CHANGED_MESSAGE);
  return updated;
}

/** Take: only while nobody has the request; 409 names whoever took it first. */
export async function takeRequest(id: RequestId): Promise<void> {
  await run(db().rpc('take_request', { request_id: id }));
}

/** Take over from the person the caller saw holding it (and confirmed); 409 if it moved on. */
export async function takeOverRequest(id: RequestId, from: PersonId | null): Promise<void> {
  await run(
    db().rpc('take_over_request', {
      request_id: id,
      ...(from === null ? {} : { from_assignee: from }),
    }),
  );
}

/** `rpc/request_changes`: `{marker, changes: [{id, key, version, …}]}` (ADR 0017). */
export async function loadChanges(
  since: string | null,
): Promise<{ marker: string | null; changed: number }> {
  const answer: unknown = await run(
    db().rpc('request_changes', since === null ? {} : { since }, { get: true }),
  );
  if (!isRecord(answer)) return { marker: null, changed: 0 };
  const marker = typeof answer.marker === 'string' ? answer.marker : null;
  const changed = Array.isArray(answer.changes) ? answer.changes.length : 0;
  return { marker, changed };
}

/** Move a misfiled request to another category (also one the caller does not serve). */
export async function moveRequest(requestId: RequestId, category: string): Promise<void> {
  await run(db().rpc('move_request', { request_id: requestId, category }));
}

export interface AllowedTransition {
  to_status: string;
  note_required: boolean;
}

/** `rpc/allowed_transitions` answers `[{to_status, note_required}]`. */
export function parseAllowedTransitions(value: unknown): AllowedTransition[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((row: unknown) =>
    isRecord(row) && typeof row.to_status === 'string'
      ? [{ to_status: row.to_status, note_required: row.note_required === true }]
      : [],
  );
}

export function allowedTransitionsQuery(requestId: RequestId) {
  return queryOptions({
    queryKey: requestKeys.part(requestId, 'transitions'),
    queryFn: async () =>
      parseAllowedTransitions(
        await run(db().rpc('allowed_transitions', { request_id: requestId }, { get: true })),
      ),
  });
}

export async function transitionRequest(
  requestId: RequestId,
  toStatus: string,
  note: string | null,
): Promise<void> {
  await run(
    db().rpc('transition_request', {
      request_id: requestId,
      to_status: toStatus,
      ...(note === null ? {} : { note }),
    }),
  );
}

export function commentsQuery(requestId: RequestId) {
  return queryOptions({
    queryKey: requestKeys.part(requestId, 'comments'),
    queryFn: () =>
      run(
        db()
          .from('comments')
          .select('*')
          .eq('request_id', requestId)
          .order('created_at', { ascending: true }),
      ),
  });
}

/** Posts a comment; returns its id (files pasted into the box are attached to it). */
export async function addComment(
  requestId: RequestId,
  body: string,
  internal: boolean,
): Promise<number> {
  const rows = await run(
    db().from('comments').insert({ request_id: requestId, body, internal }).select('id'),
  );
  const [row] = rows;
  if (row === undefined) throw new Error('The comment was not saved. Reload the page.');
  return row.id;
}

export function historyQuery(requestId: RequestId) {
  return queryOptions({
    queryKey: requestKeys.part(requestId, 'history'),
    queryFn: () =>
      run(
        db()
          .from('request_history')
          .select('*')
          .eq('request_id', requestId)
          .order('id', { ascending: true }),
      ),
  });
}

export interface AuditVerdict {
  ok: boolean;
  entries: number;
  first_bad_entry: number | null;
  reason: string | null;
}

/** `rpc/verify_audit` answers `{ok, entries, first_bad_entry, reason}` (docs/API.md). */
export function parseAuditVerdict(value: unknown): AuditVerdict | null {
  if (!isRecord(value) || typeof value.ok !== 'boolean' || typeof value.entries !== 'number') {
    return null;
  }
  return {
    ok: value.ok,
    entries: value.entries,
    first_bad_entry: typeof value.first_bad_entry === 'number' ? value.first_bad_entry : null,
    reason: typeof value.reason === 'string' ? value.reason : null,
  };
}

export function auditQuery(requestId: RequestId) {
  return queryOptions({
    queryKey: requestKeys.part(requestId, 'audit'),
    queryFn: async () =>
      parseAuditVerdict(
        await run(db().rpc('verify_audit', { request_id: requestId }, { get: true })),
      ),
  });
}
