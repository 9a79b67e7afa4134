import { isPriority, type NewRequest, type Priority } from '../api/database';
import type { FormErrors } from '../api/errors';
import { checkRequestText } from './limits';

export const NEW_REQUEST_FIELDS = ['category', 'priority', 'title', 'description'] as const;
export type NewRequestField = (typeof NEW_REQUEST_FIELDS)[number];

/** What the form holds (and its draft keeps). */
export type NewRequestDraft = Record<NewRequestField, string>;

export const EMPTY_NEW_REQUEST: NewRequestDraft = {
  category: '',
  priority: 'normal',
  title: '',
  description: '',
};

/**
 * Read the new-request form and name every problem at once: no category, no
 * title, a title or description over the database's limits (requests/limits.ts).
 * The database checks the same again and its message shows by the field it names.
 */
export function readNewRequest(
  values: NewRequestDraft,
): { ok: true; value: NewRequest } | { ok: false; errors: FormErrors<NewRequestField> } {
  const category = values.category.trim();
  const priority: Priority = isPriority(values.priority) ? values.priority : 'normal';
  const title = values.title.trim();
  const description = values.description.trim();
  const fields: Partial<Record<NewRequestField, string>> = {
    ...(category ? {} : { category: 'Choose a category.' }),
    ...checkRequestText({ title, description }),
  };
  if (Object.keys(fields).length > 0) return { ok: false, errors: { fields, form: null } };
  return { ok: true, value: { category, priority, title, description } };
}
