import { isSendKey, sendable, shouldSendTyping } from './typing';

describe('composer rules', () => {
  it('sends "typing" at most every 3 seconds, and only with text', () => {
    expect(shouldSendTyping(null, 1000, 'h')).toBe(true);
    expect(shouldSendTyping(1000, 3999, 'he')).toBe(false);
    expect(shouldSendTyping(1000, 4000, 'hel')).toBe(true);
    expect(shouldSendTyping(null, 1000, '   ')).toBe(false);
  });

  it('R29: sends plain text of 1 to 4,000 characters', () => {
    expect(sendable('hi')).toBe(true);
    expect(sendable('  \n ')).toBe(false);
    expect(sendable('x'.repeat(4000))).toBe(true);
    expect(sendable('x'.repeat(4001))).toBe(false);
  });

  it('Enter sends; Shift+Enter and IME composition do not', () => {
    expect(isSendKey({ key: 'Enter', shiftKey: false })).toBe(true);
    expect(isSendKey({ key: 'Enter', shiftKey: true })).toBe(false);
    expect(isSendKey({ key: 'Enter', shiftKey: false, isComposing: true })).toBe(false);
    expect(isSendKey({ key: 'a', shiftKey: false })).toBe(false);
  });
});
