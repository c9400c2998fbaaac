/**
 * The messages between an app frame (a Custom UI iframe, or the hidden frame a UI Kit resource
 * runs in) and the host page that plays the Atlassian product. As on Forge, the frame only ever
 * talks to its parent window by postMessage; functions it hands over (a realtime callback, a UI
 * Kit onClick) stay in the frame and travel as ids the host calls back.
 */
export const WIRE = 'forge-sandbox-bridge';

/** A function left behind in the frame, callable by the host through a `callback` message. */
export interface FnRef {
  __fn: string;
}

/** A React element found in a payload (e.g. an EmptyState's `primaryAction`), flattened for the host. */
export interface ElementRef {
  __element: { type: string; props: Record<string, unknown> };
}

export type FrameToHost =
  | { wire: typeof WIRE; kind: 'call'; id: number; name: string; payload: unknown }
  | { wire: typeof WIRE; kind: 'callback-result'; id: number; ok: boolean; value?: unknown; error?: string }
  | { wire: typeof WIRE; kind: 'size'; height: number }
  /** Something Forge's Content Security Policy blocked in the frame (a `securitypolicyviolation` event). */
  | { wire: typeof WIRE; kind: 'csp-violation'; directive: string; blocked: string; sample: string };

export type HostToFrame =
  | { wire: typeof WIRE; kind: 'result'; id: number; ok: boolean; value?: unknown; error?: string; now?: number }
  | { wire: typeof WIRE; kind: 'callback'; id: number; fn: string; args: unknown[] }
  | { wire: typeof WIRE; kind: 'theme'; colorMode: string; theme: string };

export function isWire(data: unknown): data is { wire: typeof WIRE; kind: string } {
  return typeof data === 'object' && data !== null && (data as { wire?: unknown }).wire === WIRE;
}

export function isFnRef(value: unknown): value is FnRef {
  return typeof value === 'object' && value !== null && typeof (value as FnRef).__fn === 'string';
}

export function isElementRef(value: unknown): value is ElementRef {
  return typeof value === 'object' && value !== null && typeof (value as ElementRef).__element === 'object';
}

/**
 * Makes a value safe for postMessage: functions become FnRefs (registered with `keep`), React
 * elements become ElementRefs, symbols and other uncloneables are dropped. Cycles are cut.
 */
export function encode(value: unknown, keep: (fn: (...args: unknown[]) => unknown) => string, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'function') return { __fn: keep(value as (...args: unknown[]) => unknown) } satisfies FnRef;
  if (typeof value === 'symbol' || typeof value === 'bigint') return undefined;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date || value instanceof Blob || value instanceof ArrayBuffer) return value;
  if (seen.has(value)) return undefined;
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => encode(item, keep, seen));
    const record = value as Record<string | symbol, unknown>;
    if (record.$$typeof !== undefined && 'props' in record) {
      const type = record.type;
      const name =
        typeof type === 'string'
          ? type
          : ((type as { displayName?: string; name?: string } | undefined)?.displayName ??
            (type as { name?: string } | undefined)?.name ??
            'Unknown');
      return { __element: { type: name, props: encode(record.props, keep, seen) as Record<string, unknown> } } satisfies ElementRef;
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(record)) {
      // React internals never need to cross (and _owner is a cycle in development builds).
      if (key === '_owner' || key === '_store') continue;
      const encoded = encode(item, keep, seen);
      if (encoded !== undefined) out[key] = encoded;
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

/**
 * The serialisable event UI Kit handlers receive (@atlaskit/forge-react-types' SerialisableEvent),
 * built from a DOM event in the host.
 */
export interface SerialisableEvent {
  bubbles: boolean;
  cancelable: boolean;
  defaultPrevented: boolean;
  eventPhase: number;
  isTrusted: boolean;
  target: {
    value?: unknown;
    checked?: boolean;
    name?: string;
    id?: string;
    tagName?: string;
    type?: string;
    selectionStart?: number | null;
    selectionEnd?: number | null;
  };
  timeStamp: number;
  type: string;
}

export function serialiseEvent(
  event:
    | {
        type?: string;
        bubbles?: boolean;
        cancelable?: boolean;
        defaultPrevented?: boolean;
        eventPhase?: number;
        isTrusted?: boolean;
        timeStamp?: number;
        target?: unknown;
      }
    | undefined
): SerialisableEvent {
  const target = (event?.target ?? {}) as Partial<HTMLInputElement>;
  // Only primitives cross: a form's `name` or `id` can be one of its inputs (named access).
  const read = <T>(key: keyof HTMLInputElement): T | undefined => {
    const value = (target as Record<string, unknown>)[key as string];
    return value === null || ['string', 'number', 'boolean'].includes(typeof value) ? (value as T) : undefined;
  };
  const type = read<string>('type');
  const inputLike = ['INPUT', 'TEXTAREA', 'SELECT'].includes(String(read<string>('tagName')));
  const out: SerialisableEvent['target'] = {};
  if (inputLike) out.value = read('value');
  if (type === 'checkbox' || type === 'radio') out.checked = read('checked');
  for (const key of ['name', 'id', 'tagName', 'type'] as const) {
    const value = read<string>(key);
    if (value) out[key] = value;
  }
  if (inputLike && type !== 'checkbox' && type !== 'radio') {
    out.selectionStart = safeSelection(target, 'selectionStart');
    out.selectionEnd = safeSelection(target, 'selectionEnd');
  }
  return {
    bubbles: event?.bubbles ?? false,
    cancelable: event?.cancelable ?? false,
    defaultPrevented: event?.defaultPrevented ?? false,
    eventPhase: event?.eventPhase ?? 0,
    isTrusted: event?.isTrusted ?? false,
    target: out,
    timeStamp: event?.timeStamp ?? 0,
    type: event?.type ?? 'change'
  };
}

function safeSelection(target: Partial<HTMLInputElement>, key: 'selectionStart' | 'selectionEnd'): number | null {
  try {
    return target[key] ?? null;
  } catch {
    // Inputs of type checkbox or number throw on selectionStart.
    return null;
  }
}
