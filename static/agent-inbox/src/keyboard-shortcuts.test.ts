import { nextChatId, shortcutFor } from './keyboard-shortcuts';

const key = (k: string, extra: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; typing: boolean }> = {}) => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  typing: false,
  ...extra
});

describe('inbox shortcuts (IN1)', () => {
  it('IN1: n, a, r, c and ? are the next chat, accept, resolve, the message box and the list', () => {
    expect(['n', 'a', 'r', 'c', '?'].map((k) => shortcutFor(key(k)))).toEqual(['nextChat', 'accept', 'resolve', 'compose', 'help']);
    expect(shortcutFor(key('x'))).toBeNull();
  });

  it('IN1: nothing happens while typing or with Ctrl, Alt or Cmd', () => {
    expect(shortcutFor(key('r', { typing: true }))).toBeNull();
    expect(shortcutFor(key('r', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key('n', { metaKey: true }))).toBeNull();
    expect(shortcutFor(key('a', { altKey: true }))).toBeNull();
  });

  it('IN1: the next chat follows the open one in the inbox’s order and wraps', () => {
    expect(nextChatId(['a', 'b', 'c'], null)).toBe('a');
    expect(nextChatId(['a', 'b', 'c'], 'a')).toBe('b');
    expect(nextChatId(['a', 'b', 'c'], 'c')).toBe('a');
    expect(nextChatId(['a', 'b'], 'gone')).toBe('a');
    expect(nextChatId([], null)).toBeNull();
  });
});
