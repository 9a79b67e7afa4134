import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import type { RequestRow } from '../api/database';
import { describeError } from '../api/errors';
import { requestsKey } from '../api/keys';
import { personName, usePeople } from '../api/reference';
import { EmptyState, Loaded, Notice } from '../ui/States';
import { Time } from '../ui/Time';
import { addComment, commentsQuery } from './api';

export function CommentsSection({
  request,
  canWriteInternal,
}: {
  request: RequestRow;
  canWriteInternal: boolean;
}) {
  const comments = useQuery(commentsQuery(request.id));
  const queryClient = useQueryClient();
  const people = usePeople();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [formKey, setFormKey] = useState(0);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const body = data.get('body');
    const text = typeof body === 'string' ? body.trim() : '';
    if (!text) {
      setError('Write something first.');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await addComment(request.id, text, canWriteInternal && data.get('internal') === 'on');
      setFormKey((n) => n + 1);
      void queryClient.invalidateQueries({ queryKey: requestsKey });
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="comments-heading" className="card">
      <h2 id="comments-heading">Comments</h2>
      <Loaded query={comments} loadingLabel="Loading comments…">
        {(rows) =>
          rows.length === 0 ? (
            <EmptyState title="No comments yet." />
          ) : (
            <ol className="comments" aria-label="Comments">
              {rows.map((comment) => (
                <li
                  key={comment.id}
                  className={comment.internal ? 'comment comment-internal' : 'comment'}
                >
                  <p className="comment-meta">
                    <strong>
                      {comment.author_name ?? personName(people.index, comment.author_id)}
                    </strong>{' '}
                    <Time value={comment.created_at} />
                    {comment.internal && (
                      <span className="badge badge-internal">Internal note · agents only</span>
                    )}
                  </p>
                  <p className="prose">{comment.body}</p>
                </li>
              ))}
            </ol>
          )
        }
      </Loaded>
      <form key={formKey} className="stack" onSubmit={submit} noValidate>
        <div className={error ? 'field field-invalid' : 'field'}>
          <label htmlFor="comment-body">Add a comment</label>
          <textarea
            id="comment-body"
            name="body"
            rows={3}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'comment-error' : undefined}
          />
          {error && (
            <p className="field-error" id="comment-error">
              {error}
            </p>
          )}
        </div>
        {canWriteInternal && (
          <div className="checkbox">
            <input id="comment-internal" name="internal" type="checkbox" />
            <label htmlFor="comment-internal">Internal note (only agents and admins see it)</label>
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="button" disabled={saving} aria-busy={saving}>
            {saving ? 'Posting…' : 'Post comment'}
          </button>
        </div>
        {saving && <Notice tone="info">Posting your comment…</Notice>}
      </form>
    </section>
  );
}
