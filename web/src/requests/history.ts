import type { Category, StatusRow } from '../api/database';
import { isRecord } from '../api/errors';
import {
  categoryName,
  humanize,
  personName,
  statusLabel,
  type PeopleIndex,
} from '../api/reference';
import { formatDateTime, priorityLabel } from '../ui/format';

interface HistoryChange {
  old: unknown;
  new: unknown;
}

const COLUMN_LABELS: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  priority: 'Priority',
  category: 'Category',
  status: 'Status',
  assignee_id: 'Assignee',
  requester_id: 'Requester',
  resolved_at: 'Resolved',
  body: 'Comment',
  internal: 'Internal note',
};

/** Columns that say nothing to people in a timeline. */
const HIDDEN_COLUMNS = new Set([
  'id',
  'key',
  'updated_at',
  'created_at',
  'search',
  'number',
  'priority_rank',
  'audit_hash',
  'comment_id',
  'request_id',
]);

/** The audit log's actions (app.audit_log's `audit_log_action_known` check). */
const ACTION_LABELS: Partial<Record<string, string>> = {
  created: 'Created the request',
  updated: 'Changed',
  transitioned: 'Changed the status',
  commented: 'Commented',
  internal_note: 'Added an internal note',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? humanize(action);
}

export interface ChangeLine {
  column: string;
  label: string;
  /** The old value, or null when the entry only states a value (creation, comments). */
  from: string | null;
  to: string;
}

interface Context {
  people: PeopleIndex;
  categories: readonly Category[];
  statuses: readonly StatusRow[];
}

function isChange(value: unknown): value is HistoryChange {
  return typeof value === 'object' && value !== null && 'new' in value && 'old' in value;
}

/**
 * The timeline's lines for one audit entry. `changes` is `{column: {old, new}}`
 * for edits and moves, and plain `{column: value}` for comments.
 */
export function describeChanges(changes: unknown, context: Context): ChangeLine[] {
  if (!isRecord(changes)) return [];
  const lines: ChangeLine[] = [];
  for (const [column, change] of Object.entries(changes)) {
    if (HIDDEN_COLUMNS.has(column)) continue;
    const label = COLUMN_LABELS[column] ?? humanize(column);
    if (!isChange(change)) {
      if (column === 'internal') continue; // said by the action and a badge
      lines.push({ column, label, from: null, to: formatValue(column, change, context) });
    } else if (change.old === null || change.old === undefined) {
      // Creation: say what was set, skip what was left empty.
      if (change.new === null || change.new === undefined || change.new === '') continue;
      lines.push({ column, label, from: null, to: formatValue(column, change.new, context) });
    } else {
      lines.push({
        column,
        label,
        from: formatValue(column, change.old, context),
        to: formatValue(column, change.new, context),
      });
    }
  }
  return lines;
}

export function formatValue(column: string, value: unknown, context: Context): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (column.endsWith('_at')) return formatDateTime(text);
  switch (column) {
    case 'status':
      return statusLabel(context.statuses, text);
    case 'priority':
      return priorityLabel(text);
    case 'category':
      return categoryName(context.categories, text);
    case 'assignee_id':
    case 'requester_id':
    case 'user_id':
      return personName(context.people, text);
    default:
      return text.length > 140 ? `${text.slice(0, 139)}…` : text;
  }
}

const TRANSITION_LABELS: Partial<Record<string, string>> = {
  'open>in_progress': 'Start work',
  'in_progress>resolved': 'Resolve',
  'in_progress>open': 'Hand back',
  'resolved>open': 'Reopen',
  'open>cancelled': 'Cancel request',
};

export function transitionLabel(from: string, to: string): string {
  return TRANSITION_LABELS[`${from}>${to}`] ?? `Move to ${humanize(to)}`;
}

export function noteLabel(from: string, to: string): string {
  if (to === 'resolved') return 'Resolution';
  if (from === 'resolved' && to === 'open') return 'Why reopen?';
  if (to === 'cancelled') return 'Why cancel? (optional)';
  return 'Note';
}
