/** /cari: what the whole site holds for some words, five of each kind with a link to the rest. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { deps } from '../platform/auth.ts';
import { renderPage } from '../platform/render.tsx';
import { optionalText } from '../platform/schemas.ts';
import { QUERY_MAX, QUERY_MIN, siteSearch } from './service.ts';
import { SearchPage } from './views/search-page.tsx';

// A longer text is refused with words, not by the schema's bare 400.
const SearchQuery = Type.Object({ lang: optionalText(5), q: optionalText(2000) });

export const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/cari',
    { config: { access: 'public' }, schema: { hide: true, querystring: SearchQuery } },
    async (request, reply) => {
      const q = (request.query.q ?? '').trim().replace(/\s+/g, ' ');
      if (q === '') return renderPage(request, reply, (ctx) => <SearchPage ctx={ctx} q="" />);
      const problem =
        q.length < QUERY_MIN
          ? request.t('search.tooShort', { min: QUERY_MIN })
          : q.length > QUERY_MAX
            ? request.t('search.tooLong', { max: QUERY_MAX })
            : undefined;
      if (problem !== undefined)
        return renderPage(request, reply, (ctx) => <SearchPage ctx={ctx} q={q} error={problem} />, 400);
      const results = await siteSearch(deps(app), q);
      return renderPage(request, reply, (ctx) => <SearchPage ctx={ctx} q={q} results={results} />);
    },
  );
};
