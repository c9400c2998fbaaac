import { matchReplies, movedIndex, slashQuery } from './saved-reply-search';

const reply = (title: string, text = '') => ({ id: title, title, text });

describe('the saved-reply picker (SR2)', () => {
  it('SR2: opens while the message is a / command, and searches what follows it', () => {
    expect(slashQuery('/')).toBe('');
    expect(slashQuery('/vpn')).toBe('vpn');
    expect(slashQuery('hello /vpn')).toBeNull();
    expect(slashQuery('/vpn\nmore')).toBeNull();
    expect(slashQuery('')).toBeNull();
  });

  it('SR2: titles starting with the search come first, then titles or texts containing it', () => {
    const replies = [reply('Password reset', 'Use the VPN first'), reply('VPN', 'Restart'), reply('Printer VPN'), reply('Opening hours')];
    expect(matchReplies(replies, 'vpn').map((r) => r.title)).toEqual(['VPN', 'Password reset', 'Printer VPN']);
    expect(matchReplies(replies, '  ').map((r) => r.title)).toHaveLength(4);
    expect(matchReplies(replies, 'nothing')).toEqual([]);
  });

  it('SR2: the arrows move through the list and wrap', () => {
    expect(movedIndex(0, 3, 'ArrowDown')).toBe(1);
    expect(movedIndex(2, 3, 'ArrowDown')).toBe(0);
    expect(movedIndex(0, 3, 'ArrowUp')).toBe(2);
    expect(movedIndex(0, 0, 'ArrowUp')).toBe(0);
  });
});
