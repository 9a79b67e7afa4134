// Both SLA clocks of a request, and the requester's confirmation and rating
// once it is resolved (ADR 0018; reopening is a status move, TransitionPanel).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import type { RequestRow } from '../api/database';
import { describeError } from '../api/errors';
import { requestsKey } from '../api/keys';
import { useMe } from '../api/me';
import { Notice } from '../ui/States';
import { confirmResolution, ratingQuery, slaQuery } from './api';
import { describeClock } from './sla';

export function SlaClocks({ request }: { request: RequestRow }) {
  const sla = useQuery(slaQuery(request.id));
  const clocks = sla.data;
  if (!clocks) return null;
  return (
    <dl className="facts card" aria-label="Service level" data-testid="sla-clocks">
      <dt>First response</dt>
      <dd data-state={clocks.first_response_state}>
        {describeClock(
          clocks.first_response_state,
          clocks.first_response_due_at,
          clocks.first_responded_at,
        )}
      </dd>
      <dt>Resolution</dt>
      <dd data-state={clocks.resolution_state}>
        {describeClock(clocks.resolution_state, clocks.resolution_due_at, clocks.resolved_at)}
      </dd>
    </dl>
  );
}

const STARS = [1, 2, 3, 4, 5] as const;

export function RateResolution({ request }: { request: RequestRow }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const resolvedAt = request.resolved_at;
  const rating = useQuery({
    ...ratingQuery(request.id, resolvedAt ?? ''),
    enabled: resolvedAt !== null && request.status === 'resolved',
  });
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  if (request.status !== 'resolved' || request.requester_id !== me.id) return null;

  const rate = async (score: number, comment: string) => {
    setBusy(true);
    setMessage(null);
    try {
      await confirmResolution(request.id, score, comment);
      setMessage({ tone: 'success', text: `Thank you: you rated the fix ${score} of 5.` });
      void queryClient.invalidateQueries({ queryKey: requestsKey });
    } catch (error) {
      setMessage({ tone: 'error', text: describeError(error) });
    } finally {
      setBusy(false);
    }
  };
  const submitComment = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const comment = form.get('rating-comment');
    void rate(rating.data?.score ?? 5, typeof comment === 'string' ? comment : '');
  };

  return (
    <section className="card stack" aria-labelledby="rate-heading" data-testid="rate-resolution">
      <h2 id="rate-heading">Is it fixed?</h2>
      <p>Confirm the fix with a rating, or reopen the request above if it is not.</p>
      <div role="group" aria-label="Rate the fix" className="actions">
        {STARS.map((score) => (
          <button
            key={score}
            type="button"
            className="button button-small"
            aria-pressed={rating.data?.score === score}
            disabled={busy}
            onClick={() => void rate(score, '')}
          >
            {score} ★<span className="sr-only"> of 5</span>
          </button>
        ))}
      </div>
      {rating.data && (
        <form onSubmit={submitComment} className="stack">
          <label htmlFor="rating-comment">Anything to add? (optional)</label>
          <textarea id="rating-comment" name="rating-comment" maxLength={2000} rows={2} />
          <button type="submit" className="button button-small" disabled={busy}>
            Send comment
          </button>
        </form>
      )}
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
    </section>
  );
}
