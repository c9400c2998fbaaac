/**
 * The host page's side of `realtime.subscribe` / `subscribeGlobal`: a Server-Sent Events stream
 * from the sandbox's `/realtime/subscribe`, opened for a frame (the server puts the frame's user
 * and module context on it). Read with fetch rather than EventSource so a refusal arrives with
 * its code. Each `message` event's payload (the string that was published) goes to `onEvent`;
 * a subscription the platform ends (its token expired: an `error` event) or a stream that
 * breaks goes to `onError`, as the bridge calls the page's callback with an error.
 */
export interface RealtimeRequest {
  channel: string;
  isGlobal: boolean;
  options?: { token?: string; contextOverrides?: string[]; replaySeconds?: number };
}

export interface Stream {
  close(): void;
}

export async function openRealtime(
  frame: string,
  request: RealtimeRequest,
  onEvent: (payload: string) => void,
  onError: (error: Error) => void
): Promise<Stream> {
  const query = new URLSearchParams({ frame, channel: request.channel, global: String(request.isGlobal) });
  if (request.options?.contextOverrides?.length) query.set('overrides', request.options.contextOverrides.join(','));
  if (request.options?.token) query.set('token', request.options.token);
  if (request.options?.replaySeconds) query.set('replay', String(request.options.replaySeconds));
  const abort = new AbortController();
  const response = await fetch(`/realtime/subscribe?${query.toString()}`, { signal: abort.signal });
  if (!response.ok || !response.body) {
    const refusal = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new Error(refusal.message ?? refusal.code ?? `subscribe failed with HTTP ${response.status}`);
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let resolveSubscribed: () => void = () => undefined;
  const subscribed = new Promise<void>((resolve) => (resolveSubscribed = resolve));
  const pump = async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('The realtime subscription ended.');
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) =>
          block
            .split('\n')
            .find((l) => l.startsWith(`${name}: `))
            ?.slice(name.length + 2);
        const event = field('event');
        if (event === 'subscribed') resolveSubscribed();
        if (event === 'error') {
          const ended = JSON.parse(field('data') ?? '{}') as { code?: string; message?: string };
          abort.abort();
          onError(new Error(ended.message ?? ended.code ?? 'The realtime subscription ended.'));
          return;
        }
        if (event === 'message') {
          const data = JSON.parse(field('data') ?? '{}') as { payload?: string };
          onEvent(data.payload ?? '');
        }
      }
    }
  };
  pump().catch((error: unknown) => {
    if (!abort.signal.aborted) onError(error instanceof Error ? error : new Error(String(error)));
  });
  await subscribed;
  return { close: () => abort.abort() };
}
