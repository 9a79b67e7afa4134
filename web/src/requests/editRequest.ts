import { PRIORITIES, type PersonId, type RequestChanges, type RequestRow } from '../api/database';
import type { FormErrors } from '../api/errors';

export const EDIT_FIELDS = ['title', 'description', 'priority', 'category', 'assignee_id'] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

/** Only the columns the person actually changed, so the database judges just those. */
export function changedFields(
  request: RequestRow,
  data: { get(name: string): FormDataEntryValue | null },
): RequestChanges {
  const changes: RequestChanges = {};
  const text = (name: EditField) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : null;
  };
  const title = text('title');
  if (title !== null && title.trim() !== request.title) changes.title = title.trim();
  const description = text('description');
  if (description !== null && description.trim() !== (request.description ?? '')) {
    changes.description = description.trim();
  }
  const priority = PRIORITIES.find((p) => p === text('priority'));
  if (priority && priority !== request.priority) changes.priority = priority;
  const category = text('category');
  if (category && category !== request.category) changes.category = category;
  const assignee = text('assignee_id');
  if (assignee !== null) {
    const id: PersonId | null = assignee === '' ? null : assignee;
    if (id !== request.assignee_id) changes.assignee_id = id;
  }
  return changes;
}

export function noEditErrors(): FormErrors<EditField> {
  return { fields: {}, form: null };
}
