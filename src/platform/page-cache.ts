/**
 * A micro-cache of public pages for visitors without a session: when a complaint goes viral or a
 * plenary is streamed, thousands ask for the same few pages in the same seconds. A page rendered
 * once is served from memory for PAGE_CACHE_SECONDS to every visitor who carries no cookie but the
 * language; anyone else (signed in, or holding a form's token) always gets a fresh page. Only plain
 * 200 answers without cookies of their own are kept, so no token and nothing personal is shared.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

interface Entry {
  body: string | Buffer;
  type: string;
  headers: Record<string, string>;
  expires: number;
}

const MAX_ENTRIES = 1000;
const MAX_BODY = 1024 * 1024;
const kept = ['cache-control', 'content-disposition', 'link', 'content-language'];

/** A visitor whose page may come from the cache: a plain GET, no cookie but the language one. */
function keyOf(request: FastifyRequest): string | undefined {
  if (request.method !== 'GET' || request.routeOptions.config.access !== 'public') return undefined;
  if (request.routeOptions.config.stream === true) return undefined;
  const cookies = Object.keys(request.cookies ?? {});
  if (cookies.some((name) => name !== 'lang')) return undefined;
  if (request.headers.authorization !== undefined) return undefined;
  return `${request.cookies.lang ?? ''}|${request.url}`;
}

export function registerPageCache(app: FastifyInstance, seconds: number): void {
  if (seconds <= 0) return;
  const entries = new Map<string, Entry>();

  app.addHook('onRequest', async (request, reply) => {
    const key = keyOf(request);
    if (key === undefined) return;
    const hit = entries.get(key);
    if (hit === undefined) return;
    if (hit.expires < Date.now()) {
      entries.delete(key);
      return;
    }
    reply.header('x-page-cache', 'hit');
    for (const [name, value] of Object.entries(hit.headers)) reply.header(name, value);
    return reply.type(hit.type).send(hit.body);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = keyOf(request);
    if (key === undefined || reply.statusCode !== 200 || reply.getHeader('x-page-cache') === 'hit') return payload;
    if (reply.hasHeader('set-cookie')) return payload;
    const control = String(reply.getHeader('cache-control') ?? '');
    if (/private|no-store/.test(control)) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (payload.length > MAX_BODY) return payload;
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value ?? '');
    const headers: Record<string, string> = {};
    for (const name of kept) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    entries.set(key, {
      body: payload,
      type: String(reply.getHeader('content-type') ?? 'text/html; charset=utf-8'),
      headers,
      expires: Date.now() + seconds * 1000,
    });
    return payload;
  });
}
