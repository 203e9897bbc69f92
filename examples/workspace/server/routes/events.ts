import { Hono } from 'hono';
import type { AppEnv, ServerContext } from '../context';
import { currentVersions, encodeEvent, isVisibleTo } from '../events';

const encoder = new TextEncoder();
const PAGE_BYTES = 1024 * 1024;

/**
 * PROTOCOL.md "Live events": the backlog after `Last-Event-ID` (or a `resync` when that id is
 * unknown), then live events, each exactly once and only those the agent may see now.
 *
 * Each client has a bounded queue: the backlog is read page by page as the client reads, and a
 * client that leaves more than `maxQueuedBytes` unread is dropped (it reconnects and resumes).
 */
export function eventRoutes({ db, hub, stream }: ServerContext) {
  const routes = new Hono<AppEnv>();
  routes.get('/', async (c) => {
    const agentId = c.get('agent').id;
    // On Node (@hono/node-server), the response itself: destroying it resets the connection.
    const outgoing = (c.env as { outgoing?: { destroy(): void } } | undefined)?.outgoing;
    const stillSignedIn = c.get('stillSignedIn');
    const watched = new Set((c.req.query('conversations') ?? '').split(',').filter(Boolean));
    const resumeFrom = c.req.header('Last-Event-ID') ?? c.req.query('lastEventId');
    let resync: string | null = null;
    let sent = hub.position;
    if (resumeFrom !== undefined) {
      const { head, prunedThrough } = await hub.bounds();
      const id = /^\d{1,15}$/.test(resumeFrom) ? Number(resumeFrom) : Number.NaN;
      if (Number.isNaN(id)) resync = 'unknown-id';
      else if (id > head) resync = 'ahead-of-server';
      else if (id < prunedThrough) resync = 'expired';
      // An unknown id cannot be resumed from: start at the head, and say so.
      sent = resync ? head : id;
    }

    let stop = () => {};
    let wake = () => {};
    const body = new ReadableStream<Uint8Array>(
      {
        start(controller) {
          let open = true;
          let live = false;
          const send = (chunk: Uint8Array) => {
            if (!open) return;
            try {
              controller.enqueue(chunk);
            } catch {
              open = false;
            }
          };
          const end = (slow: boolean) => {
            if (!open) return;
            stop();
            try {
              // A reset (not a close, which would wait for the client to read what is queued)
              // frees at once what is buffered for a client that does not read.
              if (slow && outgoing) outgoing.destroy();
              else if (slow) controller.error(new Error('event stream: client too slow'));
              else controller.close();
            } catch {}
          };
          const unregister = hub.register({
            deliver(event, frame, access) {
              if (!live || event.id <= sent) return;
              sent = event.id;
              if (!isVisibleTo(event, agentId, watched, access)) return;
              if ((controller.desiredSize ?? 0) <= 0) end(true);
              else send(frame);
            },
            queuedBytes: () => (open ? stream.maxQueuedBytes - (controller.desiredSize ?? 0) : 0),
            drop: () => end(false),
          });
          const ping = setInterval(async () => {
            // A database hiccup is not a sign-out: the stream stays, the next ping checks again.
            if (!(await stillSignedIn().catch(() => true))) end(false);
            else send(encoder.encode(': ping\n\n'));
          }, stream.pingMs);
          stop = () => {
            open = false;
            clearInterval(ping);
            unregister();
            wake();
          };
          const room = () =>
            (controller.desiredSize ?? 0) > 0 || !open
              ? Promise.resolve()
              : new Promise<void>((resolve) => {
                  wake = resolve;
                });

          // Not awaited: the stream calls pull() (which wakes `room`) only once start() is over.
          const sendResync = (reason: string) =>
            send(
              encoder.encode(`id: ${sent}\nevent: resync\ndata: ${JSON.stringify({ reason })}\n\n`),
            );
          const catchUp = async () => {
            if (resync) sendResync(resync);
            // Registered before reading the backlog, so nothing falls between the two; events
            // delivered meanwhile are read from the table instead, paced by the client's reads.
            let behind = resumeFrom !== undefined;
            for (;;) {
              if (behind) {
                await room();
                if (!open) return;
                const page = await hub.backlog(sent, agentId, watched, PAGE_BYTES);
                for (const event of page.events) send(encodeEvent(event));
                sent = Math.max(sent, page.through);
                // Pruned while this client was catching up: it reloads, and goes on live.
                if (page.expired) sendResync('expired');
                if (!page.caughtUp) continue;
              }
              // Read when every event up to `sent` is handled: a change made between the
              // client's load and this stream shows here as a newer version.
              const versions = await currentVersions(db, agentId, watched);
              if (!open) return;
              if (hub.position <= sent) {
                live = true;
                const ready = JSON.stringify({ versions });
                send(encoder.encode(`id: ${sent}\nevent: ready\ndata: ${ready}\n\n`));
                return;
              }
              behind = true;
            }
          };
          // A failed read ends the stream; the client reconnects and resumes.
          catchUp().catch(() => end(false));
        },
        pull() {
          wake();
        },
        cancel() {
          stop();
        },
      },
      { highWaterMark: stream.maxQueuedBytes, size: (chunk) => chunk.byteLength },
    );
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
