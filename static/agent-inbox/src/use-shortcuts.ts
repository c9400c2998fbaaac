import { useEffect, useRef } from 'preact/hooks';
import { isTyping, shortcutFor, type ShortcutAction } from './keyboard-shortcuts';

/** IN1: one keydown listener on the page for the inbox's shortcuts; the handlers may change on every render. */
export function useShortcuts(handlers: Record<ShortcutAction, () => void>): void {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutFor({ ...pickKeys(event), typing: isTyping(event.target) });
      if (!action) return;
      event.preventDefault();
      current.current[action]();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

function pickKeys(event: KeyboardEvent) {
  return { key: event.key, altKey: event.altKey, ctrlKey: event.ctrlKey, metaKey: event.metaKey };
}

/** Presses the page's button for a shortcut (the offer card's Accept, the chat's Resolve) as a click would. */
export function pressShortcutButton(name: 'accept' | 'resolve'): void {
  document.querySelector<HTMLButtonElement>(`[data-shortcut="${name}"]:not([disabled])`)?.click();
}
