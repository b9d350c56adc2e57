/**
 * Server-Sent Events answers: streams that stay open while a page listens for changes (the staff
 * inbox, a hearing's questions). One timer serves every stream of a plugin: a comment every 25 s
 * keeps proxies from closing an idle stream, and when the server drains or closes, every stream is
 * ended so that browsers reconnect to another process. Thousands of open streams cost one timer.
 * A stream whose reader stopped reading (a phone in a tunnel) is ended once its unsent backlog
 * passes a limit, rather than kept in memory; the browser reconnects when it can, and says so
 * (Last-Event-ID, see `resumed`), so that its page can be told what it missed.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface EventStreams {
  /**
   * Answers with an open stream; `onEnd` runs once when it ends, by the client or the server.
   * When `listening` settles (the process hears its channel), the stream says `event: ready`, so
   * a page knows from when on no change escapes it. Returns the function that writes to it.
   */
  open(reply: FastifyReply, onEnd: () => void, listening?: Promise<void>): (chunk: string | Buffer) => void;
  /** How many streams are open now. */
  readonly size: number;
}

/** Unsent bytes a stream may hold before it is ended: minutes of a busy hearing's messages. */
export const MAX_BACKLOG = 256 * 1024;

/**
 * True when a browser reconnects a stream it had before: the "ready" message carries an id, which
 * EventSource sends back as Last-Event-ID when it reconnects. Changes made while it was away did
 * not reach it.
 */
export function resumed(request: FastifyRequest): boolean {
  return request.headers['last-event-id'] !== undefined;
}

/** One SSE message: an event name and its data on one line. */
export function sseMessage(event: string, data: string): string {
  return `event: ${event}\ndata: ${data}\n\n`;
}

export function eventStreams(app: FastifyInstance, maxBacklog = MAX_BACKLOG): EventStreams {
  const ends = new Set<() => void>();
  const writers = new Set<(chunk: string | Buffer) => void>();
  let timer: NodeJS.Timeout | undefined;
  let seconds = 0;
  const tick = () => {
    if (app.isDraining()) {
      for (const end of [...ends]) end();
      return;
    }
    if (++seconds % 25 === 0) for (const write of writers) write(': ping\n\n');
  };
  app.addHook('preClose', async () => {
    for (const end of [...ends]) end();
  });

  return {
    open(reply, onEnd, listening) {
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-accel-buffering': 'no',
      });
      // A browser that lost the stream asks again after this long, not at once all together.
      res.write('retry: 5000\n\n');
      let done = false;
      // A late writer (a read that finished after the page left) writes to nothing.
      const write = (chunk: string | Buffer) => {
        if (done || res.writableEnded || res.destroyed) return;
        if (res.writableLength <= maxBacklog) {
          res.write(chunk);
          return;
        }
        // Ending politely would wait for the backlog to drain, which is what does not happen.
        stop();
        res.destroy();
      };
      const stop = () => {
        if (done) return;
        done = true;
        ends.delete(end);
        writers.delete(write);
        if (ends.size === 0 && timer !== undefined) {
          clearInterval(timer);
          timer = undefined;
        }
        onEnd();
      };
      const end = () => {
        stop();
        res.end();
      };
      ends.add(end);
      writers.add(write);
      if (timer === undefined) {
        timer = setInterval(tick, 1000);
        timer.unref();
      }
      res.on('close', stop);
      void listening?.then(() => write(`id: 1\n${sseMessage('ready', '{}')}`));
      return write;
    },
    get size() {
      return ends.size;
    },
  };
}
