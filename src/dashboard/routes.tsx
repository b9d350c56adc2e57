/** /kelola/dasbor: the dashboard of open work and, for the leadership, the council's trends. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { deps, signedIn } from '../platform/auth.ts';
import { renderPage } from '../platform/render.tsx';
import { PageQuery } from '../platform/schemas.ts';
import { dashboardOf } from './service.ts';
import { DashboardPage } from './views/dashboard-page.tsx';

export const dashboardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/kelola/dasbor',
    { config: { access: 'dashboard.view' }, schema: { hide: true, querystring: PageQuery } },
    async (request, reply) => {
      const dashboard = await dashboardOf(deps(app), signedIn(request), request.t);
      return renderPage(request, reply, (ctx) => <DashboardPage ctx={ctx} dashboard={dashboard} />);
    },
  );
};
