/**
 * Graceful shutdown without dropped requests. Closing the listening socket at once would also
 * reset connections that were accepted but whose request had not been read yet. So on shutdown
 * the app first drains: /readyz answers 503 so a load balancer stops sending, responses close
 * their connection, and the app waits until no request is in progress and none has arrived for
 * a quiet period (or a time limit passes). Only then is the server closed.
 */
import { Server } from 'node:net';
import type { FastifyInstance } from 'fastify';

export interface DrainOptions {
  /** How long no request must have arrived before closing. */
  quietMs: number;
  /** Close anyway after this long. */
  maxMs: number;
  /**
   * Stop accepting connections at once (a node:cluster worker): the cluster's primary then hands
   * new connections to the other workers, so nothing arrives to be cut off when the server closes.
   * A process behind a load balancer keeps listening until the balancer has noticed /readyz.
   */
  stopListening?: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function registerDrain(app: FastifyInstance): void {
  let draining = false;
  let lastArrival = 0;
  const active = new Set<string>();

  app.decorate('isDraining', () => draining);
  app.decorate('drain', async ({ quietMs, maxMs, stopListening = false }: DrainOptions) => {
    draining = true;
    // net.Server's close, not http.Server's: that one also closes the idle kept-alive connections
    // at once, under clients that may be sending a request on them at that moment. They get
    // `Connection: close` with their next answer instead, and the rest are closed at the end.
    if (stopListening) Server.prototype.close.call(app.server);
    lastArrival = Math.max(lastArrival, Date.now());
    const deadline = Date.now() + maxMs;
    while (Date.now() < deadline) {
      if (active.size === 0 && Date.now() - lastArrival >= quietMs) return;
      await sleep(Math.min(25, quietMs));
    }
  });

  // Hooks with a callback, not async: they do not wait, and a promise per hook per request is not free.
  app.addHook('onRequest', (request, reply, done) => {
    active.add(request.id);
    lastArrival = Date.now();
    if (draining) reply.header('connection', 'close');
    done();
  });
  app.addHook('onResponse', (request, _reply, done) => {
    active.delete(request.id);
    done();
  });
  app.addHook('onRequestAbort', (request, done) => {
    active.delete(request.id);
    done();
  });
}
