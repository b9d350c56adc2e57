/** The back office entrance (/kelola): a way into each feature's part that the person may use. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { signedIn } from '../platform/auth.ts';
import { can } from '../platform/permissions.ts';
import { renderPage } from '../platform/render.tsx';
import { PageQuery } from '../platform/schemas.ts';
import { BackOfficePage } from './views/backoffice-page.tsx';

export const backOfficeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/kelola',
    { config: { access: 'backoffice.enter' }, schema: { hide: true, querystring: PageQuery } },
    (request, reply) => {
      const user = signedIn(request);
      const links = app.backOfficeLinks
        .filter((link) => can(user.role, link.permission))
        .map((link) => ({ href: link.href, label: request.t(link.label) }));
      return renderPage(request, reply, (ctx) => <BackOfficePage ctx={ctx} links={links} />);
    },
  );
};
