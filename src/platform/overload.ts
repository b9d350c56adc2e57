/**
 * Overload: when more arrives than the server can take, new requests get 503 with Retry-After at
 * once (a fixed answer, no database work) instead of queueing until every one of them times out.
 * Two signals: more requests in flight than the limit (the queue itself), and the event loop
 * falling behind or saturated (`watchEventLoop` below). /healthz and the static files are never
 * turned away. The event loop's signals leave the first second after start out (it measures the
 * start, not a crowd); the count of requests holds from the first one. A GET for a page kept a
 * moment ago (platform/page-cache.ts) is answered with that copy instead of 503.
 */
import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { RawAnswer } from './raw-answer.ts';

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

/**
 * `keptAnswer` may give a GET the guard would turn away an answer already made (a kept page, a
 * little past its time), which is sent instead of 503: no work, and the citizen gets the page.
 */
export function registerOverloadGuard(
  app: FastifyInstance,
  overload: Config['overload'],
  keptAnswer: (req: IncomingMessage) => RawAnswer | undefined = () => undefined,
): void {
  const refuse = (request: FastifyRequest, reply: FastifyReply) => {
    const kept = request.method === 'GET' ? keptAnswer(request.raw) : undefined;
    if (kept === undefined) return void reply.send(busy(request, reply, overload.retryAfterSeconds));
    reply.headers(kept.headers);
    if (kept.status === 304) return void reply.code(304).send();
    if (kept.encoding !== 'identity') reply.header('content-encoding', kept.encoding);
    const own = kept.own ?? [];
    for (let i = 0; i + 1 < own.length; i += 2) reply.header(own[i] as string, own[i + 1]);
    reply.send(kept.bytes);
  };
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
      if (inFlight > overload.maxInFlight) return refuse(request, reply);
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

  const loop = watchEventLoop(SAMPLE_MS);
  app.addHook('onClose', async () => loop.stop());
  const tooLate = overload.maxEventLoopDelayMs > 0;
  const tooBusy = overload.maxEventLoopUtilization > 0;
  if (tooLate || tooBusy)
    app.addHook('onRequest', (request, reply, done) => {
      const late = tooLate && loop.lateMs() > overload.maxEventLoopDelayMs;
      const busyLoop = tooBusy && loop.utilisation() > overload.maxEventLoopUtilization;
      if ((late || busyLoop) && !exempt(request)) return refuse(request, reply);
      done();
    });
}

/** How often the event loop is looked at. */
const SAMPLE_MS = 250;

/**
 * How late the event loop runs and how busy it is, looked at every `sampleMs`: a timer notes how
 * much later than asked it ran (the longest the loop was held up around then), and the share of the
 * last period the loop spent working.
 *
 * Not @fastify/under-pressure's mean of `monitorEventLoopDelay`: its histogram, reset every period,
 * had no sample at all in a period in which the loop turned less often than the period (turns of
 * 300 ms: 0 samples, NaN; of 150 ms: one sample, 150 ms), and it reads "no sample" as an endless
 * delay. On the embedded database a few queued queries make such turns, so every request was
 * turned away while the loop was well under a second late (the bench: 3,040 of /kinerja's answers
 * at two visitors, 40,031 of the searches' were 503; every refusal logged had the value Infinity).
 */
export function watchEventLoop(sampleMs: number): { lateMs(): number; utilisation(): number; stop(): void } {
  let late = 0;
  let used = 0;
  let expected = performance.now() + sampleMs;
  let before = performance.eventLoopUtilization();
  let timer = setTimeout(function look() {
    const now = performance.now();
    late = Math.max(0, now - expected);
    const current = performance.eventLoopUtilization();
    used = performance.eventLoopUtilization(current, before).utilization;
    before = current;
    expected = now + sampleMs;
    timer = setTimeout(look, sampleMs);
    timer.unref();
  }, sampleMs);
  timer.unref();
  return {
    lateMs: () => late,
    utilisation: () => used,
    stop: () => clearTimeout(timer),
  };
}
