/** The home page. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { recentlyAnswered } from '../aspirations/service.ts';
import { getCouncil } from '../council/service.ts';
import { deps } from '../platform/auth.ts';
import { renderPage } from '../platform/render.tsx';
import { HomePage } from './views/home-page.tsx';

export const homeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { access: 'public' },
      schema: { hide: true, querystring: Type.Object({ lang: Type.Optional(Type.String({ maxLength: 5 })) }) },
    },
    async (request, reply) => {
      const structure = await getCouncil(app.db);
      const answered = await recentlyAnswered(deps(app), 5);
      return renderPage(request, reply, (ctx) => <HomePage ctx={ctx} structure={structure} answered={answered} />);
    },
  );
};
