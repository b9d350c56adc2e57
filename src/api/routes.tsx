/** The API's description: the OpenAPI 3.1 document and the page that makes it readable. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { renderPage } from '../platform/render.tsx';
import { type DocOperation, type DocParameter, DocsPage } from './views/docs-page.tsx';

interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: { type?: string | string[]; description?: string };
}

interface OpenApiOperation {
  summary?: string;
  tags?: string[];
  parameters?: OpenApiParameter[];
  responses?: Record<string, { description?: string }>;
}

function operationsOf(document: { paths?: Record<string, Record<string, OpenApiOperation>> }): DocOperation[] {
  const operations: DocOperation[] = [];
  for (const [path, methods] of Object.entries(document.paths ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters: DocParameter[] = (op.parameters ?? []).map((p) => ({
        name: p.name,
        in: p.in,
        type: [p.schema?.type ?? 'string'].flat().join(' | '),
        required: p.required === true,
        description: p.description ?? p.schema?.description ?? '',
      }));
      operations.push({
        id: `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-+$/, ''),
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? '',
        tag: op.tags?.[0] ?? 'API',
        parameters,
        responses: Object.entries(op.responses ?? {}).map(([status, r]) => ({
          status,
          description: r.description ?? '',
        })),
      });
    }
  }
  return operations;
}

export const apiDocsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
    reply.header('cache-control', 'no-cache').send(app.swagger()),
  );

  app.get(
    '/api/docs',
    {
      config: { access: 'public' },
      schema: { hide: true, querystring: Type.Object({ lang: Type.Optional(Type.String({ maxLength: 5 })) }) },
    },
    async (request, reply) => {
      const operations = operationsOf(app.swagger() as Parameters<typeof operationsOf>[0]);
      return renderPage(request, reply, (ctx) => (
        <DocsPage ctx={ctx} operations={operations} baseUrl={app.config.publicBaseUrl} />
      ));
    },
  );
};
