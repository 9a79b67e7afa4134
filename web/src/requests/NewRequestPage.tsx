import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { PRIORITIES, type NewRequest, type Priority } from '../api/database';
import { noFormErrors, toFormErrors, type FormErrors } from '../api/errors';
import { requestsKey } from '../api/keys';
import { categoriesQuery } from '../api/reference';
import { navigate } from '../router/history';
import { hrefFor } from '../router/routes';
import { Field } from '../ui/Field';
import { Loaded, Notice } from '../ui/States';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { PRIORITY_LABELS } from '../ui/format';
import { createRequest } from './api';
import { readNewRequest, NEW_REQUEST_FIELDS, type NewRequestField } from './newRequestForm';

export function NewRequestPage() {
  useDocumentTitle('New request');
  const categories = useQuery(categoriesQuery);
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FormErrors<NewRequestField>>(noFormErrors());
  const [saving, setSaving] = useState(false);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readNewRequest(new FormData(event.currentTarget));
    if (!read.ok) {
      setErrors(read.errors);
      focusFirstError(event.currentTarget, read.errors);
      return;
    }
    const form = event.currentTarget;
    setSaving(true);
    setErrors(noFormErrors());
    try {
      const created = await createRequest(read.value satisfies NewRequest);
      void queryClient.invalidateQueries({ queryKey: requestsKey });
      navigate(hrefFor({ name: 'request', key: created.key }) + '?created=1');
    } catch (error) {
      const next = toFormErrors(error, NEW_REQUEST_FIELDS);
      setErrors(next);
      focusFirstError(form, next);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <h1>New request</h1>
      <Loaded query={categories} loadingLabel="Loading categories…">
        {(list) => (
          <form className="stack form-narrow" onSubmit={submit} noValidate aria-label="New request">
            <Field label="Category" error={errors.fields.category}>
              {(props) => (
                <select {...props} name="category" defaultValue="">
                  <option value="" disabled>
                    Choose a category
                  </option>
                  {list.map((category) => (
                    <option key={category.code} value={category.code}>
                      {category.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Priority" error={errors.fields.priority}>
              {(props) => (
                <select {...props} name="priority" defaultValue={'normal' satisfies Priority}>
                  {PRIORITIES.map((priority) => (
                    <option key={priority} value={priority}>
                      {PRIORITY_LABELS[priority]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label="Title"
              hint="One line that says what you need."
              error={errors.fields.title}
            >
              {(props) => <input {...props} name="title" type="text" autoComplete="off" />}
            </Field>
            <Field
              label="Description"
              hint="What happened, what you expected, and anything that helps."
              error={errors.fields.description}
            >
              {(props) => <textarea {...props} name="description" rows={6} />}
            </Field>
            {errors.form && <Notice tone="error">{errors.form}</Notice>}
            <div className="form-actions">
              <button
                type="submit"
                className="button button-primary"
                disabled={saving}
                aria-busy={saving}
              >
                {saving ? 'Sending…' : 'Send request'}
              </button>
            </div>
          </form>
        )}
      </Loaded>
    </>
  );
}

function focusFirstError(form: HTMLFormElement, errors: FormErrors<NewRequestField>): void {
  const field = NEW_REQUEST_FIELDS.find((name) => errors.fields[name]);
  if (!field) return;
  requestAnimationFrame(() => {
    const element = form.elements.namedItem(field);
    if (element instanceof HTMLElement) element.focus();
  });
}
