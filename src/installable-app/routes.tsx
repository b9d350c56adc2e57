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
import { NotFoundError } from '../platform/errors.tsx';
import { timeZone } from '../platform/format.ts';
import { translator } from '../platform/i18n.ts';
import { renderPage } from '../platform/render.tsx';
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
};
