import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type SubmitEvent } from 'react';
import { PRIORITIES, type RequestRow } from '../api/database';
import { describeError, fieldOf, toFormErrors, type FormErrors } from '../api/errors';
import { peopleKey, requestsKey } from '../api/keys';
import { useCategories, usePeople } from '../api/reference';
import { navigate } from '../router/history';
import { hrefFor } from '../router/routes';
import { Field } from '../ui/Field';
import { Notice } from '../ui/States';
import { moveRequest, updateRequest } from './api';
import { PRIORITY_LABELS, priorityLabel } from '../ui/format';
import {
  changedFields,
  choicesWithCurrent,
  EDIT_FIELDS,
  noEditErrors,
  type EditField,
} from './editRequest';
import { checkRequestText, DESCRIPTION_MAX, TITLE_MAX } from './limits';

/**
 * Edit what the person may edit. The form offers the fields; the database
 * decides, and its message is shown next to the field it names.
 */
export function EditRequest({ request, isStaff }: { request: RequestRow; isStaff: boolean }) {
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<FormErrors<EditField>>(noEditErrors());
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  // Someone else's change came first (409, ADR 0017): their version is shown
  // beside the form, which still holds this person's; saving again applies it
  // to the version now current.
  const [conflict, setConflict] = useState<string | null>(null);
  // The request as the form was opened: what this person changed is measured
  // against it, so a retry after a conflict sends only their own changes and
  // never puts back what the other person changed.
  const [base, setBase] = useState(request);
  // Controlled, so a list that loads or changes later (a new agent, a new
  // category) never puts back the request's own value over this person's choice.
  const [category, setCategory] = useState(request.category);
  const [assignee, setAssignee] = useState(request.assignee_id ?? '');
  const categories = useCategories();
  const people = usePeople();
  const queryClient = useQueryClient();
  // Back on "Edit request" when the form closes, so focus never drops to the page.
  const editButton = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => editButton.current?.focus());
  };
  const agents = people.list.filter(
    (person) =>
      (person.agent_categories ?? []).includes(request.category) ||
      person.id === request.assignee_id,
  );

  const categoryChoices = choicesWithCurrent(
    categories.map((choice) => ({ value: choice.code, label: choice.name })),
    category,
    category,
  );
  const assigneeChoices = choicesWithCurrent(
    [
      { value: '', label: 'Unassigned' },
      ...agents.map((person) => ({ value: person.id, label: person.display_name })),
    ],
    assignee,
    'Current assignee',
  );

  if (request.status === 'resolved' || request.status === 'cancelled') return null;

  if (!open) {
    return (
      <div className="card">
        {saved && <Notice tone="success">Your changes were saved.</Notice>}
        <button
          ref={editButton}
          type="button"
          className="button button-wide"
          onClick={() => {
            setOpen(true);
            setBase(request);
            setCategory(request.category);
            setAssignee(request.assignee_id ?? '');
            setConflict(null);
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
    const data = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    // Every problem with the text at once; the database checks again.
    const problems = checkRequestText({
      title: text('title'),
      description: text('description'),
    });
    if (Object.keys(problems).length > 0) {
      setErrors({ fields: problems, form: null });
      return;
    }
    const changes = changedFields(base, data);
    if (Object.keys(changes).length === 0) {
      close();
      return;
    }
    if (saving) return;
    setSaving(true);
    setErrors(noEditErrors());
    setConflict(null);
    const { category, ...columns } = changes;
    try {
      if (Object.keys(columns).length > 0)
        // After a conflict the page shows the version now current: apply the changes to it.
        await updateRequest(request.id, columns, conflict ? request.version : base.version);
      // A category change goes through rpc/move_request (ADR 0008): the
      // request may leave the caller's view, which a PATCH cannot survive.
      if (category !== undefined) await moveRequest(request.id, category);
      close();
      setSaved(true);
      void queryClient.invalidateQueries({ queryKey: requestsKey });
      void queryClient.invalidateQueries({ queryKey: peopleKey });
      if (category !== undefined) {
        navigate(`${hrefFor({ name: 'request', key: request.key })}?moved=${category}`, {
          replace: true,
        });
      }
    } catch (error) {
      if (fieldOf(error, ['version'] as const)) {
        setConflict(describeError(error));
        void queryClient.invalidateQueries({ queryKey: requestsKey });
      } else setErrors(toFormErrors(error, EDIT_FIELDS));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="card stack" onSubmit={submit} aria-label="Edit request" noValidate>
      <h2>Edit request</h2>
      <Field label="Title" hint={`Up to ${TITLE_MAX} characters.`} error={errors.fields.title}>
        {(props) => <input {...props} name="title" type="text" defaultValue={request.title} />}
      </Field>
      <Field
        label="Description"
        hint={`Markdown works. Up to ${DESCRIPTION_MAX.toLocaleString('en')} characters.`}
        error={errors.fields.description}
      >
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
              <select
                {...props}
                name="category"
                value={category}
                onChange={(event) => {
                  setCategory(event.target.value);
                }}
              >
                {categoryChoices.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
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
                value={assignee}
                onChange={(event) => {
                  setAssignee(event.target.value);
                }}
              >
                {assigneeChoices.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      )}
      {conflict && (
        <div role="alert" className="notice notice-error stack" data-testid="edit-conflict">
          <p>{conflict} Your changes were not saved.</p>
          <p>Now saved (version {request.version}):</p>
          <dl>
            <dt>Title</dt>
            <dd>{request.title}</dd>
            <dt>Priority</dt>
            <dd>{priorityLabel(request.priority)}</dd>
            <dt>Description</dt>
            <dd>{request.description || '—'}</dd>
          </dl>
          <p>Your version is still in the form: change it if needed and save again.</p>
        </div>
      )}
      {errors.form && <Notice tone="error">{errors.form}</Notice>}
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          aria-disabled={saving}
          aria-busy={saving}
        >
          {saving ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" className="button" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}
