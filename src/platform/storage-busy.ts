import { ForgeKvsAPIError } from '@forge/kvs';
import { StorageBusyError } from '../app/ports/storage-busy';

/** KVS answered 429 (rate limited) or 5xx: what the ports raise as StorageBusyError. */
export function isKvsBusy(error: unknown): boolean {
  return error instanceof ForgeKvsAPIError && (error.responseDetails.status === 429 || error.responseDetails.status >= 500);
}

/** One KVS call: busy storage becomes the ports' StorageBusyError, anything else is thrown as it came. */
export async function storage<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isKvsBusy(error)) throw new StorageBusyError();
    throw error;
  }
}

/**
 * A store whose every method goes through `storage`: for the stores that call KVS in many
 * places (spaces, site, work items, the permission cache), so none lets a raw KVS
 * error through the port.
 */
export function busyAware<T extends { [K in keyof T]: (...args: never[]) => Promise<unknown> }>(store: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(store as object)) {
    wrapped[name] = (...args: unknown[]) => storage(() => method.apply(store, args));
  }
  return wrapped as T;
}
