/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import type { Outcome } from '../../../src/frontend/shared/operation-result';
import { ErrorAlert, PanelSubmit, SubmitForm } from '../../shared/src/form-parts';

/** The backend's limit (X1); the box stops there too. */
const COMMENT_MAX_CHARS = 1_000;
const STARS = [1, 2, 3, 4, 5] as const;
const WORDS = ['', 'Very poor', 'Poor', 'Okay', 'Good', 'Excellent'];

interface Props {
  /** chat.rate (X1): once per chat. */
  readonly rate: (stars: number, comment: string) => Promise<Outcome<{ stars: number }>>;
}

/** X1: when the chat has ended, the customer may rate it 1–5 with a comment; once. */
export function RatingForm({ rate }: Props) {
  const [stars, setStars] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async () => {
    if (busy || stars === null) return;
    setBusy(true);
    setError(null);
    const outcome = await rate(stars, comment.trim());
    setBusy(false);
    if (outcome.ok) setDone(`Thanks for rating this chat ${outcome.value.stars} of 5.`);
    else if (outcome.error.code === 'conflict') setDone('You have already rated this chat. Thanks!');
    else setError(outcome.error.message);
  };

  if (done) {
    return (
      <p class="confirmation" role="status">
        {done}
      </p>
    );
  }
  return (
    <SubmitForm class="rating-form" onSubmit={submit}>
      <fieldset class="stars">
        <legend>How was this chat?</legend>
        {STARS.map((n) => (
          <label key={n} class={stars !== null && n <= stars ? 'star chosen' : 'star'}>
            <input type="radio" name="stars" value={n} checked={stars === n} onChange={() => setStars(n)} class="visually-hidden" />
            <span aria-hidden="true">★</span>
            <span class="visually-hidden">{`${n} of 5: ${WORDS[n]}`}</span>
          </label>
        ))}
      </fieldset>
      <label for="rating-comment">Comment (optional)</label>
      <textarea
        id="rating-comment"
        rows={2}
        maxLength={COMMENT_MAX_CHARS}
        value={comment}
        onInput={(event) => setComment((event.currentTarget as HTMLTextAreaElement).value)}
      />
      <ErrorAlert error={error} />
      <PanelSubmit disabled={busy || stars === null}>Send rating</PanelSubmit>
    </SubmitForm>
  );
}
