/**
 * What search engines may read, and where the public pages are: /robots.txt keeps crawlers out
 * of the back office, accounts and reporters' private links, and points to /sitemap.xml, an index
 * of one sitemap per feature (/sitemap/<feature>.xml) built from the pages each feature lists
 * (sitemaps.org: at most 50 000 addresses a file).
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { deps } from './auth.ts';
import { NotFoundError } from './errors.tsx';
import type { Feature } from './feature.ts';
import { escapeXml } from './feeds.ts';

/** The most addresses one sitemap may hold (sitemaps.org). */
export const SITEMAP_LIMIT = 50_000;

/** Paths no crawler needs: the back office, accounts, reporters' private links, machine interfaces. */
const closed = [
  '/kelola/',
  '/akun',
  '/masuk',
  '/daftar',
  '/keluar',
  '/lupa-sandi',
  '/atur-sandi/',
  '/lacak/',
  '/konfirmasi/',
  '/undangan/',
  '/api/',
  '/open311/',
];

const day = (date: Date) => date.toISOString().slice(0, 10);

export function registerSitemap(app: FastifyInstance, features: readonly Feature[]): void {
  const sources = new Map(features.flatMap((f) => (f.sitemap === undefined ? [] : [[f.name, f.sitemap] as const])));
  const origin = app.config.publicBaseUrl;

  app.get('/robots.txt', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    const lines = ['User-agent: *', ...closed.map((path) => `Disallow: ${path}`), '', `Sitemap: ${origin}/sitemap.xml`];
    return reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(`${lines.join('\n')}\n`);
  });

  app.get('/sitemap.xml', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    const maps = [...sources.keys()].map(
      (name) => `<sitemap><loc>${escapeXml(`${origin}/sitemap/${name}.xml`)}</loc></sitemap>`,
    );
    return reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(
        `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${maps.join('')}</sitemapindex>\n`,
      );
  });

  app.get<{ Params: { file: string } }>(
    '/sitemap/:file',
    {
      config: { access: 'public' },
      schema: { hide: true, params: Type.Object({ file: Type.String({ maxLength: 100 }) }) },
    },
    async (request, reply) => {
      const name = /^([a-z-]+)\.xml$/.exec(request.params.file)?.[1];
      const source = name === undefined ? undefined : sources.get(name);
      if (source === undefined) throw new NotFoundError(`sitemap ${request.params.file}`);
      const entries = (await source(deps(app))).slice(0, SITEMAP_LIMIT);
      const urls = entries.map(
        (e) =>
          `<url><loc>${escapeXml(origin + e.path)}</loc>${e.modified == null ? '' : `<lastmod>${day(e.modified)}</lastmod>`}</url>`,
      );
      return reply
        .type('application/xml; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(
          `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`,
        );
    },
  );
}
