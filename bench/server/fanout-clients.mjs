// The SSE clients of the fan-out figure, in a process of their own (forked by measure.mjs).
// Real clients run on other machines: sharing the server's event loop, 1,000 clients' reading
// and parsing would be counted as the server's delivery time. Times are sent back as epoch
// milliseconds (performance.timeOrigin + now), comparable across processes of one machine.
import { openSse } from './clients.mjs';

const now = () => performance.timeOrigin + performance.now();
let streams = [];
let marker = null;
let arrivals = [];
let expected = 0;

function open({ baseUrl, token, clients, conversation }) {
  expected = clients;
  const openOne = () => {
    let tail = '';
    let seen = null;
    return openSse(baseUrl, {
      token,
      conversations: [conversation],
      onData(chunk) {
        if (marker === null || seen === marker) return;
        tail = (tail + chunk).slice(-4096);
        if (!tail.includes(marker)) return;
        seen = marker;
        arrivals.push(now());
        if (arrivals.length === expected) process.send({ type: 'arrived', times: arrivals });
      },
    });
  };
  return openOne;
}

process.on('message', async (message) => {
  if (message.type === 'open') {
    const openOne = open(message);
    for (let i = 0; i < message.clients; i += 100) {
      const batch = Array.from({ length: Math.min(100, message.clients - i) }, openOne);
      streams.push(...batch);
      await Promise.all(batch.map((s) => s.ready));
    }
    process.send({ type: 'ready' });
  } else if (message.type === 'watch') {
    arrivals = [];
    marker = message.marker;
    process.send({ type: 'watching' });
  } else if (message.type === 'close') {
    for (const stream of streams) stream.close();
    streams = [];
    process.exit(0);
  }
});
