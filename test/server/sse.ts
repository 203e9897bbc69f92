import { createSseParser, type ServerSentEvent } from '../../packages/adapter-http/src';
import { eventually } from './helpers';

export interface RawStream {
  readonly status: number;
  readonly events: ServerSentEvent[];
  /** Resolves when the server ends the stream (or it fails). */
  readonly ended: Promise<void>;
  /** Waits for the first event (from `from` on) that matches. */
  next(match: (event: ServerSentEvent) => boolean, from?: number): Promise<ServerSentEvent>;
  close(): void;
}

/** `GET /events` over plain fetch, as a client other than the adapter would read it. */
export async function openStream(
  baseUrl: string,
  options: { token: string; conversations?: readonly string[]; lastEventId?: string },
): Promise<RawStream> {
  const controller = new AbortController();
  const headers: Record<string, string> = {
    Authorization: `Bearer ${options.token}`,
    Accept: 'text/event-stream',
  };
  if (options.lastEventId !== undefined) headers['Last-Event-ID'] = options.lastEventId;
  const query = new URLSearchParams({ conversations: (options.conversations ?? []).join(',') });
  const response = await fetch(`${baseUrl}/events?${query}`, {
    headers,
    signal: controller.signal,
  });
  const events: ServerSentEvent[] = [];
  const parser = createSseParser((event) => events.push(event));
  const ended = (async () => {
    if (!response.body) return;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        parser.push(value);
      }
    } catch {
      // Aborted by close(), or reset by the server: either way the stream is over.
    }
  })();
  return {
    status: response.status,
    events,
    ended,
    next: (match, from = 0) =>
      eventually(() => events.slice(from).find(match), { what: 'a matching stream event' }),
    close: () => controller.abort(),
  };
}
