/** The back office entrance (/kelola): the official's own waiting work first, then a way into each part they may use. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { deps, signedIn } from '../platform/auth.ts';
import { can } from '../platform/permissions.ts';
import { renderPage } from '../platform/render.tsx';
import { PageQuery } from '../platform/schemas.ts';
import { BackOfficePage } from './views/backoffice-page.tsx';

export const backOfficeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/kelola',
    { config: { access: 'backoffice.enter' }, schema: { hide: true, querystring: PageQuery } },
    async (request, reply) => {
      const user = signedIn(request);
      const links = app.backOfficeLinks
        .filter((link) => can(user.role, link.permission))
        .map((link) => ({ href: link.href, label: request.t(link.label) }));
      const waiting = (
        await Promise.all(app.features.map((f) => (f.waiting === undefined ? [] : f.waiting(deps(app), user))))
      ).flat();
      return renderPage(request, reply, (ctx) => <BackOfficePage ctx={ctx} waiting={waiting} links={links} />);
    },
  );
};
