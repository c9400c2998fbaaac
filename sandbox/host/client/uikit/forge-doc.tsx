import React, { createContext, useContext, useEffect, useState } from 'react';
import { isElementRef, isFnRef, type ElementRef } from '../wire';

/**
 * The ForgeDoc tree @forge/react's reconciler sends with `reconcile` (one node per host
 * component, `String` for text), and how the host turns it back into React: each type maps to
 * a component that renders it with Atlaskit; handlers are calls back into the runtime frame.
 */
export interface ForgeDoc {
  type: string;
  props: Record<string, unknown>;
  children: ForgeDoc[];
  key?: string;
}

export interface RenderContext {
  /** Calls a handler the UI Kit app passed as a prop. */
  call(fn: unknown, ...args: unknown[]): Promise<unknown>;
  /** Display names for User, fetched by the host as the page's user. */
  displayNames(accountIds: string[]): Promise<Record<string, string>>;
}

export type Renderer = (props: { node: ForgeDoc }) => React.ReactElement | null;

const Context = createContext<RenderContext | null>(null);
export const RenderContextProvider = Context.Provider;

export function useRender(): RenderContext {
  const ctx = useContext(Context);
  if (!ctx) throw new Error('UI Kit components render inside a RenderContextProvider');
  return ctx;
}

const registry = new Map<string, Renderer>();

export function register(components: Record<string, Renderer>): void {
  for (const [type, component] of Object.entries(components)) registry.set(type, component);
}

export function supportedTypes(): string[] {
  return [...registry.keys()].sort();
}

/** A type the host does not know: shown, named, never silently dropped. */
function Unsupported({ node }: { node: ForgeDoc }) {
  return (
    <div
      role="note"
      data-unsupported-component={node.type}
      style={{ border: '2px dashed var(--ds-border-warning, #E56910)', padding: 8, margin: '4px 0', borderRadius: 3 }}
    >
      <strong>Unsupported UI Kit component: {node.type}</strong>
      {node.children.length > 0 && <div>{renderChildren(node.children)}</div>}
    </div>
  );
}

export function renderNode(node: ForgeDoc, index = 0): React.ReactNode {
  if (node.type === 'String') return String(node.props.text ?? '');
  const Component = registry.get(node.type) ?? Unsupported;
  return <Component key={node.key ?? index} node={node} />;
}

export function renderChildren(children: ForgeDoc[] | undefined): React.ReactNode {
  if (!children || children.length === 0) return null;
  return children.map((child, i) => renderNode(child, i));
}

/** A prop that holds React content (a string, an element, a list): rendered like children. */
export function renderContent(value: unknown): React.ReactNode {
  if (value === null || value === undefined || typeof value === 'boolean') return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map((v, i) => <React.Fragment key={i}>{renderContent(v)}</React.Fragment>);
  if (isElementRef(value)) return renderNode(fromElement(value));
  if (typeof value === 'object' && value !== null && 'type' in value && 'children' in value) return renderNode(value as ForgeDoc);
  return null;
}

function fromElement(ref: ElementRef): ForgeDoc {
  const { children, ...props } = ref.__element.props;
  const list = Array.isArray(children) ? children : children === undefined ? [] : [children];
  return {
    type: ref.__element.type,
    props,
    children: list.map((c) => (isElementRef(c) ? fromElement(c) : { type: 'String', props: { text: String(c ?? '') }, children: [] }))
  };
}

/**
 * A handler prop as a host callback (undefined when the app passed none), with its arguments
 * mapped to what the runtime expects. Typed loosely on purpose: Atlaskit calls it with its own
 * event shapes, and `map` says what of them crosses to the app.
 */
export function useHandler(
  props: Record<string, unknown>,
  name: string,
  map: (...args: never[]) => unknown[] = (...args) => args
): ((...args: unknown[]) => void) | undefined {
  const ctx = useRender();
  const fn = props[name];
  if (!isFnRef(fn)) return undefined;
  return (...args: unknown[]) => {
    void ctx.call(fn, ...map(...(args as never[]))).catch((error: unknown) => console.warn(`UI Kit ${name} handler failed:`, error));
  };
}

/** Props safe to hand to an Atlaskit component: no handler refs, no element refs. */
export function plainProps(props: Record<string, unknown>, omit: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) if (!omit.includes(key) && !isFnRef(value) && !isElementRef(value)) out[key] = value;
  return out;
}

const nameCache = new Map<string, Promise<string>>();

export function useDisplayName(accountId: string | undefined): string | undefined {
  const ctx = useRender();
  const [name, setName] = useState<string>();
  useEffect(() => {
    if (!accountId) return;
    let cached = nameCache.get(accountId);
    if (!cached) {
      cached = ctx.displayNames([accountId]).then((names) => names[accountId] ?? accountId);
      nameCache.set(accountId, cached);
    }
    let live = true;
    void cached.then((n) => live && setName(n));
    return () => {
      live = false;
    };
  }, [accountId, ctx]);
  return name;
}
