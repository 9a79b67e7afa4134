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

/** One option of a select: its value and the words shown. */
export type Choice = { value: string; label: string };

/**
 * A select's choices with its value (the request's own, or what the person
 * chose) always among them. While a list is still loading, or no longer holds
 * that value, the select would otherwise show its first option, and saving an
 * unrelated change would quietly move or unassign the request (seen on a
 * loaded CI run).
 */
export function choicesWithCurrent(choices: Choice[], current: string, label: string): Choice[] {
  return choices.some((choice) => choice.value === current)
    ? choices
    : [{ value: current, label }, ...choices];
}

export function noEditErrors(): FormErrors<EditField> {
  return { fields: {}, form: null };
}
