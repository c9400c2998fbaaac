import fc from 'fast-check';
import { applySavedReplyEdit, SAVED_REPLY_LIMITS, sortedReplies, type SavedReply } from './saved-replies';
import { fillPlaceholders } from './placeholders';
import { byLongestWait, chatAttention, type WeighedMessage } from './chat-attention';
import { portalPageOf } from './portal-page';

const reply = (id: string, title: string, text = 'Some text'): SavedReply => ({ id, title, text });
const save = (id: string, title: unknown, text: unknown) => ({ kind: 'save' as const, id, title, text });

describe('saved replies (SR1)', () => {
  it('SR1: a new reply is added, trimmed; a known id is replaced', () => {
    const added = applySavedReplyEdit([], save('a', '  VPN  ', ' Restart the VPN client. '));
    expect(added).toEqual({ ok: true, value: [reply('a', 'VPN', 'Restart the VPN client.')] });
    const replaced = applySavedReplyEdit([reply('a', 'VPN')], save('a', 'VPN again', 'New text'));
    expect(replaced).toEqual({ ok: true, value: [reply('a', 'VPN again', 'New text')] });
  });

  it('SR1: empty or too long title and text are invalid, naming each field; nothing changes', () => {
    const current = [reply('a', 'VPN')];
    const result = applySavedReplyEdit(current, save('b', '   ', ''));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid');
    expect(result.error.fields?.map((f) => f.field)).toEqual(['title', 'text']);
    const long = applySavedReplyEdit(current, save('b', 'x'.repeat(81), 'y'.repeat(1_001)));
    expect(long.ok || long.error.fields).toEqual([
      { field: 'title', message: 'Title must be at most 80 characters' },
      { field: 'text', message: 'Text must be at most 1,000 characters' }
    ]);
    expect(applySavedReplyEdit(current, save('b', 42, ['x'])).ok).toBe(false);
  });

  it('SR1: titles are unique in a space, ignoring case and spaces; a reply keeps its own title', () => {
    const current = [reply('a', 'VPN'), reply('b', 'Printer')];
    const taken = applySavedReplyEdit(current, save('c', ' vpn', 'x'));
    expect(taken.ok || taken.error.fields?.[0]?.field).toBe('title');
    expect(applySavedReplyEdit(current, save('a', 'VPN', 'changed')).ok).toBe(true);
  });

  it('SR1: at most 200 per space; editing one of 200 still works', () => {
    const full = Array.from({ length: SAVED_REPLY_LIMITS.maxReplies }, (_, i) => reply(`r${i}`, `Title ${i}`));
    const refused = applySavedReplyEdit(full, save('new', 'One more', 'x'));
    expect(refused.ok || refused.error.code).toBe('invalid');
    expect(applySavedReplyEdit(full, save('r5', 'Title five', 'x')).ok).toBe(true);
  });

  it('SR1: deleting removes the reply; an unknown one is not_found', () => {
    expect(applySavedReplyEdit([reply('a', 'VPN')], { kind: 'delete', id: 'a' })).toEqual({ ok: true, value: [] });
    const missing = applySavedReplyEdit([], { kind: 'delete', id: 'a' });
    expect(missing.ok || missing.error.code).toBe('not_found');
  });

  it('SR1: whatever the edits, the list holds at most 200 replies with unique, non-empty titles', () => {
    const edit = fc.oneof(
      fc.record({
        kind: fc.constant('save' as const),
        id: fc.integer({ min: 0, max: 250 }).map(String),
        title: fc.string(),
        text: fc.string()
      }),
      fc.record({ kind: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 250 }).map(String) })
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 300 }), (edits) => {
        let list: SavedReply[] = [];
        for (const e of edits) {
          const result = applySavedReplyEdit(list, e);
          if (result.ok) list = result.value;
        }
        const titles = list.map((r) => r.title.toLowerCase());
        return list.length <= 200 && new Set(titles).size === titles.length && list.every((r) => r.title && r.text);
      }),
      { numRuns: 200 }
    );
  });

  it('SR1: the picker lists replies by title', () => {
    expect(sortedReplies([reply('1', 'b'), reply('2', 'A'), reply('3', 'c')]).map((r) => r.title)).toEqual(['A', 'b', 'c']);
  });
});

describe('placeholders (SR2)', () => {
  const values = { customerName: 'Dana Scully', agentName: 'Ana Souza', workItem: 'SUP-7' };

  it('SR2: every placeholder is filled, each occurrence', () => {
    expect(fillPlaceholders('Hi {customerName}, {agentName} here about {workItem}. Bye {customerName}.', values)).toBe(
      'Hi Dana Scully, Ana Souza here about SUP-7. Bye Dana Scully.'
    );
  });

  it('SR2: unknown braces stay as written; a nameless customer is "there"', () => {
    expect(fillPlaceholders('Hi {customerName}, see {link} and {CUSTOMERNAME}', { ...values, customerName: ' ' })).toBe(
      'Hi there, see {link} and {CUSTOMERNAME}'
    );
  });
});

describe('inbox attention (IN2, IN4)', () => {
  const m = (seq: number, from: WeighedMessage['from'], at = seq * 1000): WeighedMessage => ({ seq, from, at });

  it('IN2: unread counts the customer’s messages after the read mark only', () => {
    expect(chatAttention([m(5, 'customer'), m(4, 'agent'), m(3, 'customer'), m(2, 'customer')], 2).unread).toBe(2);
  });

  it('IN4: the wait starts at the oldest customer message after the last agent message', () => {
    expect(chatAttention([m(5, 'customer'), m(4, 'customer'), m(3, 'agent'), m(2, 'customer')], 0).awaitingReplySince).toBe(4000);
    expect(chatAttention([m(3, 'agent'), m(2, 'customer')], 0).awaitingReplySince).toBeNull();
    expect(chatAttention([m(3, 'system'), m(2, 'customer')], 0).awaitingReplySince).toBe(2000);
    expect(chatAttention([], 0)).toEqual({ unread: 0, awaitingReplySince: null });
  });

  it('IN4: whoever waits longest is first, then chats nobody waits in, then ended chats', () => {
    const chat = (conversationId: string, awaitingReplySince: number | null, since: number, ended = false) => ({
      conversationId,
      awaitingReplySince,
      since,
      ended
    });
    const ordered = byLongestWait([
      chat('ended', 1, 1, true),
      chat('idle-new', null, 50),
      chat('waits-short', 300, 10),
      chat('idle-old', null, 20),
      chat('waits-long', 100, 90)
    ]);
    expect(ordered.map((c) => c.conversationId)).toEqual(['waits-long', 'waits-short', 'idle-old', 'idle-new', 'ended']);
  });
});

describe('portal page (CC3)', () => {
  it('CC3: a request of the chat’s space, or a request type’s create form, is kept', () => {
    expect(portalPageOf({ key: 'SUP-12' }, 'SUP')).toEqual({ kind: 'request', workItemKey: 'SUP-12' });
    expect(portalPageOf({ typeId: 11 }, 'SUP')).toEqual({ kind: 'createRequest', requestTypeId: '11' });
    expect(portalPageOf(undefined, 'SUP')).toEqual({ kind: 'portal' });
  });

  it('CC3: anything else counts as the portal home page', () => {
    for (const request of [
      { key: 'HR-1' },
      { key: 'SUP-0' },
      { key: '<b>SUP-1</b>' },
      { typeId: '1; drop' },
      { typeId: -3 },
      'SUP-1',
      null
    ]) {
      expect(portalPageOf(request, 'SUP')).toEqual({ kind: 'portal' });
    }
  });
});
