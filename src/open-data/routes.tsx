/**
 * /data (the catalogue page), /data/<dataset>.<csv|xlsx|json> (the files), and the read-only CKAN
 * action API under /api/3/action that regional open-data portals harvest (GET, or POST with a
 * JSON body as CKAN's own clients send it).
 */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { deps } from '../platform/auth.ts';
import { NotFoundError } from '../platform/errors.tsx';
import { renderPage } from '../platform/render.tsx';
import { datasetFile, datasetNamed, datasets, type Format, LICENCE, packageOf, searchPackages } from './service.ts';
import { CataloguePage } from './views/pages.tsx';

const FileParams = Type.Object({ file: Type.String({ pattern: '^[a-z0-9-]{1,80}\\.(csv|xlsx|json)$' }) });
const CkanArgs = Type.Object({
  id: Type.Optional(Type.String({ maxLength: 200 })),
  q: Type.Optional(Type.String({ maxLength: 500 })),
  fq: Type.Optional(Type.String({ maxLength: 500 })),
  rows: Type.Optional(Type.String({ maxLength: 10 })),
  start: Type.Optional(Type.String({ maxLength: 10 })),
  limit: Type.Optional(Type.String({ maxLength: 10 })),
  offset: Type.Optional(Type.String({ maxLength: 10 })),
  lang: Type.Optional(Type.String({ maxLength: 5 })),
  /** For help_show: the action whose description is asked for. */
  name: Type.Optional(Type.String({ maxLength: 100 })),
  'facet.field': Type.Optional(Type.String({ maxLength: 500 })),
  'facet.limit': Type.Optional(Type.String({ maxLength: 10 })),
});
type CkanArgs = Static<typeof CkanArgs>;

/** A whole number within bounds, or the fallback; undefined when the text is not a number at all. */
function count(raw: string | number | undefined, fallback: number, max: number): number | undefined {
  if (raw === undefined || raw === '') return fallback;
  const n = typeof raw === 'number' ? raw : /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(n) || n < 0) return undefined;
  return Math.min(n, max);
}

export const openDataRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/data', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const packages = await Promise.all(datasets.map((d) => packageOf(deps(app), d)));
    const columns = Object.fromEntries(datasets.map((d) => [d.name, d.columns]));
    return renderPage(request, reply, (ctx) => <CataloguePage ctx={ctx} packages={packages} columns={columns} />);
  });

  app.get(
    '/data/:file',
    { config: { access: 'public' }, schema: { hide: true, params: FileParams } },
    async (request, reply) => {
      const [name = '', format = 'csv'] = request.params.file.split('.');
      const dataset = datasetNamed(name);
      if (dataset === undefined) throw new NotFoundError(`dataset ${name}`);
      const file = await datasetFile(deps(app), dataset, format as Format);
      return reply
        .type(file.type)
        .header('content-disposition', `attachment; filename="${name}.${format}"`)
        .header('link', `<${LICENCE.url}>; rel="license"`)
        .header('cache-control', 'public, max-age=300')
        .send(typeof file.body === 'string' ? file.body : Buffer.from(file.body));
    },
  );

  // ------------------------------------------------------------ CKAN action API (read-only)

  const help = (action: string) => `${app.config.publicBaseUrl}/api/3/action/help_show?name=${action}`;
  const args = (request: FastifyRequest): CkanArgs => {
    const body = request.body;
    const fromBody =
      typeof body === 'object' && body !== null
        ? Object.fromEntries(
            Object.entries(body as Record<string, unknown>)
              .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
              .map(([k, v]) => [k, String(v).slice(0, 500)]),
          )
        : {};
    // One reader for the GET and POST routes of every action, whose schemas differ: the fields are
    // read as CKAN names them, each checked by count() or the search before use.
    return { ...(request.query as CkanArgs), ...fromBody };
  };
  // CKAN answers a bad parameter with 409 and a Validation Error, an unknown thing with 404.
  const fail = (reply: FastifyReply, action: string, status: 409 | 404, message: string) =>
    reply.code(status).send({
      help: help(action),
      success: false,
      error: status === 404 ? { message, __type: 'Not Found Error' } : { message, __type: 'Validation Error' },
    });

  const summaries: Record<string, string> = {
    package_list: 'CKAN: the names of every dataset',
    package_show: 'CKAN: one dataset with its resources (id = its name)',
    package_search:
      'CKAN: datasets matching q and fq (words; name:, title:, tags:, res_format:, organization:, license_id:, metadata_modified:[A TO B]); facet.field, rows, start',
    help_show: 'CKAN: what an action does (name = the action)',
  };
  type CkanAnswer = { help: string; success: boolean; result: unknown };
  /** facet.field as CKAN clients send it: a JSON list (["tags","res_format"]) or one name. */
  const fieldList = (raw: string | undefined): string[] | undefined => {
    if (raw === undefined || raw.trim() === '') return [];
    if (!raw.trim().startsWith('[')) return [raw.trim()];
    try {
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) && parsed.every((f) => typeof f === 'string') ? parsed : undefined;
    } catch {
      return undefined;
    }
  };
  const actions: Record<string, (request: FastifyRequest, reply: FastifyReply) => Promise<CkanAnswer | undefined>> = {
    package_list: async (request, reply) => {
      const a = args(request);
      const limit = count(a.limit, datasets.length, 1000);
      const offset = count(a.offset, 0, 100_000);
      if (limit === undefined || offset === undefined) {
        fail(reply, 'package_list', 409, 'limit and offset are whole numbers');
        return undefined;
      }
      return {
        help: help('package_list'),
        success: true,
        result: datasets.slice(offset, offset + limit).map((d) => d.name),
      };
    },
    package_show: async (request, reply) => {
      const dataset = datasetNamed(args(request).id ?? '');
      if (dataset === undefined) {
        fail(reply, 'package_show', 404, 'Not found');
        return undefined;
      }
      return { help: help('package_show'), success: true, result: await packageOf(deps(app), dataset) };
    },
    help_show: async (request, reply) => {
      const name = args(request).name ?? '';
      const text = Object.hasOwn(summaries, name) ? summaries[name] : undefined;
      if (text === undefined) {
        fail(reply, 'help_show', 404, `No action named "${name.slice(0, 100)}"`);
        return undefined;
      }
      return { help: help('help_show'), success: true, result: text };
    },
    package_search: async (request, reply) => {
      const a = args(request);
      const rows = count(a.rows, 10, 1000);
      const start = count(a.start, 0, 100_000);
      if (rows === undefined || start === undefined) {
        fail(reply, 'package_search', 409, 'rows and start are whole numbers');
        return undefined;
      }
      const facetLimit = count(a['facet.limit'], 50, 1000);
      const facetFields = fieldList(a['facet.field']);
      if (facetLimit === undefined || facetFields === undefined) {
        fail(reply, 'package_search', 409, 'facet.field is a JSON list of field names; facet.limit a whole number');
        return undefined;
      }
      const result = await searchPackages(deps(app), { q: a.q, fq: a.fq, rows, start, facetFields, facetLimit });
      return {
        help: help('package_search'),
        success: true,
        result: {
          count: result.count,
          sort: 'score desc, metadata_modified desc',
          facets: result.facets,
          search_facets: result.searchFacets,
          results: result.results,
        },
      };
    },
  };

  for (const [action, handler] of Object.entries(actions)) {
    const summary = summaries[action] ?? action;
    app.get(
      `/api/3/action/${action}`,
      {
        config: { access: 'public' },
        schema: {
          tags: ['Open data'],
          summary,
          querystring: CkanArgs,
          response: {
            200: Type.Object({
              help: Type.String(),
              success: Type.Boolean(),
              result: Type.Unknown({ description: 'As CKAN answers: a list of names, a package, or {count, results}' }),
            }),
          },
        },
      },
      handler,
    );
    app.post(
      `/api/3/action/${action}`,
      // CKAN clients post JSON without a browser session; nothing here changes anything.
      { config: { access: 'public', csrf: false }, schema: { hide: true } },
      handler,
    );
  }
};
