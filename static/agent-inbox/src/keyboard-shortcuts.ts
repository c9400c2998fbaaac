/** IN1: the inbox's keyboard shortcuts (listed on the `?` overlay, shortcuts-overlay.tsx). */
export type ShortcutAction = 'nextChat' | 'accept' | 'resolve' | 'compose' | 'help';

export const SHORTCUTS: readonly { readonly key: string; readonly label: string; readonly action: ShortcutAction }[] = [
  { key: 'n', label: 'Open the next chat (the customer who has waited longest comes first)', action: 'nextChat' },
  { key: 'a', label: 'Accept the offer that expires soonest', action: 'accept' },
  { key: 'r', label: 'Resolve the open chat', action: 'resolve' },
  { key: 'c', label: 'Go to the message box', action: 'compose' },
  { key: '?', label: 'Show these shortcuts', action: 'help' }
];

interface KeyLike {
  readonly key: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  /** True when the focus is where keys are text: a text box, a select, an editable element. */
  readonly typing: boolean;
}

/** A key is a shortcut only outside text boxes and without Ctrl, Alt or Cmd (those are the browser's and Jira's). */
export function shortcutFor(event: KeyLike): ShortcutAction | null {
  if (event.typing || event.altKey || event.ctrlKey || event.metaKey) return null;
  return SHORTCUTS.find((s) => s.key === event.key)?.action ?? null;
}

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return (
    tag === 'TEXTAREA' ||
    tag === 'SELECT' ||
    (tag === 'INPUT' && !['checkbox', 'radio', 'button'].includes((target as HTMLInputElement).type)) ||
    target.isContentEditable
  );
}

/** "Next chat": the one after the open chat in the inbox's order, wrapping; the first when none is open. */
export function nextChatId(ordered: readonly string[], openId: string | null): string | null {
  if (ordered.length === 0) return null;
  const index = openId === null ? -1 : ordered.indexOf(openId);
  return ordered[(index + 1) % ordered.length];
}
