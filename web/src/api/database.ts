// The API's row types, derived from the generated OpenAPI types
// (schema.gen.ts, `make api-types`); the contract is docs/API.md.
//
// PostgREST's description (Swagger 2.0) lists every column of a view as
// optional and says nothing about NULL. A row as PostgREST answers it has
// every selected column; the columns that may be NULL are named here, once,
// per view, so a renamed or retyped column breaks the build instead of a page.
import type { components, paths } from './schema.gen';

type Schemas = components['schemas'];
export type ViewName = keyof Schemas;

/** A row of `view` with every column; the `Nullable` columns may be null. */
export type ApiRow<View extends ViewName, Nullable extends keyof Schemas[View] = never> = {
  [Column in keyof Schemas[View]]-?: Column extends Nullable
    ? Exclude<Schemas[View][Column], undefined> | null
    : Exclude<Schemas[View][Column], undefined>;
};

/** Names only views and columns that exist: a renamed column fails the build here. */
type ColumnsOf<
  T extends { [View in keyof T]: View extends ViewName ? keyof Schemas[View] : never },
> = T;

/** The columns of each view that may be NULL (the rest never are). */
type NullableColumns = ColumnsOf<{
  attachments: 'comment_id' | 'uploaded_by' | 'removed_at';
  comments: 'author_id' | 'author_name';
  me: 'email' | 'agent_categories';
  my_passkeys: 'name' | 'last_used_at';
  my_sessions: 'last_seen_at' | 'user_agent';
  // Admin-only columns are NULL for everyone else (api.people).
  people: 'email' | 'agent_categories' | 'is_admin' | 'disabled_at' | 'rights_from_entra';
  request_history: 'actor_id' | 'actor_name' | 'changes' | 'internal';
  requests: 'description' | 'assignee_id' | 'resolved_at';
  request_list:
    | 'assignee_id'
    | 'assignee_name'
    | 'resolved_at'
    | 'first_response_due_at'
    | 'resolution_due_at'
    | 'waiting_on_requester_since'
    | 'first_responded_at';
  rights_history: 'actor_id' | 'actor_role' | 'category';
  request_ratings: 'comment';
  request_sla:
    | 'first_response_due_at'
    | 'first_responded_at'
    | 'resolution_due_at'
    | 'resolved_at'
    | 'resolution_target_seconds'
    | 'waiting_on_requester_since';
}>;

/** Every view of the API, with its row type; a new view needs no change here. */
type Rows = {
  [View in ViewName]: ApiRow<
    View,
    View extends keyof NullableColumns ? Extract<NullableColumns[View], keyof Schemas[View]> : never
  > &
    // `version` is a computed field of requests (`select=…,version`, ADR 0017)
    // that PostgREST's description does not list.
    (View extends 'requests' ? { version: number } : unknown);
};

type RpcName = {
  [Path in keyof paths]: Path extends `/rpc/${infer Name}` ? Name : never;
}[keyof paths];
type RpcArgs<Name extends RpcName> = paths[`/rpc/${Name}`] extends {
  post: { requestBody: { content: { 'application/json': infer Args } } };
}
  ? Args
  : { [_ in never]: never };

/** A row of `rpc/count_requests` (the composite type `api.request_tally`, which the description omits). */
export interface RequestTally {
  category: string;
  status: string;
  count: number;
}

/**
 * What the functions that return rows of a view return (`returns setof
 * api.request_list`, docs/API.md); PostgREST's description omits it.
 */
interface KnownReturns {
  find_requests: Rows['request_list'][];
  count_requests: RequestTally[];
}

/**
 * The `api` schema in the shape postgrest-js reads. PostgREST does not
 * describe what a function returns, so `Returns` is `unknown` unless
 * `KnownReturns` names it: callers check the shape (see requests/api.ts)
 * instead of asserting it.
 */
export interface Database {
  __InternalSupabase: { PostgrestVersion: '12' };
  api: {
    Tables: {
      [View in keyof Rows]: {
        Row: Rows[View];
        Insert: Partial<Rows[View]>;
        Update: Partial<Rows[View]>;
        Relationships: [];
      };
    };
    Views: { [_ in never]: never };
    Functions: {
      [Name in RpcName]: {
        Args: RpcArgs<Name>;
        Returns: Name extends keyof KnownReturns ? KnownReturns[Name] : unknown;
      };
    };
    Enums: { [_ in never]: never };
    CompositeTypes: { [_ in never]: never };
  };
}

export type Attachment = Rows['attachments'];
export type Category = Rows['categories'];
export type Comment = Rows['comments'];
export type Me = Rows['me'];
export type Passkey = Rows['my_passkeys'];
export type SessionRow = Rows['my_sessions'];
export type NotificationSetting = Rows['notification_settings'];
export type Person = Rows['people'];
export type RequestCount = Rows['request_counts'];
export type HistoryEntry = Rows['request_history'];
/** A request as lists and pages show it (`search` is a filter column, never read). */
export type RequestRow = Omit<Rows['requests'], 'search'>;
/** A request as lists show it (`api.request_list`: names, version, both SLA clocks). */
export type RequestListRow = Rows['request_list'];
export type StatusTransition = Rows['status_transitions'];
export type TeamMember = Rows['team_members'];
export type StatusRow = Rows['statuses'];

/** People are uuids, requests bigints (numbers in JSON). */
export type PersonId = Person['id'];
export type RequestId = RequestRow['id'];

/** The columns a person sends when filing a request. */
export type NewRequest = Pick<RequestRow, 'title' | 'description' | 'category' | 'priority'>;

/** The columns a PATCH may change (the database decides who may change which). */
export type RequestChanges = Partial<
  Pick<RequestRow, 'title' | 'description' | 'priority' | 'category' | 'assignee_id'>
>;

// Statuses are rows of `api.statuses` (code, label, position): the SPA reads
// them (api/reference.ts). Priorities are a check constraint, listed here.
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export function isPriority(value: string): value is Priority {
  return PRIORITIES.some((priority) => priority === value);
}
