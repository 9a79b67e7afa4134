import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ClipboardEvent, type KeyboardEvent, type SubmitEvent } from 'react';
import { attachmentKeys, formatSize } from '../attachments/api';
import { UploadList, filesFrom, useUploads } from '../attachments/Uploads';
import type { RequestRow } from '../api/database';
import { describeError } from '../api/errors';
import { requestsKey } from '../api/keys';
import { useMe } from '../api/me';
import { personName, usePeople } from '../api/reference';
import { useLeaveGuard } from '../router/leaveGuard';
import { draftKey, useDraft } from '../ui/drafts';
import { Markdown } from '../ui/Markdown';
import { EmptyState, Loaded, Notice } from '../ui/States';
import { Time } from '../ui/Time';
import { addComment, commentsQuery } from './api';
import { COMMENT_MAX, lengthHint } from './limits';

type Mode = 'reply' | 'note';

/** What each mode says, so a reply and an internal note never look alike. */
const MODES: Record<Mode, { label: string; button: string; busy: string; done: string }> = {
  reply: {
    label: 'Reply to the requester',
    button: 'Send reply',
    busy: 'Sending your reply…',
    done: 'Reply sent. The requester can read it.',
  },
  note: {
    label: 'Internal note (agents and admins only)',
    button: 'Add internal note',
    busy: 'Adding your note…',
    done: 'Internal note added. The requester cannot see it.',
  },
};

const EMPTY_DRAFT = { body: '', mode: 'reply' };

export function CommentsSection({
  request,
  canWriteInternal,
}: {
  request: RequestRow;
  canWriteInternal: boolean;
}) {
  const me = useMe();
  const comments = useQuery(commentsQuery(request.id));
  const people = usePeople();
  const queryClient = useQueryClient();
  const { draft, setDraft, clear, dirty } = useDraft(
    draftKey(me.id, `comment:${request.id}`),
    EMPTY_DRAFT,
    ['mode'],
  );
  useLeaveGuard(dirty);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const mode: Mode = canWriteInternal && draft.mode === 'note' ? 'note' : 'reply';
  const words = canWriteInternal
    ? MODES[mode]
    : { ...MODES.reply, label: 'Add a comment', button: 'Post comment', done: 'Comment posted.' };
  // Screenshots pasted into the box: attached to the comment once it is posted.
  const [pending, setPending] = useState<File[]>([]);
  const { uploads, start } = useUploads(() => {
    void queryClient.invalidateQueries({ queryKey: attachmentKeys.forRequest(request.id) });
  });

  const paste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = filesFrom(event.clipboardData.files);
    if (pasted.length === 0) return;
    event.preventDefault();
    setPending((files) => [...files, ...pasted]);
  };

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The button stays enabled (and focused) while sending; a second press waits.
    if (saving) return;
    const typed = draft.body.trim();
    const text =
      typed || (pending.length > 0 ? `Attached ${pending.map((f) => f.name).join(', ')}` : '');
    if (!text) {
      setError('Write something first.');
      return;
    }
    if (text.length > COMMENT_MAX) {
      setError(`This is ${text.length} characters long; the limit is ${COMMENT_MAX}.`);
      return;
    }
    setSaving(true);
    setError(null);
    setDone(null);
    try {
      const commentId = await addComment(request.id, text, mode === 'note');
      clear();
      setDraft({ body: '', mode });
      setDone(words.done);
      void queryClient.invalidateQueries({ queryKey: requestsKey });
      const files = pending;
      setPending([]);
      if (files.length > 0) await start(request.id, files, commentId);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setSaving(false);
    }
  };

  const sendOnCtrlEnter = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.current?.requestSubmit();
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
                  <Markdown className="prose" text={comment.body} />
                </li>
              ))}
            </ol>
          )
        }
      </Loaded>
      <form
        ref={form}
        className={mode === 'note' ? 'stack comment-form comment-form-note' : 'stack comment-form'}
        onSubmit={submit}
        noValidate
        aria-label={words.label}
      >
        {canWriteInternal && (
          <fieldset className="mode-switch">
            <legend className="sr-only">Who reads it</legend>
            {(['reply', 'note'] as const).map((value) => (
              <label key={value} className={`mode mode-${value}`}>
                <input
                  type="radio"
                  name="mode"
                  value={value}
                  checked={mode === value}
                  onChange={() => {
                    setDraft({ ...draft, mode: value });
                    setError(null);
                  }}
                />
                {value === 'reply' ? 'Reply' : 'Internal note'}
              </label>
            ))}
          </fieldset>
        )}
        <div className={error ? 'field field-invalid' : 'field'}>
          <label htmlFor="comment-body">{words.label}</label>
          <textarea
            id="comment-body"
            name="body"
            rows={4}
            value={draft.body}
            onChange={(event) => {
              setDraft({ ...draft, body: event.target.value });
            }}
            onKeyDown={sendOnCtrlEnter}
            onPaste={paste}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'comment-error comment-hint' : 'comment-hint'}
          />
          <p className="field-hint" id="comment-hint">
            {mode === 'note'
              ? 'Only agents and admins see an internal note. '
              : 'The requester and the agents see this. '}
            Markdown works: **bold**, lists, links. Paste a screenshot to attach it. Ctrl+Enter
            sends. {lengthHint(draft.body, COMMENT_MAX)}
          </p>
          {error && (
            <p className="field-error" id="comment-error">
              {error}
            </p>
          )}
        </div>
        {pending.length > 0 && (
          <ul className="pending-files" aria-label="Files to attach">
            {pending.map((file, index) => (
              <li key={`${file.name}-${String(index)}`}>
                {file.name} <span className="muted">{formatSize(file.size)}</span>{' '}
                <button
                  type="button"
                  className="button-link"
                  onClick={() => {
                    setPending((files) => files.filter((_, i) => i !== index));
                  }}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <UploadList uploads={uploads} />
        <div className="form-actions">
          <button
            type="submit"
            className={mode === 'note' ? 'button button-note' : 'button button-primary'}
            aria-disabled={saving}
            aria-busy={saving}
          >
            {words.button}
          </button>
        </div>
        {saving && <Notice tone="info">{words.busy}</Notice>}
        {done && !saving && <Notice tone="success">{done}</Notice>}
      </form>
    </section>
  );
}
