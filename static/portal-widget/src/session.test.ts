import { parse, serialize, sessionKey } from './session';

describe('widget session', () => {
  it('R24: keeps the conversation id and its token per space, so a reload resumes', () => {
    const stored = {
      chat: { conversationId: 'c1', token: 'secret', workItemKey: 'SUP-4' },
      aiTurns: [{ from: 'customer' as const, text: 'Hi' }]
    };
    expect(parse(serialize(stored))).toEqual(stored);
    expect(sessionKey('SUP')).toBe('live-chat:SUP');
  });

  it('ignores what is missing, broken or not ours', () => {
    expect(parse(null)).toBeNull();
    expect(parse('{oops')).toBeNull();
    expect(parse('42')).toBeNull();
    expect(parse('{"chat":{"conversationId":"c1"},"aiTurns":[{"from":"robot","text":"x"},{"from":"ai","text":"ok"}]}')).toEqual({
      chat: null,
      aiTurns: [{ from: 'ai', text: 'ok' }]
    });
  });
});
