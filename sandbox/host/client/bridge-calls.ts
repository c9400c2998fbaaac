import type { FrameConnection } from './frame-connection';
import { openRealtime, type RealtimeRequest } from './realtime-host';
import type { FnRef } from './wire';

/**
 * Every `callBridge(name, payload)` @forge/bridge and @forge/react make, answered as the product
 * does. Calls the sandbox has no product behind (Rovo, object store, remotes) fail with a message
 * naming the call, never silently.
 */
export interface HostServices {
  viewer: { accountId: string | null };
  showFlag(
    frame: FrameConnection,
    flag: { id: string; title?: string; description?: string; type?: string; actions?: Array<{ text: string; onClick?: FnRef }> }
  ): void;
  closeFlag(id: string): void;
  openModal(opener: FrameConnection, payload: Record<string, unknown>): Promise<void>;
  onForgeDoc(frame: FrameConnection, forgeDoc: unknown): void;
  onAppError(frame: FrameConnection, message: string): void;
  /** Every frame on the page, for the events API. */
  frames(): FrameConnection[];
}

type Handler = (frame: FrameConnection, payload: Record<string, unknown>, host: HostServices) => Promise<unknown> | unknown;

const listeners: Array<{ frame: FrameConnection; event: string; callback: FnRef; isPublic: boolean }> = [];

/** Jira's own pages for router.navigate's targets; anything else stays in the sandbox with a flag. */
export function urlForTarget(location: Record<string, unknown>, viewer: string | null): string | undefined {
  const as = viewer ? `?as=${encodeURIComponent(viewer)}` : '';
  switch (location.target) {
    case 'issue':
      return typeof location.issueKey === 'string' ? `/pages/work-items/${encodeURIComponent(location.issueKey)}${as}` : undefined;
    case 'projectSettingsDetails':
      return typeof location.projectKey === 'string' ? `/pages/space-settings/${encodeURIComponent(location.projectKey)}${as}` : undefined;
    case 'module':
      return undefined;
    default:
      return undefined;
  }
}

function emitTo(event: string, payload: unknown, isPublic: boolean): void {
  for (const l of listeners)
    if (l.event === event && l.isPublic === isPublic) void l.frame.call(l.callback, payload).catch(() => undefined);
}

export const BRIDGE_CALLS: Record<string, Handler> = {
  async invoke(frame, payload) {
    const answer = await frame.server<{ ok: boolean; value?: unknown; error?: string }>('invoke', {
      functionKey: payload.functionKey,
      payload: payload.payload
    });
    if (!answer.ok) throw new Error(answer.error ?? 'The resolver failed.');
    return payload.metadata ? { body: answer.value, metadata: {} } : answer.value;
  },
  getContext: (frame) => frame.context(),
  enableTheming: () => ({
    colorMode: document.documentElement.getAttribute('data-color-mode') ?? 'light',
    theme: document.documentElement.getAttribute('data-theme') ?? ''
  }),

  async subscribeRealtimeChannel(frame, payload) {
    const request: RealtimeRequest = {
      channel: String(payload.channelName),
      isGlobal: payload.isGlobal === true,
      options: payload.options as RealtimeRequest['options']
    };
    const stream = await openRealtime(
      frame.info.token,
      request,
      (data) => void frame.call(payload.onEvent, data).catch(() => undefined),
      (error) => void frame.call(payload.onEvent, undefined, { message: error.message }).catch(() => undefined)
    );
    return frame.keepSubscription(() => stream.close());
  },
  publishRealtimeChannel: (frame, payload) =>
    frame.server('publish', {
      channel: payload.channelName,
      payload: typeof payload.eventPayload === 'string' ? payload.eventPayload : JSON.stringify(payload.eventPayload ?? {}),
      options: payload.options,
      isGlobal: payload.isGlobal === true
    }),
  __unsubscribe(frame, payload) {
    frame.endSubscription(payload.subscription);
  },

  emit: (_frame, payload) => emitTo(String(payload.event), payload.payload, false),
  emitPublic: (_frame, payload) => emitTo(String(payload.event), payload.payload, true),
  on: (frame, payload) => subscribeEvent(frame, payload, false),
  onPublic: (frame, payload) => subscribeEvent(frame, payload, true),

  navigate(_frame, payload, host) {
    const url = typeof payload.url === 'string' ? payload.url : urlForTarget(payload, host.viewer.accountId);
    if (!url) throw new Error(`router.navigate: the sandbox has no page for target '${String(payload.target)}'`);
    if (payload.type === 'new-tab') window.open(url, '_blank', 'noopener');
    else window.location.assign(url);
  },
  getUrl(_frame, payload, host) {
    const url = urlForTarget(payload, host.viewer.accountId);
    return url ? new URL(url, window.location.origin).toString() : undefined;
  },
  reload: () => window.location.reload(),

  showFlag(frame, payload, host) {
    host.showFlag(frame, payload as Parameters<HostServices['showFlag']>[1]);
  },
  closeFlag: (_frame, payload, host) => host.closeFlag(String(payload.id)),

  openModal: (frame, payload, host) => host.openModal(frame, payload),
  close(frame, payload) {
    const modal = frame.info.modal;
    if (!modal) return false;
    modal.close();
    if (modal.onClose) void modal.opener.call(modal.onClose, payload).catch(() => undefined);
    return true;
  },
  submit: (frame, payload) => BRIDGE_CALLS.close(frame, payload, undefined as never),
  refresh: () => false,
  open: () => false,
  onClose: () => false,

  fetchProduct(frame, payload) {
    if (payload.product !== 'jira') throw new Error(`request${String(payload.product)}: the sandbox has only a Jira site`);
    const init = (payload.fetchRequestInit ?? {}) as { method?: string; body?: string | null };
    return frame.server('fetch', { restPath: payload.restPath, init: { method: init.method, body: init.body } });
  },
  /**
   * view.changeWindowTitle(title): in @forge/bridge, but in no Forge page the sandbox's docs hold,
   * so the stricter reading: only a module that is the whole page (a global page, a settings
   * page) may retitle it; a panel or a portal footer is refused.
   */
  changeWindowTitle(frame, payload) {
    if (frame.info.layout !== 'page')
      throw new Error(`changeWindowTitle: ${frame.info.moduleKey} is not a full-page module; only a page may change the window title`);
    if (typeof payload !== 'string') throw new Error('changeWindowTitle: the title must be a string');
    document.title = payload;
  },

  reconcile: (frame, payload, host) => host.onForgeDoc(frame, payload.forgeDoc),
  onError(frame, payload, host) {
    const error = payload.error as { message?: string } | undefined;
    host.onAppError(frame, error?.message ?? 'The UI Kit app failed to render.');
  },

  getFrameId: (frame) => frame.info.id,
  emitReadyEvent: () => undefined,
  emitFrontendCustomMetric: () => undefined,
  isRovoEnabled: () => false,
  getCookieConsentPreferences: () => ({ strictlyNecessary: true, functional: false, analytics: false, marketing: false })
};

function subscribeEvent(frame: FrameConnection, payload: Record<string, unknown>, isPublic: boolean) {
  const entry = { frame, event: String(payload.event), callback: payload.callback as FnRef, isPublic };
  listeners.push(entry);
  return frame.keepSubscription(() => listeners.splice(listeners.indexOf(entry), 1));
}
