/** @jsxImportSource preact */
import { useEffect, useRef } from 'preact/hooks';
import { SHORTCUTS } from './keyboard-shortcuts';

/**
 * IN1: the `?` overlay, a modal <dialog>: the browser keeps the focus inside it, Esc closes it,
 * and the focus goes back where it was.
 */
export function ShortcutsOverlay({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog ref={dialog} class="shortcuts" aria-labelledby="shortcuts-heading" onClose={onClose}>
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      <table>
        <caption class="visually-hidden">Keys and what they do (not while typing in a text box)</caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">What it does</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.key}>
              <td>
                <kbd>{s.key}</kbd>
              </td>
              <td>{s.label}</td>
            </tr>
          ))}
          <tr>
            <td>
              <kbd>/</kbd>
            </td>
            <td>In the message box: search the space’s saved replies</td>
          </tr>
        </tbody>
      </table>
      <p class="hint">Shortcuts work when the focus is not in a text box.</p>
      <form method="dialog">
        <button type="submit" class="button primary">
          Close
        </button>
      </form>
    </dialog>
  );
}
