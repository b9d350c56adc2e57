/**
 * /manifest.webmanifest, /ikon/:file, /sw.js and /luring: what a browser needs to install the
 * portal as an app and to read it offline. All public; none holds anything about a person.
 */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { offlineDraftPaths, offlineDraftTexts } from '../aspirations/service.ts';
import { publicDir } from '../platform/assets.ts';
import { ForbiddenError } from '../platform/auth.ts';
import { BadRequestError, NotConfiguredError, NotFoundError } from '../platform/errors.tsx';
import { timeZone } from '../platform/format.ts';
import { translator } from '../platform/i18n.ts';
import { can } from '../platform/permissions.ts';
import { readSubscription, subscribePush, unsubscribePush } from '../platform/push.ts';
import { renderPage } from '../platform/render.tsx';
import { type Subject, type SubjectType, subjectPages } from '../platform/subscriptions.ts';
import { MessagePage } from '../platform/views/message-page.tsx';
import { iconBytes, icons, themeColour } from './icons.ts';

/** The page shown offline when the page asked for was never kept. */
export const OFFLINE_PAGE = '/luring';

/**
 * The name under an icon on a home screen: launchers cut anything past about 12 letters, so the
 * region's kind ("Kota", "Kabupaten", "Provinsi") goes first, then the whole name if still too long.
 */
export function shortNameOf(name: string): string {
  if (name.length <= 12) return name;
  const shorter = name.replace(/\b(Kota|Kabupaten|Kab\.|Provinsi)\s+/i, '');
  return shorter.length <= 12 ? shorter : (shorter.split(/\s+/)[0] ?? shorter).slice(0, 12);
}

const IconParams = Type.Object({ file: Type.String({ maxLength: 40 }) });

export const installableAppRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Indonesian: a browser fetches the manifest without cookies, so it never knows the chosen language.
  const t = translator('id');

  app.get(
    '/manifest.webmanifest',
    { config: { access: 'public' }, schema: { hide: true } },
    async (_request, reply) => {
      const site = await app.site();
      const icon = (file: string, purpose: 'any' | 'maskable') => ({
        src: `/ikon/${file}`,
        sizes: `${icons[file]?.size}x${icons[file]?.size}`,
        type: 'image/png',
        purpose,
      });
      const shortcutIcons = [icon('96.png', 'any')];
      return reply
        .header('cache-control', 'public, max-age=3600')
        .type('application/manifest+json; charset=utf-8')
        .send({
          id: '/',
          name: site.name,
          short_name: shortNameOf(site.name),
          description: t('app.description'),
          lang: 'id',
          dir: 'ltr',
          start_url: '/',
          scope: '/',
          display: 'standalone',
          orientation: 'any',
          theme_color: themeColour,
          background_color: '#ffffff',
          categories: ['government', 'news'],
          icons: [
            icon('192.png', 'any'),
            icon('512.png', 'any'),
            icon('maskable-192.png', 'maskable'),
            icon('maskable-512.png', 'maskable'),
          ],
          shortcuts: [
            { name: t('app.shortcutAspiration'), url: '/aspirasi/baru', icons: shortcutIcons },
            { name: t('app.shortcutTrack'), url: '/lacak', icons: shortcutIcons },
            { name: t('app.shortcutAgenda'), url: '/agenda', icons: shortcutIcons },
          ],
        });
    },
  );

  app.get(
    '/ikon/:file',
    { config: { access: 'public' }, schema: { hide: true, params: IconParams } },
    async (request, reply) => {
      const bytes = iconBytes(request.params.file);
      if (bytes === undefined) throw new NotFoundError();
      return reply
        .header('cache-control', 'public, max-age=86400')
        .type('image/png')
        .send(await bytes);
    },
  );

  // The worker's script: the shell's names and the banner's words first, then the built worker.
  // Served at the root so that its scope is the whole site; never kept long, so a new build is
  // picked up at the next visit.
  const assets = app.assets;
  const workerBytes = readFileSync(`${publicDir}${assets.serviceWorker.replace(/^\/static\//, '')}`, 'utf8');
  const shell = [assets.css, assets.js, ...assets.offlineScripts, '/static/favicon.svg', '/ikon/192.png'];
  const settings = {
    shell,
    offlinePage: OFFLINE_PAGE,
    texts: {
      id: { offline: translator('id')('app.offlineBanner') },
      en: { offline: translator('en')('app.offlineBanner') },
    },
    timeZone,
    zoneLabel: 'WIB',
    neverKept: ['/kelola', '/akun', '/masuk', '/keluar', '/daftar'],
    forgetOn: ['/keluar', '/akun/keluar-semua', '/masuk'],
    maxPages: 60,
    drafts: {
      ...offlineDraftPaths,
      texts: { id: offlineDraftTexts(translator('id')), en: offlineDraftTexts(translator('en')) },
    },
  };
  const version = createHash('sha256').update(JSON.stringify(settings)).update(workerBytes).digest('hex').slice(0, 16);
  const script = `self.DT=${JSON.stringify({ version, ...settings })};\n${workerBytes}`;

  app.get('/sw.js', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
    reply.header('cache-control', 'no-cache').type('text/javascript; charset=utf-8').send(script),
  );

  app.get(OFFLINE_PAGE, { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    renderPage(request, reply, (ctx) => (
      <MessagePage
        ctx={ctx}
        title={ctx.t('app.offlineTitle')}
        body={ctx.t('app.offlineBody')}
        link={{ href: '/', text: ctx.t('app.offlineHome') }}
      />
    )),
  );

  // Web Push: the browser's subscription, sent by the follow buttons' script (JSON, with the form
  // token in a header). Anyone may follow by push; news of the queue is for officials who triage.
  const PushBody = Type.Object({
    subscription: Type.Unknown(),
    follow: Type.Optional(
      Type.Object({ type: Type.String({ maxLength: 20 }), id: Type.Integer({ minimum: 1, maximum: 2_000_000_000 }) }),
    ),
    queue: Type.Optional(Type.Boolean()),
  });
  const followOf = (follow: { type: string; id: number } | undefined): Subject | undefined => {
    if (follow === undefined) return undefined;
    if (!Object.hasOwn(subjectPages, follow.type)) throw new BadRequestError(`cannot follow "${follow.type}"`);
    return { type: follow.type as SubjectType, id: follow.id };
  };

  app.post(
    '/push/langganan',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '10 minutes' } },
      schema: { hide: true, body: PushBody },
    },
    async (request) => {
      if (app.config.push === undefined) throw new NotConfiguredError('VAPID_PUBLIC_KEY');
      const subscription = readSubscription(request.body.subscription, app.config.push.services);
      if (subscription === undefined) throw new BadRequestError('the push subscription is not one a browser gives');
      const follow = followOf(request.body.follow);
      const queue = request.body.queue === true;
      if (queue && !can(request.user?.role, 'aspiration.triage')) throw new ForbiddenError();
      if (follow === undefined && !queue) throw new BadRequestError('say what to follow');
      await subscribePush(app.db, subscription, { userId: request.user?.id ?? null, follow, staffQueue: queue });
      return { ok: true };
    },
  );

  app.post(
    '/push/berhenti',
    { config: { access: 'public' }, schema: { hide: true, body: PushBody } },
    async (request) => {
      // Any endpoint may be forgotten: it is only looked up, never called.
      const endpoint = (request.body.subscription as { endpoint?: unknown } | null)?.endpoint;
      if (typeof endpoint !== 'string' || endpoint.length > 1000)
        throw new BadRequestError('the push subscription is not one a browser gives');
      await unsubscribePush(app.db, endpoint, followOf(request.body.follow));
      return { ok: true };
    },
  );
};
