import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type KeyboardEvent, type SubmitEvent } from 'react';
import type { RequestRow } from '../api/database';
import { describeError, fieldOf } from '../api/errors';
import { peopleKey, requestsKey } from '../api/keys';
import { statusLabel, useStatuses } from '../api/reference';
import { Notice } from '../ui/States';
import { allowedTransitionsQuery, transitionRequest, type AllowedTransition } from './api';
import { noteLabel, transitionLabel } from './history';

/** Only the moves the database allows this person now; a note where one is asked for. */
export function TransitionPanel({ request }: { request: RequestRow }) {
  const allowed = useQuery(allowedTransitionsQuery(request.id));
  const statuses = useStatuses();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<AllowedTransition | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [noteError, setNoteError] = useState<string | null>(null);
  // Focus stays in the panel: on the button that opened a note form when it
  // closes, on the outcome when the buttons change under the person's hand.
  const opener = useRef<string | null>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const buttons = useRef<HTMLDivElement>(null);

  if (allowed.isPending) return null;
  if (allowed.isError) {
    return (
      <Notice tone="error">
        The possible status changes could not be loaded: {describeError(allowed.error)}
      </Notice>
    );
  }
  const moves = allowed.data;

  const focusOutcome = () => {
    requestAnimationFrame(() => outcome.current?.focus());
  };

  const closeNoteForm = () => {
    setChosen(null);
    setNoteError(null);
    const label = opener.current;
    requestAnimationFrame(() => {
      const button = [...(buttons.current?.querySelectorAll('button') ?? [])].find(
        (candidate) => candidate.dataset.move === label,
      );
      button?.focus();
    });
  };

  const move = async (transition: AllowedTransition, note: string | null) => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    setNoteError(null);
    try {
      await transitionRequest(request.id, transition.to_status, note);
      setChosen(null);
      setMessage({
        tone: 'success',
        text: `Status changed to ${statusLabel(statuses, transition.to_status)}.`,
      });
      void queryClient.invalidateQueries({ queryKey: requestsKey });
      void queryClient.invalidateQueries({ queryKey: peopleKey });
      focusOutcome();
    } catch (error) {
      // A refused move ("already in progress") means the page is stale: refresh it.
      void queryClient.invalidateQueries({ queryKey: requestsKey });
      // "A resolution is required" belongs next to the note field.
      if (chosen && fieldOf(error, ['note'] as const)) setNoteError(describeError(error));
      else {
        setMessage({ tone: 'error', text: describeError(error) });
        setChosen(null);
        focusOutcome();
        // Someone else may have moved it: show the request as it is now.
        void queryClient.invalidateQueries({ queryKey: requestsKey });
      }
    } finally {
      setBusy(false);
    }
  };

  const start = (transition: AllowedTransition) => {
    setMessage(null);
    setNoteError(null);
    if (transition.note_required || transition.to_status === 'cancelled') {
      opener.current = transition.to_status;
      setChosen(transition);
    } else void move(transition, null);
  };

  const submitNote = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!chosen) return;
    const note = new FormData(event.currentTarget).get('note');
    const text = typeof note === 'string' ? note.trim() : '';
    void move(chosen, text || null);
  };

  if (moves.length === 0 && !message) return null;

  return (
    <section aria-labelledby="moves-heading" className="card">
      <h2 id="moves-heading">Status</h2>
      <div ref={outcome} tabIndex={-1} className="focus-target">
        {message && <Notice tone={message.tone}>{message.text}</Notice>}
      </div>
      {chosen ? (
        <form
          className="stack"
          onSubmit={submitNote}
          onKeyDown={(event: KeyboardEvent<HTMLFormElement>) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              closeNoteForm();
            }
          }}
          aria-label={transitionLabel(request.status, chosen.to_status)}
        >
          <div className="field">
            <label htmlFor="transition-note">{noteLabel(request.status, chosen.to_status)}</label>
            <textarea
              id="transition-note"
              name="note"
              rows={3}
              aria-required={chosen.note_required}
              aria-invalid={noteError ? true : undefined}
              aria-describedby={
                noteError
                  ? 'transition-note-error'
                  : chosen.note_required
                    ? 'transition-note-hint'
                    : undefined
              }
              autoFocus
            />
            {noteError && (
              <p className="field-error" id="transition-note-error">
                {noteError}
              </p>
            )}
            {chosen.note_required && (
              <p className="field-hint" id="transition-note-hint">
                Required. It is added to the request as a comment.
              </p>
            )}
          </div>
          <div className="form-actions">
            <button
              type="submit"
              className="button button-primary"
              aria-disabled={busy}
              aria-busy={busy}
            >
              {transitionLabel(request.status, chosen.to_status)}
            </button>
            <button type="button" className="button" onClick={closeNoteForm}>
              Back
            </button>
          </div>
        </form>
      ) : (
        <div className="button-row" ref={buttons}>
          {moves.map((transition) => (
            <button
              key={transition.to_status}
              type="button"
              data-move={transition.to_status}
              className={buttonClass(request.status, transition.to_status)}
              aria-disabled={busy}
              onClick={() => {
                start(transition);
              }}
            >
              {transitionLabel(request.status, transition.to_status)}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

/** Forward moves stand out; going back is ordinary; cancelling warns. */
function buttonClass(from: string, to: string): string {
  if (to === 'cancelled') return 'button button-danger';
  if (to === 'in_progress' || to === 'resolved') return 'button button-primary';
  return from === 'resolved' ? 'button button-primary' : 'button';
}
