import { view } from '@forge/bridge';

// The inbox arrives with the backend (issue 5); this entry proves the Custom UI resource builds and loads.
async function main(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  const context = await view.getContext();
  root.textContent = `Live chat inbox (${context.moduleKey})`;
}

void main();
