// Row types of the PostgREST API (schema `api`), written once. See DESIGN.md §4.

export const STATUSES = ['open', 'in_progress', 'resolved', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Ids are opaque to the SPA: compare them with `sameId`. */
export type PersonId = string | number;
export type RequestId = number;

export function sameId(a: PersonId | null | undefined, b: PersonId | null | undefined): boolean {
  return a !== null && a !== undefined && b !== null && b !== undefined && String(a) === String(b);
}

export interface Category {
  code: string;
  name: string;
  key_prefix: string;
}

export interface Me {
  id: PersonId;
  display_name: string;
  email: string | null;
  is_admin: boolean;
  agent_categories: string[] | null;
}

export interface Person {
  id: PersonId;
  display_name: string;
  email?: string | null;
  agent_categories?: string[] | null;
  is_admin?: boolean | null;
  disabled_at?: string | null;
}

export interface RequestRow {
  id: RequestId;
  key: string;
  title: string;
  description: string | null;
  category: string;
  priority: Priority;
  status: Status;
  requester_id: PersonId;
  assignee_id: PersonId | null;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
  /** Send it back with an edit (ADR 0017). */
  version: number;
}

/** The columns a person may send when filing a request. */
export interface NewRequest {
  title: string;
  description: string;
  category: string;
  priority: Priority;
}

/** The columns a PATCH may change (the database decides who may change which). */
export type RequestChanges = Partial<
  Pick<RequestRow, 'title' | 'description' | 'priority' | 'category' | 'assignee_id'>
>;

export interface RequestCount {
  status: Status;
  category: string;
  mine: boolean;
  assigned_to_me: boolean;
  count: number;
}

export interface AllowedTransition {
  to_status: Status;
  note_required: boolean;
}

export interface Comment {
  id: number | string;
  request_id: RequestId;
  author_id?: PersonId | null;
  author_name?: string | null;
  body: string;
  internal: boolean;
  created_at: string;
}

export interface HistoryChange {
  old: unknown;
  new: unknown;
}

export interface HistoryEntry {
  id: number;
  request_id: RequestId;
  at: string;
  actor_id: PersonId | null;
  actor_name: string | null;
  action: string;
  /** `{column: {old, new}}` for edits and moves; plain `{column: value}` for comments. */
  changes: Record<string, unknown> | null;
  /** The entry is about an internal note (agents and admins only). */
  internal?: boolean | null;
}

export interface AuditVerdict {
  ok: boolean;
  entries: number;
  first_bad_entry: number | null;
  reason?: string | null;
}

export interface Passkey {
  id: string | number;
  name: string | null;
  created_at: string;
  last_used_at: string | null;
  backed_up: boolean;
}

export interface SessionRow {
  id: string | number;
  method: string;
  created_at: string;
  last_seen_at: string | null;
  user_agent: string | null;
  current: boolean;
}

export interface TeamMember {
  user_id: PersonId;
  category: string;
}

export interface StatusTransition {
  from_status: Status;
  to_status: Status;
  allow_requester: boolean;
  allow_agent: boolean;
  allow_admin: boolean;
  note_required: boolean;
}
