/** /istilah: the glossary, public. Terms are sorted as an Indonesian reader looks them up. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { renderPage } from '../platform/render.tsx';
import { terms } from './terms.ts';
import { GlossaryPage } from './views/pages.tsx';

const sorted = [...terms].sort((a, b) => a.term.localeCompare(b.term, 'id', { sensitivity: 'base' }));

export const glossaryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/istilah', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) =>
    renderPage(request, reply, (ctx) => <GlossaryPage ctx={ctx} terms={sorted} />),
  );
};
