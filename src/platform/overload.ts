/**
 * Overload: when more arrives than the server can take, new requests get 503 with Retry-After at
 * once (a fixed answer, no database work) instead of queueing until every one of them times out.
 * Two signals: more requests in flight than the limit (the queue itself), and the event loop
 * falling behind or saturated (@fastify/under-pressure). /healthz and the static files are never
 * turned away. The event loop's signals leave the first second after start out (it measures the
 * start, not a crowd); the count of requests holds from the first one.
 */
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';

function busyPage(seconds: number): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sedang sibuk</title></head><body><main><h1>Sedang sibuk</h1><p>Terlalu banyak orang membuka portal ini bersamaan. Coba lagi dalam ${seconds} detik.</p><p lang="en">Too many people at once. Please try again in ${seconds} seconds.</p></main></body></html>`;
}

/** Sets the 503 answer on the reply and returns its body (HTML, or problem JSON for the APIs). */
function busy(request: FastifyRequest, reply: FastifyReply, seconds: number): string | object {
  reply.code(503).header('retry-after', String(seconds)).header('cache-control', 'no-store');
  if (request.url.startsWith('/api/') || request.url.startsWith('/open311/')) {
    reply.type('application/problem+json; charset=utf-8');
    return {
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      detail: `Too many requests at once; try again in ${seconds} seconds.`,
    };
  }
  reply.type('text/html; charset=utf-8');
  return busyPage(seconds);
}

export async function registerOverloadGuard(app: FastifyInstance, overload: Config['overload']): Promise<void> {
  let judgedFrom = Number.POSITIVE_INFINITY;
  app.addHook('onReady', async () => {
    judgedFrom = Date.now() + 1000;
  });
  // The liveness probe, and the files every page needs (a page that was served must not render
  // unstyled because its style sheet was turned away), are never refused.
  const neverRefused = (url: string) => url.startsWith('/healthz') || url.startsWith('/static/');
  // The start keeps the event loop busy (migrations, demo data): its delay is not a crowd's.
  const exempt = (request: FastifyRequest) => neverRefused(request.url) || Date.now() < judgedFrom;

  let inFlight = 0;
  if (overload.maxInFlight > 0) {
    // Counted out once, however the exchange ends: answered, the client gone, or the socket closed.
    const counted = new WeakSet<FastifyRequest>();
    const release = (request: FastifyRequest) => {
      if (counted.delete(request)) inFlight--;
    };
    app.addHook('onRequest', (request, reply, done) => {
      // An open event stream waits for news; it is not work in the queue, and thousands may be open.
      if (neverRefused(request.url) || request.routeOptions.config?.stream === true) return done();
      inFlight++;
      counted.add(request);
      reply.raw.once('close', () => release(request));
      // Answered here: the route is not run (and done is not called). A count is true from the first
      // request: a crowd that meets a server just restarted is turned away like any other.
      if (inFlight > overload.maxInFlight) return void reply.send(busy(request, reply, overload.retryAfterSeconds));
      // The work starts on a later turn of the event loop, so requests that arrived together are all
      // counted before any is worked on. Otherwise a request whose work never waits on real I/O (the
      // embedded database answers on this thread) runs to its end before the next socket is read:
      // the count stays at one and the crowd queues unseen in the kernel until clients give up
      // (measured: 500 at once, never more than 1 counted, every one admitted, the last after 26 s).
      setImmediate(done);
    });
    app.addHook('onResponse', (request, _reply, done) => {
      release(request);
      done();
    });
    app.addHook('onRequestAbort', (request, done) => {
      release(request);
      done();
    });
  }

  await app.register(underPressure, {
    maxEventLoopDelay: overload.maxEventLoopDelayMs,
    maxEventLoopUtilization: overload.maxEventLoopUtilization,
    eventLoopUtilizationMode: 'interval',
    retryAfter: overload.retryAfterSeconds,
    sampleInterval: 250,
    // What the handler returns is sent as the answer (the plugin's contract; its types say void).
    pressureHandler: ((request: FastifyRequest, reply: FastifyReply) =>
      exempt(request) ? undefined : busy(request, reply, overload.retryAfterSeconds)) as unknown as (
      request: FastifyRequest,
      reply: FastifyReply,
    ) => void,
  });
}
