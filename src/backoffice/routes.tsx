/** The back office entrance (/kelola): the official's own waiting work first, then a way into each part they may use. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { deps, signedIn } from '../platform/auth.ts';
import { can } from '../platform/permissions.ts';
import { renderPage } from '../platform/render.tsx';
import { optionalText, PageQuery } from '../platform/schemas.ts';
import { BackOfficePage } from './views/backoffice-page.tsx';
import { ComponentsPage } from './views/components-page.tsx';

// The pager on the page links to other pages of itself.
const ComponentsQuery = Type.Object({ lang: optionalText(5), hal: optionalText(5) });

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

  app.get(
    '/kelola/komponen',
    { config: { access: 'backoffice.enter' }, schema: { hide: true, querystring: ComponentsQuery } },
    (request, reply) => renderPage(request, reply, (ctx) => <ComponentsPage ctx={ctx} />),
  );
};
