/**
 * A page's pushes passed on to a part of the same page that wants the same channel's pushes
 * (the inbox's chat view, on the agent's channel): a second subscription would cost a realtime
 * operation each time a chat opens (the installation's 50 a second), this costs nothing. The
 * part hears every push the page's subscription receives and whether that subscription is up,
 * so it polls slowly only while pushes can arrive.
 */
export interface RelayListener {
  onPush(push: Record<string, unknown>): void;
  onListening(listening: boolean): void;
}

export class PushRelay {
  private readonly listeners = new Set<RelayListener>();
  private live = false;

  /** The page's subscription is up (true) or gone (false). */
  setListening(listening: boolean): void {
    if (listening === this.live) return;
    this.live = listening;
    for (const listener of [...this.listeners]) listener.onListening(listening);
  }

  pass(push: Record<string, unknown>): void {
    for (const listener of [...this.listeners]) listener.onPush(push);
  }

  /** Hears the pushes from now on, and at once whether the page listens; answers the way to stop. */
  listen(listener: RelayListener): () => void {
    this.listeners.add(listener);
    listener.onListening(this.live);
    return () => void this.listeners.delete(listener);
  }
}
