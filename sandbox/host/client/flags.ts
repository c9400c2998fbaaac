import type { FnRef } from './wire';

/**
 * showFlag(): Jira's flags, bottom left, announced politely to screen readers. A flag closes on
 * its Dismiss button, by closeFlag(id), or after 8 seconds unless it is an error or warning
 * (as Atlassian's auto-dismiss flags do).
 */
export interface FlagOptions {
  id: string;
  title?: string;
  description?: string;
  type?: string;
  actions?: Array<{ text: string; onClick?: FnRef }>;
  isAutoDismiss?: boolean;
}

export function showFlag(flag: FlagOptions, onAction: (fn: FnRef) => void): void {
  const region = document.getElementById('host-flags');
  if (!region) return;
  closeFlag(flag.id);
  const box = document.createElement('div');
  box.className = `flag ${flag.type ?? 'info'}`;
  box.dataset.flagId = flag.id;
  const title = document.createElement('strong');
  title.textContent = flag.title ?? '';
  box.appendChild(title);
  if (flag.description) {
    const description = document.createElement('p');
    description.textContent = flag.description;
    box.appendChild(description);
  }
  for (const action of flag.actions ?? []) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = action.text;
    button.addEventListener('click', () => action.onClick && onAction(action.onClick));
    box.appendChild(button);
  }
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.textContent = 'Dismiss';
  dismiss.addEventListener('click', () => box.remove());
  box.appendChild(dismiss);
  region.appendChild(box);
  const sticky = flag.type === 'error' || flag.type === 'warning';
  if (flag.isAutoDismiss ?? !sticky) setTimeout(() => box.remove(), 8000);
}

export function closeFlag(id: string): void {
  document.querySelectorAll<HTMLElement>('#host-flags .flag').forEach((el) => {
    if (el.dataset.flagId === id) el.remove();
  });
}
