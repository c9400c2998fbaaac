import Resolver from '@forge/resolver';

/** What a resolver operation receives: the payload and the platform's context for the caller. */
export interface ResolverCall {
  payload: unknown;
  context: {
    /** 'unidentified' for an anonymous visitor, whose accountType is 'anonymous'. */
    accountId?: string;
    accountType?: 'licensed' | 'unlicensed' | 'customer' | 'anonymous';
    moduleKey?: string;
    extension?: Record<string, unknown>;
    license?: { active?: boolean } | null;
  };
}

/** Builds the one resolver function the UI modules share from a map of operation name → handler. */
export function resolverFunction(operations: Record<string, (call: ResolverCall) => Promise<unknown>>) {
  const resolver = new Resolver();
  for (const [name, handle] of Object.entries(operations)) {
    resolver.define(name, (request) => handle({ payload: request.payload, context: request.context as ResolverCall['context'] }));
  }
  return resolver.getDefinitions();
}
