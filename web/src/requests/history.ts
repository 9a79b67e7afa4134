import type { Category, HistoryChange, Status } from '../api/types';
import { priorityLabel, statusLabel } from './format';
import { categoryName, personName, type PeopleIndex } from './usePeople';

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

/** Columns whose change says nothing to people (bumped on every write). */
const HIDDEN_COLUMNS = new Set(['id', 'updated_at', 'created_at', 'search', 'audit_hash']);

export function humanize(text: string): string {
  const spaced = text.replace(/[_-]+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export function actionLabel(action: string): string {
  switch (action.toLowerCase()) {
    case 'insert':
    case 'create':
    case 'created':
      return 'Created';
    case 'update':
    case 'updated':
      return 'Changed';
    case 'delete':
    case 'deleted':
      return 'Removed';
    default:
      return humanize(action);
  }
}

export interface ChangeLine {
  column: string;
  label: string;
  from: string;
  to: string;
}

export function describeChanges(
  changes: Record<string, HistoryChange> | null,
  context: { people: PeopleIndex; categories: readonly Category[] },
): ChangeLine[] {
  if (!changes) return [];
  return Object.entries(changes)
    .filter(([column]) => !HIDDEN_COLUMNS.has(column))
    .map(([column, change]) => ({
      column,
      label: COLUMN_LABELS[column] ?? humanize(column),
      from: formatValue(column, change.old, context),
      to: formatValue(column, change.new, context),
    }));
}

export function formatValue(
  column: string,
  value: unknown,
  context: { people: PeopleIndex; categories: readonly Category[] },
): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object') return JSON.stringify(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  switch (column) {
    case 'status':
      return statusLabel(text);
    case 'priority':
      return priorityLabel(text);
    case 'category':
      return categoryName(context.categories, text);
    case 'assignee_id':
    case 'requester_id':
      return personName(context.people, text);
    default:
      return text.length > 140 ? `${text.slice(0, 139)}…` : text;
  }
}

const TRANSITION_LABELS: Partial<Record<`${Status}>${Status}`, string>> = {
  'open>in_progress': 'Start work',
  'in_progress>resolved': 'Resolve',
  'in_progress>open': 'Hand back',
  'resolved>open': 'Reopen',
  'open>cancelled': 'Cancel request',
};

export function transitionLabel(from: Status, to: Status): string {
  return TRANSITION_LABELS[`${from}>${to}`] ?? `Move to ${statusLabel(to)}`;
}

export function noteLabel(from: Status, to: Status): string {
  if (to === 'resolved') return 'Resolution';
  if (from === 'resolved' && to === 'open') return 'Why reopen?';
  if (to === 'cancelled') return 'Why cancel? (optional)';
  return 'Note';
}
