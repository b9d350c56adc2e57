/** Renders a page component to a complete HTML document, with the context every page shares. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { PageContext } from './page-context.ts';
import { CouncilMissingError } from './site.ts';

export async function pageContext(request: FastifyRequest): Promise<PageContext> {
  let council: PageContext['council'];
  try {
    council = await request.server.site();
  } catch (error) {
    if (!(error instanceof CouncilMissingError)) throw error;
  }
  const user =
    request.user === null
      ? null
      : { name: request.user.name, role: request.user.role, mfaPassed: request.user.mfaPassed };
  return {
    lang: request.lang,
    textSize: request.textSize,
    t: request.t,
    origin: request.server.config.publicBaseUrl,
    url: request.url,
    council,
    assets: request.server.assets,
    map: request.server.config.map,
    pushKey: request.server.config.push?.publicKey,
    user,
  };
}

export async function renderPage(
  request: FastifyRequest,
  reply: FastifyReply,
  page: (ctx: PageContext) => VNode,
  status = 200,
) {
  const ctx = await pageContext(request);
  const html = `<!doctype html>${renderToString(page(ctx))}`;
  if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-cache');
  return reply.code(status).header('vary', 'Cookie').type('text/html; charset=utf-8').send(html);
}

/** A page with a form: the component gets the page context and a fresh CSRF token. */
export function renderForm(
  request: FastifyRequest,
  reply: FastifyReply,
  page: (ctx: PageContext, csrf: string) => VNode,
  status = 200,
) {
  return renderPage(request, reply, (ctx) => page(ctx, reply.generateCsrf()), status);
}
