import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { type EventStreams, eventStreams } from './event-streams.ts';

let app: FastifyInstance;
let streams: EventStreams;
let port: number;
const writers: ((chunk: string) => void)[] = [];
let ended = 0;

before(async () => {
  app = Fastify();
  app.decorate('isDraining', () => false);
  streams = eventStreams(app, 64 * 1024);
  app.get('/stream', (_request, reply) => {
    writers.push(streams.open(reply, () => ended++));
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  port = typeof address === 'object' && address !== null ? address.port : 0;
});
after(() => app.close());

/** A browser's stream on a raw socket, so that the test decides when (and whether) it reads. */
async function client(): Promise<{ socket: Socket; received: () => number; closed: Promise<void> }> {
  const socket = connect(port, '127.0.0.1');
  let bytes = 0;
  socket.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
  });
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  const opened = writers.length;
  socket.write('GET /stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n');
  while (writers.length === opened) await new Promise((r) => setTimeout(r, 5));
  return { socket, received: () => bytes, closed };
}

const message = `event: questions\ndata: ${'x'.repeat(1000)}\n\n`;

describe('event streams', () => {
  test('a reader that stops reading is cut off once its backlog passes the limit; one that reads is not', async () => {
    const reading = await client();
    const stalled = await client();
    stalled.socket.pause();
    const [toReading, toStalled] = writers.slice(-2) as [(c: string) => void, (c: string) => void];
    const endedBefore = ended;
    let sent = 0;
    // Until the stalled stream is ended, at most 64 MB: the kernel's socket buffers take a few first.
    while (ended === endedBefore && sent < 64 * 1024 * 1024) {
      for (let i = 0; i < 10; i++) {
        toStalled(message);
        toReading(message);
        sent += message.length;
      }
      await new Promise((r) => setImmediate(r));
    }
    assert.equal(ended, endedBefore + 1, 'the stalled stream was ended');
    // The phone reads again: what was in the network's buffers arrives, then the end.
    stalled.socket.resume();
    await stalled.closed;
    assert.ok(stalled.received() < sent, 'the backlog beyond the limit was dropped, not kept');
    assert.equal(streams.size, 1, 'the reading stream stays open');
    await new Promise<void>((resolve) => {
      const check = () => (reading.received() >= sent ? resolve() : setTimeout(check, 10));
      check();
    });
    assert.ok(reading.received() >= sent, 'the reader got every message');
    reading.socket.destroy();
    await reading.closed;
  });
});
