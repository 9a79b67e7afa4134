import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { PRIORITIES } from '../api/database';
import { noFormErrors, toFormErrors, type FormErrors } from '../api/errors';
import { requestsKey } from '../api/keys';
import { useMe } from '../api/me';
import { categoriesQuery } from '../api/reference';
import { navigate } from '../router/history';
import { useLeaveGuard } from '../router/leaveGuard';
import { hrefFor } from '../router/routes';
import { draftKey, useDraft } from '../ui/drafts';
import { Field } from '../ui/Field';
import { PRIORITY_LABELS } from '../ui/format';
import { Loaded, Notice } from '../ui/States';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { createRequest } from './api';
import { DESCRIPTION_MAX, lengthHint, TITLE_MAX } from './limits';
import {
  EMPTY_NEW_REQUEST,
  NEW_REQUEST_FIELDS,
  readNewRequest,
  type NewRequestField,
} from './newRequestForm';

export function NewRequestPage() {
  useDocumentTitle('New request');
  const me = useMe();
  const categories = useQuery(categoriesQuery);
  const queryClient = useQueryClient();
  const { draft, setDraft, clear, dirty } = useDraft(
    draftKey(me.id, 'new-request'),
    EMPTY_NEW_REQUEST,
    ['priority'],
  );
  useLeaveGuard(dirty);
  const [errors, setErrors] = useState<FormErrors<NewRequestField>>(noFormErrors());
  const [saving, setSaving] = useState(false);
  const restored = useState(dirty)[0];
  const set = (field: NewRequestField, value: string) => {
    setDraft({ ...draft, [field]: value });
  };

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    const form = event.currentTarget;
    const read = readNewRequest(draft);
    if (!read.ok) {
      setErrors(read.errors);
      focusFirstError(form, read.errors);
      return;
    }
    setSaving(true);
    setErrors(noFormErrors());
    try {
      const created = await createRequest(read.value);
      clear();
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
      {restored && (
        <Notice tone="info">
          Your unsent request is back from a draft on this device.{' '}
          <button
            type="button"
            className="button-link"
            onClick={() => {
              clear();
              setErrors(noFormErrors());
            }}
          >
            Start over
          </button>
        </Notice>
      )}
      <Loaded query={categories} loadingLabel="Loading categories…">
        {(list) => (
          <form className="stack form-narrow" onSubmit={submit} noValidate aria-label="New request">
            <Field label="Category" error={errors.fields.category}>
              {(props) => (
                <select
                  {...props}
                  name="category"
                  value={draft.category}
                  onChange={(event) => {
                    set('category', event.target.value);
                  }}
                >
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
                <select
                  {...props}
                  name="priority"
                  value={draft.priority}
                  onChange={(event) => {
                    set('priority', event.target.value);
                  }}
                >
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
              hint={`One line that says what you need. ${lengthHint(draft.title, TITLE_MAX)}`}
              error={errors.fields.title}
            >
              {(props) => (
                <input
                  {...props}
                  name="title"
                  type="text"
                  autoComplete="off"
                  value={draft.title}
                  onChange={(event) => {
                    set('title', event.target.value);
                  }}
                />
              )}
            </Field>
            <Field
              label="Description"
              hint={`What happened, what you expected, and anything that helps; Markdown works. ${lengthHint(draft.description, DESCRIPTION_MAX)}`}
              error={errors.fields.description}
            >
              {(props) => (
                <textarea
                  {...props}
                  name="description"
                  rows={6}
                  value={draft.description}
                  onChange={(event) => {
                    set('description', event.target.value);
                  }}
                />
              )}
            </Field>
            {errors.form && <Notice tone="error">{errors.form}</Notice>}
            <div className="form-actions">
              <button
                type="submit"
                className="button button-primary"
                aria-disabled={saving}
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
