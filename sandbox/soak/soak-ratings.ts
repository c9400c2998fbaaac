import { RATING_COMMENT_MAX_CHARS, ratingLabel, type ChatRating, type RatingCounts } from '../../src/domain';
import { ratingHeading } from '../../src/app/chat/rate-chat';
import type { ChatWorld, StartedChat } from '../../src/app/routing/testing/chat-world';
import { InvariantBreach } from '../../src/app/routing/testing/routing-invariants';

type Call = (operation: string, payload: unknown) => Promise<Record<string, unknown>>;

/** Codes any rating may get under faults: storage or Jira busy (the customer sends it again). */
const BUSY = ['unavailable', 'rate_limited'];

/** Bad input the widget never sends but a page may (X1: `invalid`, nothing stored). */
const BAD_INPUT: readonly Record<string, unknown>[] = [
  { stars: 0 },
  { stars: 6 },
  { stars: 3.5 },
  { stars: 4, comment: 'x'.repeat(RATING_COMMENT_MAX_CHARS + 1) }
];

interface Rater {
  readonly chat: StartedChat;
  /** The rating this customer means to give; sent again after a busy answer. */
  readonly rating: ChatRating;
  /** Sent once more after it was accepted (a lost answer), or another rating after it (a change of mind): refused, nothing changes. */
  twice: 'same' | 'other' | null;
  /** How the chat ended, once the soak saw it end (`missed`: nobody may rate it). */
  outcome: string | null;
  /** What the app took (an answer with the stars), or null. */
  accepted: ChatRating | null;
  /** Not taken yet, and the chat may be rated (busy, or refused while it still ran): send again. */
  owed: boolean;
}

/**
 * X1 in the soak: customers rate a share of the ended chats (a few the missed ones, which
 * nobody may rate), some as they end them (racing the end: refused while it runs), some twice
 * (the same rating again, or another one), some with bad input first; a busy answer is sent
 * again in a later round, under the same faults. At the end, with the faults off, every rating
 * still owed is sent once more and must be taken. Then: every accepted rating is stored once,
 * posted, and on its work item once (the label `live-chat-rating-N`, one internal comment), each
 * space's counter equals its accepted ratings, and nothing refused left a trace anywhere.
 */
export class SoakRatings {
  private readonly raters = new Map<string, Rater>();
  refused: Record<string, number> = {};
  sends = 0;

  constructor(private readonly world: ChatWorld) {}

  get chats(): number {
    return this.raters.size;
  }

  get accepted(): number {
    return [...this.raters.values()].filter((r) => r.accepted).length;
  }

  /** A chat that just ended (or was missed): its customer may rate it, now or in a later round. */
  ended(chat: StartedChat, outcome: string, rand: () => number): void {
    const known = this.raters.get(chat.conversationId);
    if (known) known.outcome = outcome;
    else if (rand() < 0.35) this.raters.set(chat.conversationId, { ...this.rater(chat, rand), outcome });
  }

  /** The customer ends the chat and rates it at once (two requests in flight): refused (conflict) unless the end landed first. */
  async endAndRate(chat: StartedChat, rand: () => number, call: Call): Promise<void> {
    const rater = this.raters.get(chat.conversationId) ?? this.rater(chat, rand);
    this.raters.set(chat.conversationId, rater);
    await Promise.all([call('chat.end', { conversationId: chat.conversationId, token: chat.token }), this.send(rater, call)]);
  }

  /** This round's customers: first sends (bad input before some), sends owed after busy answers, seconds. */
  moves(rand: () => number, call: Call): Promise<void>[] {
    return [...this.raters.values()]
      .filter((r) => r.owed || (r.accepted && r.twice && rand() < 0.5))
      .filter(() => rand() < 0.5)
      .map(async (rater) => {
        if (rater.accepted) return this.sendAgain(rater, call);
        if (rand() < 0.2) await this.sendBad(rater, BAD_INPUT[Math.floor(rand() * BAD_INPUT.length)], call);
        // A double click: the same rating twice at once; one is taken, the other refused or taken the same.
        if (rand() < 0.1) await Promise.all([this.send(rater, call), this.send(rater, call)]);
        else await this.send(rater, call);
      });
  }

  /** Faults off, every chat ended: each rating still owed is sent again and taken, unless the chat was missed. */
  async settle(call: Call): Promise<void> {
    const outcomes = this.outcomes();
    for (const rater of this.raters.values()) {
      rater.outcome = outcomes.get(rater.chat.conversationId) ?? 'missed';
      if (!rater.owed) continue;
      await this.send(rater, call);
      if (rater.outcome !== 'missed' && !rater.accepted)
        throw new InvariantBreach('X1', `${rater.chat.conversationId} (${rater.outcome}) could not be rated once it had ended`);
    }
  }

  /** Once settled: accepted ratings stored, counted and on their work items once; refused ones nowhere. */
  checkSettled(started: readonly StartedChat[]): void {
    const items = this.world.sandbox.kvs.entityItems<{ record: unknown }>('chat-feedback');
    const stored = new Map(items.filter((i) => i.key.startsWith('rating:')).map((i) => [i.key.slice('rating:'.length), i.value.record]));
    const counters = new Map(
      items.filter((i) => i.key.startsWith('ratings:')).map((i) => [i.key.slice('ratings:'.length), i.value.record])
    );
    const expected = new Map<string, number[]>();
    for (const chat of started) {
      const accepted = this.raters.get(chat.conversationId)?.accepted ?? null;
      const record = stored.get(chat.conversationId) as (ChatRating & { posted: boolean; projectKey: string }) | undefined;
      if (!accepted) {
        if (record) throw new InvariantBreach('X1', `${chat.conversationId} has a stored rating none of its answers accepted`);
      } else {
        if (!record || record.stars !== accepted.stars || record.comment !== accepted.comment || !record.posted)
          throw new InvariantBreach('X1', `${chat.conversationId}'s accepted rating is stored as ${JSON.stringify(record ?? null)}`);
        const counts = expected.get(record.projectKey) ?? [0, 0, 0, 0, 0];
        counts[accepted.stars - 1] += 1;
        expected.set(record.projectKey, counts);
      }
      this.checkWorkItem(chat, accepted);
    }
    for (const key of new Set([...expected.keys(), ...counters.keys()])) {
      const counts = expected.get(key) ?? [0, 0, 0, 0, 0];
      const want: RatingCounts = {
        counts: counts as unknown as RatingCounts['counts'],
        total: counts.reduce((a, b) => a + b, 0),
        sum: counts.reduce((a, n, i) => a + n * (i + 1), 0)
      };
      if (JSON.stringify(counters.get(key) ?? null) !== JSON.stringify(want))
        throw new InvariantBreach(
          'X1',
          `${key}'s rating counter is ${JSON.stringify(counters.get(key) ?? null)}, its accepted ratings ${JSON.stringify(want)}`
        );
    }
  }

  private checkWorkItem(chat: StartedChat, accepted: ChatRating | null): void {
    const jira = this.world.sandbox.jira;
    const labels = (jira.getIssue(chat.workItemKey)?.fields.labels ?? []).filter((l) => l.startsWith('live-chat-rating-'));
    const want = accepted ? [ratingLabel(accepted.stars)] : [];
    if (JSON.stringify(labels) !== JSON.stringify(want))
      throw new InvariantBreach('X1', `${chat.workItemKey} has rating labels [${labels.join(', ')}], expected [${want.join(', ')}]`);
    const heading = ratingHeading(chat.conversationId);
    const notes = jira.comments(chat.workItemKey).filter((c) => JSON.stringify(c.body).includes(heading));
    if (notes.length !== (accepted ? 1 : 0) || notes.some((c) => c.jsdPublic))
      throw new InvariantBreach(
        'X1',
        `${chat.workItemKey} has ${notes.length} rating comments${accepted ? '' : ' and no accepted rating'}`
      );
    if (accepted && !JSON.stringify(notes[0].body).includes(`${accepted.stars} of 5`))
      throw new InvariantBreach('X1', `${chat.workItemKey}'s rating comment does not say ${accepted.stars} of 5`);
  }

  private rater(chat: StartedChat, rand: () => number): Rater {
    const stars = 1 + Math.floor(rand() * 5);
    const comment = rand() < 0.4 ? `Rated ${stars}: ${'thanks '.repeat(1 + Math.floor(rand() * 20))}` : '';
    const twice = rand() < 0.3 ? (rand() < 0.5 ? 'same' : 'other') : null;
    return { chat, rating: { stars, comment: comment.trim() }, twice, outcome: null, accepted: null, owed: true };
  }

  private async send(rater: Rater, call: Call): Promise<void> {
    const answer = await this.rate(rater, rater.rating, call);
    if (!('error' in answer)) {
      if (answer.stars !== rater.rating.stars || answer.workItemKey !== rater.chat.workItemKey)
        throw new InvariantBreach('X1', `chat.rate answered ${JSON.stringify(answer)} for ${rater.rating.stars} stars`);
      rater.accepted = rater.rating;
      rater.owed = false;
      return;
    }
    const code = this.refusal(answer);
    if (BUSY.includes(code)) return;
    // Refused while the chat ran (a race with its end: owed), as it was missed (routing may never have stored it), or a twin was taken.
    // A refusal of an ended chat nobody rated stays owed and is caught when sent again at the end.
    if (code === 'conflict' || (code === 'not_found' && rater.outcome === 'missed')) {
      rater.owed = !rater.accepted && rater.outcome !== 'missed';
      return;
    }
    throw new InvariantBreach('X1', `chat.rate answered ${code} for ${rater.chat.conversationId}`);
  }

  /** After it was taken: the same rating again, or another; either is refused (conflict), or busy. */
  private async sendAgain(rater: Rater, call: Call): Promise<void> {
    const other: ChatRating = { stars: (rater.rating.stars % 5) + 1, comment: 'Changed my mind' };
    const answer = await this.rate(rater, rater.twice === 'same' ? rater.rating : other, call);
    rater.twice = null;
    const code = 'error' in answer ? this.refusal(answer) : 'ok';
    if (code !== 'conflict' && !BUSY.includes(code))
      throw new InvariantBreach('X1', `a second rating of ${rater.chat.conversationId} was answered ${code}`);
  }

  private async sendBad(rater: Rater, body: Record<string, unknown>, call: Call): Promise<void> {
    const answer = await this.rate(rater, body, call);
    const code = 'error' in answer ? this.refusal(answer) : 'ok';
    // The input is checked before the chat's state: `invalid` even for a missed chat, unless routing never stored it.
    if (code !== 'invalid' && !BUSY.includes(code) && !(code === 'not_found' && rater.outcome === 'missed'))
      throw new InvariantBreach('X1', `chat.rate with ${JSON.stringify(body).slice(0, 40)} was answered ${code}`);
  }

  private rate(rater: Rater, body: object, call: Call): Promise<Record<string, unknown>> {
    this.sends += 1;
    return call('chat.rate', { conversationId: rater.chat.conversationId, token: rater.chat.token, ...body });
  }

  private refusal(answer: Record<string, unknown>): string {
    const code = (answer as { error: { code: string } }).error.code;
    this.refused[code] = (this.refused[code] ?? 0) + 1;
    return code;
  }

  private outcomes(): Map<string, string> {
    return new Map(
      this.world.sandbox.kvs
        .entityItems<{ record: { outcome: { kind: string } | null } }>('conversation')
        .map((e) => [e.key, e.value.record.outcome?.kind ?? 'running'])
    );
  }
}
