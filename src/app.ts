/**
 * Builds the whole application: platform plugins first, then every feature. Tests build it with
 * their own database; src/server.ts builds it with the configured one and listens.
 */
import { createServer } from 'node:http';
import compress from '@fastify/compress';
import { fastifyCookie as cookie } from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import multipart, { type MultipartFile } from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, LogController } from 'fastify';
import type { Config } from './config.ts';
import type { Db, OpenDatabase } from './db/index.ts';
import { features } from './features.ts';
import { withErrorResponses } from './platform/api-errors.ts';
import { AssetFiles, type Assets, loadAssets, publicDir, registerAssetFiles } from './platform/assets.ts';
import { registerAuth } from './platform/auth.ts';
import { createSealer } from './platform/crypto.ts';
import { registerDrain } from './platform/drain.ts';
import { BadRequestError, registerErrorHandlers, registerProbeErrorHandler } from './platform/errors.tsx';
import { registerEtag } from './platform/etag.ts';
import { formTokenMaker } from './platform/form-token.ts';
import { healthRoutes } from './platform/health.ts';
import { registerLanguage } from './platform/language.ts';
import { batchedStdout } from './platform/log-destination.ts';
import { type Channels, gatewayChannel, OutboxWorker, smtpMailer } from './platform/outbox.ts';
import { registerOverloadGuard } from './platform/overload.ts';
import { PageCache, registerPageCache } from './platform/page-cache.ts';
import { pushChannel } from './platform/push.ts';
import { rateLimitStore } from './platform/rate-limits.ts';
import { gatheredSignals, pgliteRealtime, postgresRealtime } from './platform/realtime.ts';
import { requestIdOf } from './platform/request-id.ts';
import { registerRouteTable } from './platform/route-table.ts';
import { machineHeaders, registerSecurityHeaders, securityHeaders } from './platform/security-headers.ts';
import { registerSitemap } from './platform/sitemap.ts';
import { registerTextSize } from './platform/text-size.ts';
import { MAX_FILES_PER_FORM, MAX_PHOTO_BYTES, type UploadedFile } from './platform/uploads.ts';

export interface AppOptions {
  config: Config;
  database: OpenDatabase;
  assets?: Assets;
  /** A pino destination for the logs (tests capture them); standard output when absent. */
  logStream?: NodeJS.WritableStream;
  /** Routes of the site beside the features' (a test's route that fails the way a bug would). */
  routes?: FastifyPluginAsync[];
}

/** The delivery channels the configuration provides; a channel left out is reported, not faked. */
function channelsOf(config: Config, db: Db): Channels {
  const channels: Channels = {};
  if (config.push !== undefined) channels.push = pushChannel(config.push, db);
  if (config.smtp !== undefined) channels.email = smtpMailer(config.smtp);
  const gateway = config.messageGateway;
  for (const name of gateway?.channels ?? []) if (gateway !== undefined) channels[name] = gatewayChannel(gateway, name);
  return channels;
}

/** The origin of a tile URL template for the CSP; a {s} subdomain becomes a wildcard. */
function tileOrigin(template: string): string {
  const origin = new URL(template.replace('{s}', 'subdomain').replace(/\{[a-z]\}/g, '0')).origin;
  return origin.replace('://subdomain.', '://*.');
}

/**
 * What no route can use, found anywhere in parsed input (strings, arrays, form fields; files'
 * bytes aside): a NUL character, which PostgreSQL text cannot hold, or a number too large for any
 * number type ("1e309" passes the schema validator as Infinity).
 */
function unusable(value: unknown, depth = 0): 'nul' | 'number' | undefined {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return 'nul';
    return /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(value) && !Number.isFinite(Number(value))
      ? 'number'
      : undefined;
  }
  if (depth > 3 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return undefined;
  // A multipart part: only what was sent in it counts (its value, or a file's name), not the stream.
  if ('fieldname' in value && 'value' in value) {
    const sent = (value as { value: unknown }).value;
    return typeof sent === 'string' ? unusable(sent) : unusable((sent as { filename?: unknown })?.filename);
  }
  for (const v of Object.values(value)) {
    const found = unusable(v, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The cookie holding a visitor's form-token secret. */
const CSRF_COOKIE = 'csrf';

export async function buildApp({
  config,
  database,
  assets,
  logStream,
  routes = [],
}: AppOptions): Promise<FastifyInstance> {
  const https = config.publicBaseUrl.startsWith('https:');
  const security = securityHeaders({
    https,
    // Map tiles come from the configured tile server, and from nowhere else.
    imageOrigins: config.map === undefined ? [] : [tileOrigin(config.map.tiles)],
    frameOrigins: config.embedOrigins,
  });
  // A form's token for a visitor served a kept page before routing, made as @fastify/csrf-protection
  // makes it (registered below with these options): a new secret in a signed cookie, a token from it.
  const csrfCookie = { path: '/', httpOnly: true, sameSite: 'lax', signed: true, secure: https } as const;
  const formTokens = formTokenMaker(config.sessionSecret, CSRF_COOKIE, () =>
    // What follows the value in the header the cookie plugin writes for this cookie.
    cookie.serialize(CSRF_COOKIE, '', csrfCookie).slice(`${CSRF_COOKIE}=`.length),
  );
  const pageCache = new PageCache(config.pageCacheSeconds, security, formTokens.make);
  const assetFiles = new AssetFiles(security);
  // Until the portal begins to drain: then every request goes through Fastify, which counts it
  // for the drain, closes its connection after the answer, and once closing answers 503.
  let servingRaw = true;
  // Tests read the log from their own stream as it is written; a server writes it in batches.
  const batchedLog = logStream === undefined ? batchedStdout() : undefined;
  const app: FastifyInstance = Fastify({
    // A fresh copy of a public page is served before Fastify routes the request (platform/page-cache.ts).
    serverFactory: (handler, options) => {
      // Fastify has filled in its defaults by now; it sets these on servers it makes itself.
      const timeouts = options as { keepAliveTimeout: number; requestTimeout: number; connectionTimeout: number };
      const server = createServer((req, res) => {
        const raw =
          servingRaw &&
          !app.isDraining() &&
          req.method === 'GET' &&
          (assetFiles.serveRaw(req, res, app.log) || pageCache.serveRaw(req, res, app.log));
        if (!raw) handler(req, res);
      });
      server.keepAliveTimeout = timeouts.keepAliveTimeout;
      server.requestTimeout = timeouts.requestTimeout;
      server.setTimeout(timeouts.connectionTimeout);
      return server;
    },
    logger: {
      level: config.logLevel,
      ...(batchedLog !== undefined
        ? { stream: batchedLog.stream, hooks: batchedLog.hooks }
        : logStream !== undefined
          ? { stream: logStream }
          : {}),
      redact: ['req.headers.cookie', 'req.headers.authorization'],
    },
    // A request id from a trusted proxy is kept so one id follows a request through the logs.
    genReqId: (req) => requestIdOf(req.headers['x-request-id']),
    bodyLimit: 1024 * 1024,
    // A number of proxies becomes "believe that many hops nearest to us" (proxy-addr's trust function).
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (
            (hops: number) => (_address: string, hop: number) =>
              hop < hops
          )(config.trustProxy)
        : config.trustProxy,
    return503OnClosing: true,
    // One line per request, written when it is answered (below), instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'answered',
    );
    done();
  });

  app.decorate('config', config);
  app.decorate('db', database.db);
  app.decorate('engine', database.engine);
  app.decorate('assets', assets ?? loadAssets());
  app.decorate('sealer', createSealer(config.dataKeys, config.lookupKey));
  app.decorate('outbox', new OutboxWorker(database.db, app.sealer, channelsOf(config, database.db), app.log));

  const realtime =
    database.pglite !== undefined
      ? pgliteRealtime(database.pglite)
      : postgresRealtime(database.connectionString ?? config.databaseUrl ?? '', app.log);
  app.decorate('realtime', realtime);
  app.decorate('signals', gatheredSignals(database.db, app.log));
  app.addHook('onClose', async () => {
    await app.signals.flush();
    await realtime.close();
  });
  app.addHook('preClose', (done) => {
    servingRaw = false;
    done();
  });
  app.addHook('onClose', (_app, done) => {
    batchedLog?.close();
    done();
  });
  app.decorate('features', features);
  app.decorate(
    'personalData',
    features.flatMap((f) => (f.personalData === undefined ? [] : [f.personalData])),
  );
  app.decorate(
    'backOfficeLinks',
    features.flatMap((f) => f.backOffice ?? []),
  );
  // Who runs the portal (every page's header) and who is asking (sessions, tokens) are told by
  // the features that know: the council and accounts.
  const siteOf = features.find((f) => f.site !== undefined)?.site;
  const identity = features.find((f) => f.identity !== undefined)?.identity;
  if (siteOf === undefined || identity === undefined)
    throw new Error('No feature says who runs the portal or who is asking');
  app.decorate('site', () => siteOf(database.db));
  for (const feature of features) feature.setup?.(app);

  registerRouteTable(app);

  registerSecurityHeaders(app, security, machineHeaders({ https }));
  // The drain sees every request first: the guard, the page cache and asset files may answer one
  // without running later hooks, and the drain must count it and close its connection.
  registerDrain(app);
  registerOverloadGuard(app, config.overload, (req) => pageCache.answerWhenBusy(req));
  await app.register(swagger, {
    transform: withErrorResponses,
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Dewan Terbuka API',
        version: '1.0.0',
        description: 'Open data of the regional council: members, districts and more.',
        license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
      },
      servers: [{ url: config.publicBaseUrl }],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'A personal access token made in /akun/token' },
        },
      },
      tags: [
        { name: 'Council', description: 'Members, electoral districts and the council’s structure' },
        {
          name: 'Aspirations',
          description: 'Citizens’ public aspirations and how they are handled (also as Open311 at /open311/v2)',
        },
        { name: 'Agenda', description: 'The council’s meetings (also as iCalendar at /agenda.ics)' },
        { name: 'Regulations', description: 'Regional regulations and other legal documents (JDIH)' },
        { name: 'Budget', description: 'The regional budget (APBD) and how it is realised' },
        { name: 'Projects', description: 'Programmes and infrastructure projects with their progress' },
        { name: 'News', description: 'News and press releases of the council (also as Atom at /berita.atom)' },
        {
          name: 'Open data',
          description: 'Datasets as CSV, XLSX and JSON; a CKAN-compatible catalogue at /api/3/action',
        },
        { name: 'Account', description: 'The account behind an API token' },
        { name: 'Operations', description: 'Health of the service' },
      ],
    },
  });

  // The probes stand outside the site: none of its hooks (cookies, form tokens, language, session,
  // page cache, tags, compression) has anything to do for them, and a probe costs what it must.
  registerProbeErrorHandler(app);
  await app.register(healthRoutes);

  // The site: pages, forms, the API and files, with the hooks and handlers they share. Fastify keeps
  // these hooks to the routes registered here; its handlers answer every address no route has.
  await app.register(async (site) => {
    // Signs as platform/form-token.ts signs the form cookies it makes before routing.
    await site.register(cookie, { secret: config.sessionSecret });
    await site.register(csrf, {
      sessionPlugin: '@fastify/cookie',
      cookieKey: CSRF_COOKIE,
      cookieOpts: csrfCookie,
      // Any route's raw body (before its schema ran); a multipart form's fields arrive as parts: the
      // token is the value of the "_csrf" part.
      getToken: (request) => {
        const field = (request.body as Record<string, unknown> | undefined)?._csrf;
        const value = typeof field === 'object' && field !== null ? (field as { value?: unknown }).value : field;
        return typeof value === 'string' ? value : String(request.headers['x-csrf-token'] ?? '');
      },
    });
    const rateStore = rateLimitStore(config.redisUrl, config.redisPrefix, site.log);
    site.addHook('onClose', rateStore.close);
    await site.register(rateLimit, rateStore.options);
    await site.register(formbody, { bodyLimit: 64 * 1024 });
    // Forms with photos: parts are read into memory within these limits before the handler runs;
    // an oversized photo is marked truncated so the form can say which one, instead of failing.
    await site.register(multipart, {
      attachFieldsToBody: true,
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_PHOTO_BYTES, files: MAX_FILES_PER_FORM, fields: 40, fieldSize: 24 * 1024, parts: 50 },
      async onFile(part: MultipartFile) {
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk as Buffer);
        const file: UploadedFile = {
          field: part.fieldname,
          filename: part.filename,
          data: Buffer.concat(chunks),
          truncated: part.file.truncated,
        };
        (part as unknown as { value: UploadedFile }).value = file;
      },
    });
    site.decorateRequest('formParsed', false);
    site.addHook('preValidation', (request, _reply, done) => {
      request.formParsed = true;
      const bad = unusable(request.query) ?? unusable(request.params) ?? unusable(request.body);
      done(
        bad === undefined ? undefined : new BadRequestError(request.t(bad === 'nul' ? 'form.nul' : 'form.hugeNumber')),
      );
    });
    registerPageCache(site, pageCache, CSRF_COOKIE);
    // ETag first: it hashes the page as written, before compression (one call or, past 64 KB, a stream).
    registerEtag(site);
    // A page not kept (a search, a signed-in visitor's page) is compressed in one call, not through
    // a zlib stream per answer: the plugin streams anything over 8 KB on a two-core machine, which
    // is every list and search page (14-60 KB), and a stream's setup, scheduling and pipeline cost
    // more than the compression itself. Searches over 100,000 aspirations (PostgreSQL, wrk c16):
    // 2.33-2.39 ms of the portal's CPU each through streams, 1.79-1.81 ms in one call; 336-343
    // searches/s → 387-394/s. Brotli stays at the plugin's quality 4: quality 1 or 3 in one call
    // measured no cheaper per search within the machine's noise, and sends 6-17 % more bytes. A
    // 60 KB page at quality 4 holds the event loop about 0.3 ms; a larger answer still streams.
    await site.register(compress, { threshold: 1024, syncThreshold: 64 * 1024, encodings: ['br', 'gzip', 'deflate'] });
    await site.register(fastifyStatic, {
      root: publicDir,
      prefix: '/static/',
      index: false,
      wildcard: true,
      setHeaders(reply, file) {
        const immutable = file.includes(`${publicDir}assets/`) && !file.endsWith('manifest.json');
        reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
      },
    });
    registerAssetFiles(site, assetFiles);
    site.get('/favicon.ico', { config: { access: 'public' }, schema: { hide: true } }, (_request, reply) =>
      reply.redirect('/static/favicon.svg', 301),
    );

    registerLanguage(site);
    registerTextSize(site);
    registerAuth(site, identity);
    registerErrorHandlers(site);

    for (const plugin of [...features.flatMap((f) => f.routes), ...routes]) await site.register(plugin);
    registerSitemap(site, features);
  });

  return app;
}
