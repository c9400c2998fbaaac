import { createRoot, type Root } from 'react-dom/client';
import { BRIDGE_CALLS, type HostServices } from './bridge-calls';
import { FrameConnection, sandboxNow, type FrameInfo } from './frame-connection';
import { showFlag, closeFlag } from './flags';
import { RenderContextProvider, renderNode, type ForgeDoc } from './uikit/forge-doc';
import './uikit/layout-components';
import './uikit/feedback-components';
import './uikit/input-components';
import './uikit/form-components';
import './uikit/chart-components';
import { isWire, WIRE, type FnRef, type FrameToHost } from './wire';

/**
 * The host page's script: it plays the Atlassian product around the app's frames. For each
 * extension the server put on the page it creates the frame (Custom UI: the resource in an
 * iframe; UI Kit: a hidden runtime frame plus the tree it renders here with Atlaskit), answers
 * their bridge calls, and relays callbacks.
 */
interface Boot {
  frames: Array<Omit<FrameInfo, 'modal'>>;
  viewer: { accountId: string | null; displayName: string };
}

const boot = JSON.parse(document.getElementById('host-boot')?.textContent ?? '{"frames":[],"viewer":{"accountId":null}}') as Boot;
const connections = new Map<Window, FrameConnection>();
const uiKitRoots = new Map<FrameConnection, { root: Root; container: HTMLElement }>();

/**
 * The iframe Forge puts a Custom UI app in: exactly the sandbox tokens and feature policies its
 * docs list (https://developer.atlassian.com/platform/forge/custom-ui/iframe/), nothing more (no
 * popups, no top navigation). The frame's document comes from the frame origin, so it is
 * cross-origin to this page even with allow-same-origin.
 */
const FRAME_SANDBOX = 'allow-downloads allow-forms allow-modals allow-pointer-lock allow-same-origin allow-scripts';
const FRAME_ALLOW = 'camera; clipboard-write; display-capture; fullscreen; microphone';

/** What Forge's CSP blocked in each frame, for tests (`cspViolations(page)`) and a visible notice. */
const violations: Array<{ moduleKey: string; directive: string; blocked: string; sample: string }> = [];
(window as unknown as { __sandboxCspViolations: typeof violations }).__sandboxCspViolations = violations;

function reportViolation(connection: FrameConnection, directive: string, blocked: string, sample: string): void {
  const first = !violations.some((v) => v.moduleKey === connection.info.moduleKey && v.directive === directive && v.blocked === blocked);
  violations.push({ moduleKey: connection.info.moduleKey, directive, blocked, sample });
  if (!first) return;
  const what = blocked === 'inline' ? `an inline ${directive.startsWith('style') ? 'style' : 'script'}` : blocked;
  console.warn(`Forge's Content Security Policy blocked ${what} (${directive}) in ${connection.info.title}.`);
  const section = document.getElementById(connection.info.id);
  if (!section) return;
  const box = document.createElement('div');
  box.className = 'host-error';
  box.setAttribute('role', 'alert');
  box.textContent = `Forge's Content Security Policy blocked ${what} (${directive}) in ${connection.info.title}. Move it to a file, or declare it in manifest.yml's permissions.content.`;
  section.prepend(box);
}

function mount(info: FrameInfo, container: HTMLElement): FrameConnection {
  const iframe = document.createElement('iframe');
  iframe.src = info.src;
  iframe.setAttribute('sandbox', FRAME_SANDBOX);
  iframe.allow = FRAME_ALLOW;
  const connection = new FrameConnection(info, () => iframe.contentWindow);
  if (info.render === 'custom') {
    iframe.title = info.title;
    iframe.className = `app-frame ${info.layout}`;
    iframe.dataset.module = info.moduleKey;
    iframe.addEventListener('load', () => container.querySelector('.host-loading')?.remove());
    container.appendChild(iframe);
  } else {
    // UI Kit: the app's code runs in a frame nobody sees; what it renders is drawn on this page.
    iframe.title = `${info.title} (UI Kit runtime)`;
    iframe.className = 'uikit-runtime';
    iframe.setAttribute('aria-hidden', 'true');
    iframe.tabIndex = -1;
    const rootElement = document.createElement('div');
    rootElement.className = 'uikit-root';
    rootElement.dataset.module = info.moduleKey;
    container.appendChild(rootElement);
    container.appendChild(iframe);
    uiKitRoots.set(connection, { root: createRoot(rootElement), container });
  }
  // contentWindow exists once the iframe is in the document.
  if (iframe.contentWindow) connections.set(iframe.contentWindow, connection);
  return connection;
}

const services: HostServices = {
  viewer: boot.viewer,
  showFlag: (frame, flag) => showFlag(flag, (fn: FnRef) => void frame.call(fn).catch(() => undefined)),
  closeFlag,
  async openModal(opener, payload) {
    const modal = await opener.server<{ frame: string; src: string; render: 'native' | 'custom' }>('modal', {
      resource: payload.resource,
      context: payload.context
    });
    const backdrop = document.createElement('div');
    backdrop.className = 'modal-backdrop';
    const box = document.createElement('div');
    box.className = 'modal-box';
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-modal', 'true');
    box.setAttribute('aria-label', typeof payload.title === 'string' && payload.title ? payload.title : opener.info.title);
    backdrop.appendChild(box);
    document.body.appendChild(backdrop);
    // The modal's own frame, once mounted below; closing ends what it owns on the page.
    const opened: { connection?: FrameConnection } = {};
    const close = () => {
      backdrop.remove();
      if (opened.connection) {
        opened.connection.dispose();
        uiKitRoots.get(opened.connection)?.root.unmount();
      }
    };
    const dismiss = () => {
      close();
      if (payload.onClose) void opener.call(payload.onClose).catch(() => undefined);
    };
    if (payload.closeOnEscape !== false) backdrop.addEventListener('keydown', (e) => e.key === 'Escape' && dismiss());
    if (payload.closeOnOverlayClick !== false) backdrop.addEventListener('click', (e) => e.target === backdrop && dismiss());
    const info: FrameInfo = {
      ...opener.info,
      id: `${opener.info.id}-modal`,
      token: modal.frame,
      src: modal.src,
      render: modal.render,
      layout: 'panel',
      modal: { opener, onClose: payload.onClose as FnRef | undefined, close }
    };
    opened.connection = mount(info, box);
  },
  onForgeDoc(frame, forgeDoc) {
    const target = uiKitRoots.get(frame);
    if (!target) return;
    target.container.querySelector('.host-loading')?.remove();
    const ctx = {
      call: (fn: unknown, ...args: unknown[]) => frame.call(fn, ...args),
      displayNames: (accountIds: string[]) => frame.server<Record<string, string>>('users', { accountIds })
    };
    target.root.render(<RenderContextProvider value={ctx}>{renderNode(forgeDoc as ForgeDoc)}</RenderContextProvider>);
  },
  onAppError(frame, message) {
    const section = document.getElementById(frame.info.id);
    if (!section) return;
    const box = document.createElement('div');
    box.className = 'host-error';
    box.setAttribute('role', 'alert');
    box.textContent = `${frame.info.title} failed: ${message}`;
    section.prepend(box);
  },
  frames: () => [...connections.values()]
};

window.addEventListener('message', (event: MessageEvent) => {
  if (!isWire(event.data) || !event.source) return;
  const connection = connections.get(event.source as Window);
  if (!connection) return;
  const message = event.data as FrameToHost;
  if (message.kind === 'size') {
    const iframe = Array.from(document.querySelectorAll('iframe')).find((f) => f.contentWindow === event.source);
    if (iframe && connection.info.render === 'custom') iframe.style.height = `${message.height}px`;
  } else if (message.kind === 'csp-violation') {
    reportViolation(connection, message.directive, message.blocked, message.sample);
  } else if (message.kind === 'callback-result') {
    connection.settleCallback(message.id, message.ok, message.value, message.error);
  } else if (message.kind === 'call') {
    const handler = BRIDGE_CALLS[message.name];
    const reply = (ok: boolean, value?: unknown, error?: string) =>
      connection.post({ wire: WIRE, kind: 'result', id: message.id, ok, value, error, now: sandboxNow() });
    if (!handler) {
      reply(false, undefined, `The sandbox host does not support the bridge call '${message.name}'.`);
      return;
    }
    Promise.resolve()
      .then(() => handler(connection, (message.payload ?? {}) as Record<string, unknown>, services))
      .then(
        (value) => reply(true, value),
        (error: unknown) => reply(false, undefined, error instanceof Error ? error.message : String(error))
      );
  }
});

for (const info of boot.frames) {
  const container = document.getElementById(info.id);
  if (container) mount(info, container);
}
