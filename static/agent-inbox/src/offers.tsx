/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import { describeCountdown, formatCountdown, secondsLeft } from '../../../src/frontend/shared/format';
import type { Offer } from '../../../src/frontend/shared/operations';
import { run } from '../../../src/frontend/shared/run';
import { parseContext, senderLabel } from '../../../src/frontend/shared/transcript';
import { offerElementId, orderOffers } from './inbox-state';
import { useNow } from './use-now';

/** R6–R9: the chats offered to this agent, each with its summary, AI context and deadline. */
export function OfferList({
  offers,
  onAnswered
}: {
  offers: readonly Offer[];
  onAnswered: (conversationId: string, accepted: boolean) => void;
}) {
  const now = useNow(offers.length > 0);
  if (offers.length === 0) return null;
  return (
    <section class="offers" aria-labelledby="offers-heading">
      <h2 id="offers-heading">Offers ({offers.length})</h2>
      {orderOffers(offers).map((offer) => (
        <OfferCard key={`${offer.conversationId}:${offer.expiresAt}`} offer={offer} now={now} onAnswered={onAnswered} />
      ))}
    </section>
  );
}

function OfferCard({
  offer,
  now,
  onAnswered
}: {
  offer: Offer;
  now: number;
  onAnswered: (conversationId: string, accepted: boolean) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const expired = secondsLeft(offer.expiresAt, now) === 0;
  const headingId = `${offerElementId(offer.conversationId)}-summary`;

  const answer = async (accept: boolean) => {
    setBusy(true);
    setError(null);
    const outcome = await run(accept ? 'offer.accept' : 'offer.decline', { conversationId: offer.conversationId });
    setBusy(false);
    if (outcome.ok) onAnswered(offer.conversationId, accept);
    else setError(outcome.error.message);
  };

  const context = parseContext(offer.context);
  return (
    <article class="card offer" id={offerElementId(offer.conversationId)} tabIndex={-1} aria-labelledby={headingId}>
      <div class="offer-top">
        <span class="tag">{offer.projectKey}</span>
        <span class={`countdown${expired ? ' expired' : ''}`} role="timer" aria-label={describeCountdown(offer.expiresAt, now)}>
          {expired ? 'Expired' : formatCountdown(offer.expiresAt, now)}
        </span>
      </div>
      <h3 id={headingId}>{offer.summary}</h3>
      {offer.transferFrom && <p class="transfer-from">Transfer from {offer.transferFrom}: they keep the chat until you accept.</p>}
      {context.length > 0 && (
        <details open>
          <summary>AI conversation</summary>
          <ul class="context" aria-label="AI conversation before the handoff" tabIndex={0}>
            {context.map((line, i) => (
              <li key={i} class={`context-line from-${line.from ?? 'ai'}`}>
                {line.from && <span class="who">{senderLabel(line.from)}: </span>}
                {line.text}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div class="actions">
        <button type="button" class="button primary" data-shortcut="accept" disabled={busy || expired} onClick={() => void answer(true)}>
          Accept
        </button>
        <button type="button" class="button" disabled={busy || expired} onClick={() => void answer(false)}>
          Decline
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
