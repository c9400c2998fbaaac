/** @jsxImportSource preact */
import { render } from 'preact';
import { view } from '@forge/bridge';
import { Inbox } from './inbox';

/** The live chat inbox (jira:globalPage): availability, offers, chats (R1, R5–R9, R19–R21). */
async function main(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  const context = await view.getContext().catch(() => null);
  render(<Inbox locale={context?.locale} timeZone={context?.timezone} />, root);
}

void main();
