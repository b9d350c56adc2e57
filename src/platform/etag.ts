/**
 * A weak ETag on answers a browser may ask for again, and 304 when it does with the same one.
 * Only what can be revalidated is hashed: a 200 whose body is text or bytes and that may be
 * stored. An answer marked `no-store` (a health probe, a signed-in form, a download of personal
 * data) is never asked for conditionally, and an error page must not be answered with 304; a
 * general-purpose plugin hashed them all, one SHA-1 per request (5 % of a health probe's CPU under
 * load). An answer that already carries a tag (a kept page, a file) keeps it.
 */
import { hash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/** The weak tag of a body, for routed answers and kept pages alike. */
export const etagOf = (body: string | Buffer) => `W/"${hash('sha1', body, 'base64url')}"`;

/** Whether a conditional request's If-None-Match names this tag (weak comparison, RFC 9110 §13.1.2). */
export function notModified(ifNoneMatch: string | undefined, tag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch === '*') return true;
  const opaque = tag.startsWith('W/') ? tag.slice(2) : tag;
  for (const candidate of ifNoneMatch.split(',')) {
    const trimmed = candidate.trim();
    if ((trimmed.startsWith('W/') ? trimmed.slice(2) : trimmed) === opaque) return true;
  }
  return false;
}

export function registerEtag(app: FastifyInstance): void {
  // A hook with a callback, not async: it does not wait, and a promise per request is not free.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (reply.statusCode !== 200) return done(null, payload);
    let tag = reply.getHeader('etag');
    if (tag === undefined) {
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return done(null, payload);
      const cacheControl = reply.getHeader('cache-control');
      if (typeof cacheControl === 'string' && cacheControl.includes('no-store')) return done(null, payload);
      tag = etagOf(payload);
      reply.header('etag', tag);
    }
    if (typeof tag === 'string' && notModified(request.headers['if-none-match'], tag)) {
      reply.code(304);
      return done(null, '');
    }
    done(null, payload);
  });
}
