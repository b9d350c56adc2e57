/**
 * A micro-cache of public pages for visitors without a session: when a complaint goes viral or a
 * plenary is streamed, thousands ask for the same few pages in the same seconds. A page rendered
 * once is served from memory for PAGE_CACHE_SECONDS to every visitor who carries no cookie but the
 * language and the text size (one copy per choice); anyone else (signed in, or already holding a form's token) gets a fresh page.
 *
 * Pages with a form carry a CSRF token tied to a cookie of the visitor's own: the page is kept with
 * the token taken out, and every visitor served from it gets a token and cookie of their own. Only
 * plain 200 answers are kept, with no cookie of their own but that one. When a page expires, one
 * request renders it again while the others are still served the previous copy for a moment, so a
 * crowd never renders the same page at once.
 *
 * A page without a token is compressed once, when it is kept (brotli and gzip), and served as those
 * bytes with its ETag: a hit costs no compression and no hashing. Brotli quality 5 was chosen by
 * measurement on /aspirasi (13.5 KB): 2.9 KB in 0.34 ms; quality 9 and 11 save 0.5 % and 10 % for
 * 23 ms and 42 ms of blocked event loop per page, every time it expires.
 *
 * A page with a token is compressed once too, in pieces (`Template`): the text between its tokens,
 * each piece deflated on its own and ended on a byte boundary, so that a hit sends gzip made of those
 * pieces with the visitor's token between them, stored as it is (a stored deflate block), and the
 * checksum combined from the pieces' checksums, made once, and the token's (platform/crc32-combine.ts;
 * worked out over the whole text, it cost about 1.3 µs per KB of page on every hit). Compressing
 * such a page for every visitor held a busy consultation page (5,000 comments) at 3,100 answers a
 * second against 30,000 for the home page. Brotli has no such seams, so these pages go as gzip to a
 * browser that takes it (a few percent more bytes), and as text to one that takes neither.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, crc32, deflateRawSync, gzipSync } from 'node:zlib';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { crc32Combine, crc32Shift } from './crc32-combine.ts';
import { etagOf, notModified } from './etag.ts';
import type { FormToken } from './form-token.ts';
import { isLanguage } from './i18n.ts';
import { type RawAnswer, sendRaw } from './raw-answer.ts';
import { isTextSize, TEXT_SIZE_COOKIE } from './text-size.ts';

/**
 * A kept page's bytes in each encoding a browser may ask for, and their ETag. Every browser takes
 * brotli; gzip is made the first time an older client asks for it.
 */
interface Encoded {
  identity: Buffer;
  br: Buffer;
  gzip?: Buffer;
  etag: string;
}

/** A page with a form: its text between the places where each visitor's own CSRF token goes. */
interface Template {
  /** The text of each piece, one more piece than tokens. */
  pieces: Buffer[];
  /** Each piece deflated on its own, all but the last ending on a byte boundary (a sync flush). */
  deflated: Buffer[];
  /** Each piece's CRC-32 and what joining it does to a CRC, to combine the page's checksum from. */
  checks: { crc: number; shift: number }[];
}

interface Entry {
  /** A page with a form: its pieces around the token. A page without one: its bytes, compressed once. */
  copy: Template | Encoded;
  /** The headers every hit carries: those kept from the answer, the type, and ETag and Vary. */
  headers: Record<string, string>;
  expires: number;
  /** A request is rendering the page again; the others may still be served this copy. */
  refreshing: boolean;
}

/** A compressed copy's bytes in the best encoding the browser takes. */
function bytesOf(encoded: Encoded, acceptEncoding: string | undefined) {
  const encoding = chooseEncoding(acceptEncoding);
  if (encoding !== 'gzip') return { encoding, bytes: encoded[encoding] };
  encoded.gzip ??= gzipSync(encoded.identity, { level: 6 });
  return { encoding, bytes: encoded.gzip };
}

/** What a compressed copy answers: nothing new to a browser that holds it, else its best encoding. */
function answerOf(
  encoded: Encoded,
  ifNoneMatch: string | undefined,
  acceptEncoding: string | undefined,
): { status: 304 } | { status: 200; encoding: 'br' | 'gzip' | 'identity'; bytes: Buffer } {
  return notModified(ifNoneMatch, encoded.etag)
    ? { status: 304 }
    : { status: 200, ...bytesOf(encoded, acceptEncoding) };
}

const MAX_ENTRIES = 1000;
/** How many addresses with a query string are remembered as asked for once (see `admitted`). */
const MAX_SEEN = 10_000;
const MAX_BODY = 1024 * 1024;
/** How long an expired copy may still be served while one request renders the page again. */
const STALE_MS = 10_000;
/** How long past its time a copy may be served when the portal is too busy to render the page. */
const BUSY_STALE_MS = 5 * 60_000;
const kept = ['cache-control', 'content-disposition', 'link', 'content-language'];
const tokenField = /name="_csrf" value="([^"]+)"/;

const BROTLI_QUALITY = 5;

const hasForm = (copy: Template | Encoded): copy is Template => 'pieces' in copy;

/** Goes on with a request that waited for another to render the page it asked for. */
type Resume = () => void;

function template(text: string, token: string): Template {
  const pieces = text.split(token).map((piece) => Buffer.from(piece));
  const last = pieces.length - 1;
  const deflated = pieces.map((piece, i) =>
    // Every piece but the last ends without closing the stream, on a byte boundary: what follows
    // (a token, the next piece) starts a block of its own. No piece refers back to another.
    deflateRawSync(piece, { level: 6, finishFlush: i < last ? constants.Z_SYNC_FLUSH : constants.Z_FINISH }),
  );
  const checks = pieces.map((piece) => ({ crc: crc32(piece), shift: crc32Shift(piece.length) }));
  return { pieces, deflated, checks };
}

/** The gzip header: deflate, no name, no time, unknown system (RFC 1952, 2.3). */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/** A page of the template with the token in its places, as gzip: its pieces and the token stored. */
function gzipWith(kept: Template, token: string): Buffer {
  const value = Buffer.from(token, 'latin1');
  // A stored block (RFC 1951, 3.2.4): not the last, type 00, then LEN and its complement.
  const stored = Buffer.alloc(5);
  stored.writeUInt16LE(value.length, 1);
  stored.writeUInt16LE(~value.length & 0xffff, 3);
  const tokenCrc = crc32(value);
  const tokenShift = crc32Shift(value.length);
  const parts: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let size = 0;
  kept.pieces.forEach((piece, i) => {
    if (i > 0) {
      parts.push(stored, value);
      crc = crc32Combine(crc, tokenCrc, tokenShift);
      size += value.length;
    }
    parts.push(kept.deflated[i] as Buffer);
    const check = kept.checks[i] as { crc: number; shift: number };
    crc = crc32Combine(crc, check.crc, check.shift);
    size += piece.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  parts.push(trailer);
  return Buffer.concat(parts);
}

/** A page of the template with the token in its places, as text. */
function textWith(kept: Template, token: string): string {
  return kept.pieces.map((piece) => piece.toString()).join(token);
}

function encode(body: string): Encoded {
  const identity = Buffer.from(body);
  return {
    identity,
    br: brotliCompressSync(identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }),
    etag: etagOf(identity),
  };
}

/** The encoding to answer in: brotli or gzip when the browser takes it (q=0 refuses), else none. */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | 'identity' {
  return encodingsOf(acceptEncoding).best;
}

/** Whether the browser takes gzip (a page with a form goes as gzip even to one preferring brotli). */
function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return encodingsOf(acceptEncoding).gzip;
}

interface Encodings {
  best: 'br' | 'gzip' | 'identity';
  gzip: boolean;
}

const NONE: Encodings = { best: 'identity', gzip: false };

function encodingsOf(acceptEncoding: string | undefined): Encodings {
  if (acceptEncoding === undefined) return NONE;
  // Browsers send a handful of different headers: each is read once.
  const known = chosen.get(acceptEncoding);
  if (known !== undefined) return known;
  const choice = readEncoding(acceptEncoding);
  if (chosen.size < 100) chosen.set(acceptEncoding, choice);
  return choice;
}

const chosen = new Map<string, Encodings>();

function readEncoding(acceptEncoding: string): Encodings {
  const accepted = new Set<string>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q === undefined || Number(q.slice(2)) > 0) accepted.add(name.trim());
  }
  const gzip = accepted.has('gzip') || accepted.has('*');
  return { best: accepted.has('br') ? 'br' : gzip ? 'gzip' : 'identity', gzip };
}

/** The cookies that only choose how a page looks; a visitor holding no other may get a kept page. */
const LOOKS = ['lang', TEXT_SIZE_COOKIE] as const;

/** A visitor whose page may come from the cache: a plain GET, no cookie but those of LOOKS. */
function keyOf(request: FastifyRequest): string | undefined {
  if (request.method !== 'GET' || request.routeOptions.config.access !== 'public') return undefined;
  if (request.routeOptions.config.stream === true) return undefined;
  const cookies = request.cookies ?? {};
  if (Object.keys(cookies).some((name) => !(LOOKS as readonly string[]).includes(name))) return undefined;
  if (request.headers.authorization !== undefined) return undefined;
  return `${looksKey(cookies.lang, cookies[TEXT_SIZE_COOKIE])}${request.url}`;
}

/**
 * The part of a key the look cookies make: a value the page does not use (an unknown language or
 * size, which the page ignores) keys like no cookie, so made-up values cannot fill the cache.
 */
function looksKey(lang: string | undefined, size: string | undefined): string {
  return `${isLanguage(lang) ? lang : ''}|${isTextSize(size) && size !== 'biasa' ? size : ''}|`;
}

/** The cookies an answer sets, by name. */
function cookieNames(reply: FastifyReply): string[] {
  const header = reply.getHeader('set-cookie');
  const all = header === undefined ? [] : Array.isArray(header) ? header : [String(header)];
  return all.map((c) => String(c).split('=')[0] ?? '');
}

/**
 * The start of a cache key ("lang|size|") from a Cookie header holding nothing but the cookies of
 * LOOKS; undefined for any other cookie.
 */
function looksOnly(cookie: string | undefined): string | undefined {
  if (cookie === undefined || cookie.trim() === '') return '||';
  let lang = '';
  let size = '';
  for (const part of cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) return undefined;
    const name = part.slice(0, eq).trim();
    if (name === 'lang') lang = part.slice(eq + 1).trim();
    else if (name === TEXT_SIZE_COOKIE) size = part.slice(eq + 1).trim();
    else return undefined;
  }
  return looksKey(lang, size);
}

/** A new visitor's form token and the Set-Cookie header that carries its secret (platform/form-token.ts). */
export type VisitorToken = () => FormToken;

/**
 * The pages kept for visitors without a session. Fresh copies are also served straight from the
 * HTTP server (`serveRaw`), before Fastify routes the request: a hit then costs what a bare Node
 * server costs, with the same headers and one log line. A page with a form is served there too, to
 * a browser that takes gzip, with a token and cookie of the visitor's own (`visitorToken`): through
 * Fastify's hooks such a hit cost 77 µs of CPU, before routing 62 µs (a consultation page of 5,000
 * comments; a plain kept page costs about 42).
 */
export class PageCache {
  readonly entries = new Map<string, Entry>();

  constructor(
    readonly seconds: number,
    /** The headers every answer carries (security headers), set on raw hits too. */
    private readonly fixedHeaders: Record<string, string>,
    /** Makes a form token as the CSRF plugin does; without it, pages with a form go through Fastify. */
    private readonly visitorToken?: VisitorToken,
  ) {}

  /** Serves a fresh kept copy of a public page to a GET, if there is one; returns whether it did. */
  serveRaw(req: IncomingMessage, res: ServerResponse, log: FastifyBaseLogger): boolean {
    const answer = this.keptAnswer(req, 0);
    if (answer === undefined) return false;
    sendRaw(req, res, log, this.fixedHeaders, answer);
    return true;
  }

  /**
   * A kept copy up to BUSY_STALE_MS past its time, for a GET the overload guard would turn away: a
   * page a minute old serves a citizen better than "too busy", and once a page's copy had expired
   * under a crowd, every request for it met the guard and none could render it again. The guard
   * sends it through Fastify (the request is counted and logged as any other).
   */
  answerWhenBusy(req: IncomingMessage): RawAnswer | undefined {
    return this.keptAnswer(req, BUSY_STALE_MS);
  }

  /**
   * The kept copy's answer to a request that may have it (no session, no authorization), if there
   * is a copy at most `staleMs` past its time. A page with a form is answered as gzip with the
   * visitor's own token, as `sendTemplate` below sends it through Fastify; a browser that refuses
   * gzip (rare) is left to Fastify, which compresses the text.
   */
  private keptAnswer(req: IncomingMessage, staleMs: number): RawAnswer | undefined {
    if (req.headers.authorization !== undefined) return undefined;
    const looks = looksOnly(req.headers.cookie);
    if (looks === undefined) return undefined;
    const entry = this.entries.get(`${looks}${req.url}`);
    if (entry === undefined || Date.now() >= entry.expires + staleMs) return undefined;
    const copy = entry.copy;
    if (!hasForm(copy))
      return {
        ...answerOf(copy, req.headers['if-none-match'], req.headers['accept-encoding']),
        headers: entry.headers,
      };
    if (this.visitorToken === undefined || !acceptsGzip(req.headers['accept-encoding'])) return undefined;
    const { token, setCookie } = this.visitorToken();
    return {
      status: 200,
      headers: entry.headers,
      encoding: 'gzip',
      bytes: gzipWith(copy, token),
      own: ['vary', 'accept-encoding', 'etag', formTag(token), 'set-cookie', setCookie],
    };
  }
}

/** A page with a form is this answer's alone: its tag names the token, so no two answers share one. */
const formTag = (token: string) => `W/"csrf-${token.slice(-16)}"`;

export function registerPageCache(app: FastifyInstance, cache: PageCache, csrfCookie: string): void {
  const { seconds, entries } = cache;
  if (seconds <= 0) return;
  /**
   * A page whose address has a query string (a search, a filter, a page number) is kept from the
   * second time it is asked for. A stream of different searches, from a crawler or a curious
   * visitor, would otherwise push the popular pages out of the cache and pay for compressing copies
   * nobody asks for again.
   */
  const seenOnce = new Set<string>();
  const admitted = (key: string) => {
    if (!key.includes('?') || entries.has(key) || seenOnce.delete(key)) return true;
    if (seenOnce.size >= MAX_SEEN) seenOnce.clear();
    seenOnce.add(key);
    return false;
  };

  /**
   * The requests waiting for a page that one request is rendering and none is kept yet, by key. A
   * crowd that arrives at a page nobody asked for lately (after a quiet spell, or a restart) made one
   * render each: 64 at once on the home page held every one of them for over 3 s (bench, 100 000
   * aspirations), where one render takes 30 ms. Now the first renders and the others are answered
   * from its copy; if it keeps none (an error, a page that may not be shared), they render their own.
   */
  const rendering = new Map<string, Resume[]>();
  const renderers = new WeakMap<FastifyRequest, Resume[]>();
  /** The request rendering `key` has its answer: those waiting for it go on. Once per render. */
  const rendered = (request: FastifyRequest, key: string) => {
    const waiting = renderers.get(request);
    if (waiting === undefined) return;
    renderers.delete(request);
    if (rendering.get(key) === waiting) rendering.delete(key);
    for (const resume of waiting) resume();
  };

  // Hooks with a callback, not async: neither waits, and a promise per hook per request is not free.
  // A hit is answered here: the route is not run (and done is not called).
  app.addHook('onRequest', (request, reply, done) => {
    const key = keyOf(request);
    if (key === undefined) return done();
    const entry = entries.get(key);
    if (entry !== undefined && Date.now() < entry.expires + STALE_MS) return serve(request, reply, done, entry);
    if (entry !== undefined) entries.delete(key);
    const waiting = rendering.get(key);
    if (waiting !== undefined) {
      // Answered from the copy the render keeps, or rendered here if it keeps none.
      waiting.push(() => {
        const copy = entries.get(key);
        return copy === undefined ? done() : serve(request, reply, done, copy);
      });
      return;
    }
    const mine: Resume[] = [];
    rendering.set(key, mine);
    renderers.set(request, mine);
    // However the exchange ends (an error page, the visitor gone), those waiting go on.
    reply.raw.once('close', () => rendered(request, key));
    done();
  });

  /** Answers a request from a kept copy, or lets it render the page again (`done`) when it expired. */
  function serve(request: FastifyRequest, reply: FastifyReply, done: () => void, entry: Entry) {
    if (Date.now() >= entry.expires) {
      if (!entry.refreshing) {
        // This request renders the page again; the crowd behind it gets the copy meanwhile.
        entry.refreshing = true;
        return done();
      }
    }
    reply.headers(entry.headers);
    if (hasForm(entry.copy)) return sendTemplate(request, reply, entry.copy);
    const answer = answerOf(entry.copy, request.headers['if-none-match'], request.headers['accept-encoding']);
    if (answer.status === 304) return void reply.code(304).send();
    if (answer.encoding !== 'identity') reply.header('content-encoding', answer.encoding);
    reply.send(answer.bytes);
  }

  /**
   * A kept page with a form, with a token and cookie of the visitor's own. As gzip, its bytes are
   * this answer's alone: a tag of its own keeps the ETag hook (etag.ts) from hashing them, and the encoding
   * set keeps @fastify/compress from compressing them again.
   */
  function sendTemplate(request: FastifyRequest, reply: FastifyReply, kept: Template) {
    const token = reply.generateCsrf();
    reply.header('vary', 'accept-encoding');
    // A browser that refuses gzip gets the text, compressed for this answer if it takes brotli.
    if (!acceptsGzip(request.headers['accept-encoding'])) return void reply.send(textWith(kept, token));
    reply.header('content-encoding', 'gzip').header('etag', formTag(token));
    reply.send(gzipWith(kept, token));
  }

  app.addHook('onSend', (request, reply, payload, done) => {
    let sent: unknown;
    try {
      sent = keep(request, reply, payload);
    } catch (error) {
      return done(error as Error);
    }
    done(null, sent);
  });

  /** The copy to keep of a page's text, if it may be shared and is wanted; compressed once here. */
  function copyOf(reply: FastifyReply, key: string, payload: string): Encoded | Template | undefined {
    if (reply.statusCode !== 200 || payload.length > MAX_BODY) return undefined;
    if (/private|no-store/.test(String(reply.getHeader('cache-control') ?? ''))) return undefined;
    const cookies = cookieNames(reply);
    // Others waiting for this very page count as asking for it again.
    const wanted = (rendering.get(key)?.length ?? 0) > 0 || admitted(key);
    if (cookies.some((name) => name !== csrfCookie) || !wanted) return undefined;
    // A token made but not used on the page (no form shown this time) needs no place in the copy.
    const token = cookies.length > 0 ? tokenField.exec(payload)?.[1] : undefined;
    return token !== undefined ? template(payload, token) : encode(payload);
  }

  /** Keeps a copy of the answer when it may be shared; returns what to send. */
  function keep(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
    const key = keyOf(request);
    if (key === undefined || reply.getHeader('x-page-cache') === 'hit') return payload;
    const copy = typeof payload === 'string' ? copyOf(reply, key, payload) : undefined;
    if (copy === undefined) {
      // Not kept: an expired copy may be refreshed by the next request, and those waiting go on.
      const entry = entries.get(key);
      if (entry !== undefined) entry.refreshing = false;
      rendered(request, key);
      return payload;
    }
    if (entries.size >= MAX_ENTRIES && !entries.has(key)) entries.delete(entries.keys().next().value ?? '');
    const headers: Record<string, string> = {
      'x-page-cache': 'hit',
      'content-type': String(reply.getHeader('content-type') ?? 'text/html; charset=utf-8'),
    };
    for (const name of kept) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    if (!hasForm(copy)) {
      headers.etag = copy.etag;
      headers.vary = 'accept-encoding';
    }
    entries.set(key, { copy, headers, expires: Date.now() + seconds * 1000, refreshing: false });
    rendered(request, key);
    if (hasForm(copy)) return payload;
    // This answer is the kept bytes, with the ETag of the copies served later: nothing is
    // compressed or hashed twice (the ETag hook and @fastify/compress leave a set ETag and encoding).
    reply.header('etag', copy.etag).header('vary', 'accept-encoding');
    const { encoding, bytes } = bytesOf(copy, request.headers['accept-encoding']);
    if (encoding !== 'identity') reply.header('content-encoding', encoding);
    return bytes;
  }
}
