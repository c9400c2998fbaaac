import { addRating, canRate, NO_RATINGS, ratingLabel, validateRating } from './rating';
import { ACCEPT_SAMPLES, estimateWait, recordAcceptTime } from './wait-estimate';

const MIN = 60_000;

describe('estimated wait (W1)', () => {
  it('W1: keeps the last 20 times to accept, newest last', () => {
    let samples: number[] = [];
    for (let i = 1; i <= 25; i++) samples = recordAcceptTime(samples, i * 1_000);
    expect(samples).toHaveLength(ACCEPT_SAMPLES);
    expect(samples[0]).toBe(6_000);
    expect(samples.at(-1)).toBe(25_000);
  });

  it('W1: no estimate from fewer than 3 accepts', () => {
    expect(estimateWait([2 * MIN, 3 * MIN], 1)).toBeNull();
  });

  it('W1: a range between the quartiles, one per place in the queue', () => {
    const samples = [1, 2, 2, 3, 4].map((m) => m * MIN);
    expect(estimateWait(samples, 1)).toEqual({ minMinutes: 2, maxMinutes: 3 });
    expect(estimateWait(samples, 2)).toEqual({ minMinutes: 4, maxMinutes: 6 });
  });

  it('W1: at least 1 minute and a span of at least one; capped at an hour', () => {
    expect(estimateWait([5_000, 6_000, 7_000], 1)).toEqual({ minMinutes: 1, maxMinutes: 2 });
    expect(estimateWait([30 * MIN, 40 * MIN, 50 * MIN], 5)).toEqual({ minMinutes: 60, maxMinutes: 60 });
  });
});

describe('rating after the chat (X1)', () => {
  it('X1: 1–5 stars and an optional comment of at most 1,000 characters', () => {
    expect(validateRating({ stars: 4 })).toEqual({ ok: true, value: { stars: 4, comment: '' } });
    expect(validateRating({ stars: 5, comment: '  Quick and kind. ' })).toEqual({
      ok: true,
      value: { stars: 5, comment: 'Quick and kind.' }
    });
    expect(validateRating({ stars: 1, comment: 'x'.repeat(1000) }).ok).toBe(true);
  });

  it.each([[0], [6], [3.5], ['4'], [null]])('X1: %p stars is refused as invalid, naming the field', (stars) => {
    const result = validateRating({ stars });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'invalid', fields: [{ field: 'stars' }] });
  });

  it('X1: a comment too long or not text is refused, naming the field', () => {
    for (const comment of ['x'.repeat(1001), 42]) {
      const result = validateRating({ stars: 3, comment });
      expect(!result.ok && result.error.fields).toEqual([
        { field: 'comment', message: 'Comment must be text of at most 1,000 characters' }
      ]);
    }
  });

  it('X1: only chats an agent was in can be rated', () => {
    expect(['resolved', 'expired'].every((s) => canRate(s as never))).toBe(true);
    expect(['waiting', 'offered', 'active', 'missed'].some((s) => canRate(s as never))).toBe(false);
  });

  it('X1: the label names the stars; the counter adds one rating', () => {
    expect(ratingLabel(4)).toBe('live-chat-rating-4');
    expect(addRating(addRating(NO_RATINGS, 4), 2)).toEqual({ counts: [0, 1, 0, 1, 0], total: 2, sum: 6 });
  });
});
