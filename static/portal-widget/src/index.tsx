/** @jsxImportSource preact */
import { render } from 'preact';
import { view } from '@forge/bridge';
import { Widget } from './widget';

/** The help portal's chat (jiraServiceManagement:portalFooter), for customers, anonymous ones too (R22–R24). */
async function main(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  const context = await view.getContext().catch(() => null);
  // Forge gives a portal page its portal; a space's key when the host knows it.
  const projectKey: string | undefined = context?.extension?.project?.key;
  // Forge names an anonymous visitor 'unidentified': they have no chat to be found by account.
  const signedIn = Boolean(context?.accountId) && context?.accountId !== 'unidentified';
  render(<Widget contextProjectKey={projectKey ?? null} signedIn={signedIn} locale={context?.locale} timeZone={context?.timezone} />, root);
}

void main();
