import { view } from '@forge/bridge';

// The widget arrives with the backend (issue 5); this entry proves the Custom UI resource builds and loads.
async function main(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  const context = await view.getContext();
  root.textContent = `Live chat (${context.moduleKey})`;
}

void main();
