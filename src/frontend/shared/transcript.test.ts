import { groupBySender, lastSeq, mergeMessages, parseContext, senderLabel, splitAtHandoff, type Message } from './transcript';

const m = (seq: number, from: Message['from'], text = `m${seq}`): Message => ({ seq, from, text, at: 1_700_000_000_000 + seq * 1000 });

describe('transcript', () => {
  it('merges pages of messages by seq, once each, in order', () => {
    const held = [m(1, 'customer'), m(2, 'agent')];
    const merged = mergeMessages(held, [m(3, 'customer'), m(2, 'agent'), m(4, 'agent')]);
    expect(merged.map((x) => x.seq)).toEqual([1, 2, 3, 4]);
    expect(lastSeq(merged)).toBe(4);
    expect(lastSeq([])).toBeUndefined();
  });

  it("the AI part runs up to the AI's last turn; what follows is the live chat", () => {
    const parts = splitAtHandoff([
      m(1, 'customer'),
      m(2, 'ai'),
      m(3, 'customer'),
      m(4, 'ai'),
      m(5, 'customer'),
      m(6, 'system'),
      m(7, 'agent')
    ]);
    expect(parts.map((p) => [p.part, p.messages.map((x) => x.seq)])).toEqual([
      ['ai', [1, 2, 3, 4]],
      ['live', [5, 6, 7]]
    ]);
  });

  it("the backend's count of AI turns decides when it is sent", () => {
    const messages = [m(1, 'customer'), m(2, 'ai'), m(3, 'customer'), m(4, 'agent')];
    expect(splitAtHandoff(messages, 3).map((p) => p.messages.map((x) => x.seq))).toEqual([[1, 2, 3], [4]]);
    expect(splitAtHandoff(messages, 0).map((p) => p.part)).toEqual(['live']);
    expect(splitAtHandoff(messages, 9).map((p) => p.part)).toEqual(['ai']);
  });

  it('without AI turns everything is the live chat', () => {
    expect(splitAtHandoff([m(1, 'agent'), m(2, 'customer')]).map((p) => p.part)).toEqual(['live']);
    expect(splitAtHandoff([])).toEqual([]);
  });

  it('groups consecutive messages of one sender; system lines stand alone', () => {
    const groups = groupBySender([m(1, 'agent'), m(2, 'agent'), m(3, 'customer'), m(4, 'system'), m(5, 'system'), m(6, 'agent')]);
    expect(groups.map((g) => [g.from, g.messages.length])).toEqual([
      ['agent', 2],
      ['customer', 1],
      ['system', 1],
      ['system', 1],
      ['agent', 1]
    ]);
  });

  it('reads the AI context text as turns, continuing unprefixed lines', () => {
    const context = 'Customer: My VPN drops\nevery hour\nAI: Try reconnecting.\nCustomer: I want a person';
    expect(parseContext(context)).toEqual([
      { from: 'customer', text: 'My VPN drops\nevery hour' },
      { from: 'ai', text: 'Try reconnecting.' },
      { from: 'customer', text: 'I want a person' }
    ]);
    expect(parseContext('The customer needs a refund.')).toEqual([{ from: null, text: 'The customer needs a refund.' }]);
    expect(parseContext('')).toEqual([]);
  });

  it("names senders, with the people's names when known", () => {
    expect(senderLabel('ai')).toBe('AI assistant');
    expect(senderLabel('agent', { agent: 'Ana' })).toBe('Ana');
    expect(senderLabel('customer')).toBe('Customer');
    expect(senderLabel('system')).toBe('Live chat');
  });
});
