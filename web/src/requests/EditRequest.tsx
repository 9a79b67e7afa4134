import { useState, type SubmitEvent } from 'react';
import { toFormErrors, type FormErrors } from '../api/errors';
import { keys, REQUESTS_PREFIX } from '../api/keys';
import { invalidate } from '../api/resource';
import { PRIORITIES, sameId, type RequestRow } from '../api/types';
import { navigate } from '../router/history';
import { hrefFor } from '../router/routes';
import { Field } from '../ui/Field';
import { Notice } from '../ui/States';
import { moveRequest, updateRequest } from './api';
import { changedFields, EDIT_FIELDS, noEditErrors, type EditField } from './editRequest';
import { PRIORITY_LABELS } from './format';
import { useCategories, usePeople } from './usePeople';

/**
 * Edit what the person may edit. The form offers the fields; the database
 * decides, and its message is shown next to the field it names.
 */
export function EditRequest({ request, isStaff }: { request: RequestRow; isStaff: boolean }) {
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<FormErrors<EditField>>(noEditErrors());
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const categories = useCategories();
  const people = usePeople();
  const agents = people.list.filter(
    (person) =>
      (person.agent_categories ?? []).includes(request.category) ||
      sameId(person.id, request.assignee_id),
  );

  if (request.status === 'resolved' || request.status === 'cancelled') return null;

  if (!open) {
    return (
      <div className="card">
        {saved && <Notice tone="success">Your changes were saved.</Notice>}
        <button
          type="button"
          className="button button-wide"
          onClick={() => {
            setOpen(true);
            setSaved(false);
            setErrors(noEditErrors());
          }}
        >
          Edit request
        </button>
      </div>
    );
  }

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const changes = changedFields(request, new FormData(event.currentTarget), agents);
    if (Object.keys(changes).length === 0) {
      setOpen(false);
      return;
    }
    setSaving(true);
    setErrors(noEditErrors());
    const { category, ...columns } = changes;
    try {
      if (Object.keys(columns).length > 0)
        await updateRequest(request.id, columns, request.version);
      // A category change goes through rpc/move_request (ADR 0008): the
      // request may leave the caller's view, which a PATCH cannot survive.
      if (category !== undefined) await moveRequest(request.id, category);
      setOpen(false);
      setSaved(true);
      invalidate(REQUESTS_PREFIX, keys.people);
      if (category !== undefined) {
        navigate(`${hrefFor({ name: 'request', key: request.key })}?moved=${category}`, {
          replace: true,
        });
      }
    } catch (error) {
      setErrors(toFormErrors(error, EDIT_FIELDS));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="card stack" onSubmit={submit} aria-label="Edit request" noValidate>
      <h2>Edit request</h2>
      <Field label="Title" error={errors.fields.title}>
        {(props) => <input {...props} name="title" type="text" defaultValue={request.title} />}
      </Field>
      <Field label="Description" error={errors.fields.description}>
        {(props) => (
          <textarea
            {...props}
            name="description"
            rows={5}
            defaultValue={request.description ?? ''}
          />
        )}
      </Field>
      <Field label="Priority" error={errors.fields.priority}>
        {(props) => (
          <select {...props} name="priority" defaultValue={request.priority}>
            {PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {PRIORITY_LABELS[priority]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {isStaff && (
        <>
          <Field
            label="Category"
            hint="Move a misfiled request; it leaves your view unless you serve the new category."
            error={errors.fields.category}
          >
            {(props) => (
              <select {...props} name="category" defaultValue={request.category}>
                {categories.map((category) => (
                  <option key={category.code} value={category.code}>
                    {category.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Assignee" error={errors.fields.assignee_id}>
            {(props) => (
              <select
                {...props}
                name="assignee_id"
                defaultValue={request.assignee_id === null ? '' : String(request.assignee_id)}
              >
                <option value="">Unassigned</option>
                {agents.map((person) => (
                  <option key={String(person.id)} value={String(person.id)}>
                    {person.display_name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      )}
      {errors.form && <Notice tone="error">{errors.form}</Notice>}
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={saving}
          aria-busy={saving}
        >
          {saving ? 'Saving…' : 'Save changes'}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setOpen(false);
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
