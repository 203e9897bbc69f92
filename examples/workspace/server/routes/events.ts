import { Hono } from 'hono';
import type { AppEnv, ServerContext } from '../context';
import { isVisibleTo, type StoredEvent } from '../events';

const PING_MS = 15_000;

const frame = (event: StoredEvent) =>
  `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.payload)}\n\n`;

/**
 * PROTOCOL.md "Live events": the backlog after `Last-Event-ID`, then live events, each exactly
 * once and only those the agent may see.
 */
export function eventRoutes({ hub }: ServerContext) {
  const routes = new Hono<AppEnv>();
  routes.get('/', (c) => {
    const agentId = c.get('agent').id;
    const watched = new Set((c.req.query('conversations') ?? '').split(',').filter(Boolean));
    const resumeFrom = c.req.header('Last-Event-ID') ?? c.req.query('lastEventId');
    const lastId = resumeFrom && /^\d+$/.test(resumeFrom) ? Number(resumeFrom) : null;
    const encoder = new TextEncoder();
    let stop = () => {};

    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        let open = true;
        const send = (text: string) => {
          if (!open) return;
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            open = false;
          }
        };
        let sent = lastId ?? 0;
        let live = false;
        const waiting: StoredEvent[] = [];
        const write = (event: StoredEvent) => {
          if (event.id <= sent) return;
          sent = event.id;
          if (isVisibleTo(event, agentId, watched)) send(frame(event));
        };
        // Register before reading the backlog, so nothing falls between the two.
        const unregister = hub.register({
          deliver: (event) => (live ? write(event) : waiting.push(event)),
          drop: () => {
            stop();
            try {
              controller.close();
            } catch {}
          },
        });
        const ping = setInterval(() => send(': ping\n\n'), PING_MS);
        stop = () => {
          open = false;
          clearInterval(ping);
          unregister();
        };
        if (lastId === null) sent = hub.position;
        else for (const event of await hub.since(lastId, agentId, watched)) write(event);
        for (const event of waiting) write(event);
        live = true;
        send(`id: ${sent}\nevent: ready\ndata: {}\n\n`);
      },
      cancel() {
        stop();
      },
    });
    return new Response(body, {
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        'X-Accel-Buffering': 'no',
      },
    });
  });
  return routes;
}
