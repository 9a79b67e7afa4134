import { PRIORITIES, type NewRequest, type Priority } from '../api/database';
import type { FormErrors } from '../api/errors';

export const NEW_REQUEST_FIELDS = ['category', 'priority', 'title', 'description'] as const;
export type NewRequestField = (typeof NEW_REQUEST_FIELDS)[number];

/**
 * Read the new-request form. Only what the database cannot say for itself is
 * checked here (a category must be chosen); every other rule — title length,
 * description — is the database's, shown next to the field it names.
 */
export function readNewRequest(data: {
  get(name: string): FormDataEntryValue | null;
}): { ok: true; value: NewRequest } | { ok: false; errors: FormErrors<NewRequestField> } {
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
  const category = text('category').trim();
  const priorityText = text('priority');
  const priority: Priority = PRIORITIES.find((p) => p === priorityText) ?? 'normal';
  if (!category) {
    return { ok: false, errors: { fields: { category: 'Choose a category.' }, form: null } };
  }
  return {
    ok: true,
    value: {
      category,
      priority,
      title: text('title').trim(),
      description: text('description').trim(),
    },
  };
}
