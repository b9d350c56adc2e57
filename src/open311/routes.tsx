/**
 * /open311/v2: GeoReport v2 in JSON and XML — discovery, services, service definitions, POST and
 * GET requests, one request, tokens — with the specification's error list. And /kelola/open311,
 * where an administrator issues and revokes the keys of applications that post requests.
 */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { getCouncil } from '../council/service.ts';
import { deps, signedIn } from '../platform/auth.ts';
import { NotFoundError, outcomeOf } from '../platform/errors.tsx';
import { renderPage } from '../platform/render.tsx';
import {
  definition,
  discovery,
  findByToken,
  issueKey,
  listClients,
  Open311Error,
  postRequest,
  revokeKey,
  serviceRequests,
  services,
} from './service.ts';
import { AboutPage } from './views/about-page.tsx';
import { KeysPage } from './views/keys-page.tsx';
import { toXml, type XmlValue } from './xml.ts';

type Format = 'json' | 'xml';
const formats: Format[] = ['json', 'xml'];

const itemNames: Record<string, string> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  service_requests: 'request',
  errors: 'error',
};
const itemOf = (parent: string) => itemNames[parent] ?? 'item';

function send(reply: FastifyReply, format: Format, root: string, value: XmlValue, status = 200) {
  reply.code(status).header('access-control-allow-origin', '*');
  if (format === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(value));
  return reply.type('text/xml; charset=utf-8').send(toXml(root, value, itemOf));
}

/** "ASP-2026-000001.json" → the id and its format; no known suffix is a 404 in JSON. */
function split(value: string): { id: string; format: Format } {
  const match = /^(.+)\.(json|xml)$/.exec(value);
  if (match === null) throw new Open311Error(404, 'add .json or .xml to the address');
  return { id: match[1] ?? '', format: match[2] as Format };
}

const text = Type.Optional(Type.String({ maxLength: 20000 }));
const PostBody = Type.Object(
  {
    api_key: Type.Optional(Type.String({ maxLength: 200 })),
    service_code: Type.Optional(Type.String({ maxLength: 100 })),
    lat: Type.Optional(Type.String({ maxLength: 40 })),
    long: Type.Optional(Type.String({ maxLength: 40 })),
    address_string: Type.Optional(Type.String({ maxLength: 500 })),
    address_id: Type.Optional(Type.String({ maxLength: 100 })),
    email: Type.Optional(Type.String({ maxLength: 320 })),
    device_id: Type.Optional(Type.String({ maxLength: 200 })),
    account_id: Type.Optional(Type.String({ maxLength: 200 })),
    first_name: Type.Optional(Type.String({ maxLength: 120 })),
    last_name: Type.Optional(Type.String({ maxLength: 120 })),
    phone: Type.Optional(Type.String({ maxLength: 40 })),
    description: text,
    media_url: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: Type.String({ maxLength: 2000 }) },
);

const RequestsQuerySchema = Type.Object({
  service_request_id: Type.Optional(Type.String({ maxLength: 2000 })),
  service_code: Type.Optional(Type.String({ maxLength: 2000 })),
  start_date: Type.Optional(Type.String({ maxLength: 40 })),
  end_date: Type.Optional(Type.String({ maxLength: 40 })),
  status: Type.Optional(Type.String({ maxLength: 20 })),
  lang: Type.Optional(Type.String({ maxLength: 5 })),
});

const NameParams = Type.Object({ name: Type.String({ maxLength: 120 }) });
const KeyBody = Type.Object({
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
  name: Type.Optional(Type.String({ maxLength: 2000 })),
});
const KeyParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const open311Routes: FastifyPluginAsyncTypebox = async (app) => {
  // Errors under /open311 are Open311's list in the format asked for, whatever went wrong.
  app.setErrorHandler(async (error: Error & { statusCode?: number; validation?: unknown }, request, reply) => {
    const format: Format = request.url.split('?')[0]?.endsWith('.xml') ? 'xml' : 'json';
    let status = 500;
    let description = 'internal error';
    if (error instanceof Open311Error) ({ status, description } = error);
    else if (error.validation !== undefined) {
      status = 400;
      description = error.message;
    } else {
      // Everything else the portal knows how to explain (broken forms, limits, bad characters).
      const outcome = outcomeOf(error, request);
      if (outcome.status < 500) {
        status = outcome.status;
        description = outcome.detail ?? request.t(outcome.body, { id: request.id, detail: '', seconds: '' });
      } else request.log.error({ err: error }, 'open311 request failed');
    }
    return send(reply, format, 'errors', [{ code: status, description }], status);
  });

  const publicGet = { config: { access: 'public' as const }, schema: { hide: true } };

  // Where discovery's key_service points: how the makers of another application get a key.
  app.get('/open311', publicGet, async (request, reply) => {
    const { council } = await getCouncil(app.db);
    return renderPage(request, reply, (ctx) => (
      <AboutPage
        ctx={ctx}
        endpoint={`${app.config.publicBaseUrl}/open311/v2`}
        contact={{ email: council.email, phone: council.phone, address: council.address }}
      />
    ));
  });

  // Any other address or format under /open311/v2 (requests.csv, a typo) answers as Open311 does.
  const unknown = async (request: FastifyRequest) => {
    throw new Open311Error(404, `${request.url.split('?')[0]} is not an Open311 resource here: use .json or .xml`);
  };
  app.get('/open311/v2/*', publicGet, unknown);
  app.post('/open311/v2/*', { ...publicGet, config: { access: 'public' as const, csrf: false } }, unknown);
  for (const format of formats) {
    app.get(`/open311/v2/discovery.${format}`, publicGet, async (_request, reply) => {
      const structure = await getCouncil(app.db);
      return send(reply, format, 'discovery', discovery(structure, app.config.publicBaseUrl));
    });
    app.get(`/open311/v2/services.${format}`, publicGet, async (request, reply) => {
      const structure = await getCouncil(app.db);
      return send(reply, format, 'services', services(structure, request.lang));
    });
    app.get(
      `/open311/v2/requests.${format}`,
      { config: { access: 'public' }, schema: { hide: true, querystring: RequestsQuerySchema } },
      async (request, reply) =>
        send(reply, format, 'service_requests', await serviceRequests(deps(app), request.query, request.t)),
    );
    app.post(
      `/open311/v2/requests.${format}`,
      {
        config: { access: 'public', appKey: true, csrf: false, rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: { hide: true, body: PostBody },
      },
      async (request, reply) => {
        const created = await postRequest(deps(app), request.body);
        app.outbox.kick();
        return send(reply, format, 'service_requests', created, 201);
      },
    );
  }

  app.get(
    '/open311/v2/services/:name',
    { config: { access: 'public' }, schema: { hide: true, params: NameParams } },
    async (request, reply) => {
      const { id, format } = split(request.params.name);
      const structure = await getCouncil(app.db);
      return send(reply, format, 'service_definition', definition(structure, id, request.t));
    },
  );

  app.get(
    '/open311/v2/requests/:name',
    { config: { access: 'public' }, schema: { hide: true, params: NameParams } },
    async (request, reply) => {
      const { id, format } = split(request.params.name);
      const found = await serviceRequests(deps(app), { service_request_id: id }, request.t);
      if (found.length === 0) throw new Open311Error(404, `service_request_id ${id} not found`);
      return send(reply, format, 'service_requests', found);
    },
  );

  app.get(
    '/open311/v2/tokens/:name',
    { config: { access: 'public' }, schema: { hide: true, params: NameParams } },
    async (request, reply) => {
      const { id, format } = split(request.params.name);
      return send(reply, format, 'service_requests', await findByToken(deps(app), id));
    },
  );
};

/** /kelola/open311: keys of the applications that file aspirations through Open311. */
export const open311KeyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { key?: string; error?: string },
    status = 200,
  ) => {
    const clients = await listClients(deps(app));
    reply.header('cache-control', 'private, no-store');
    return renderPage(
      request,
      reply,
      (ctx) => (
        <KeysPage ctx={ctx} csrf={reply.generateCsrf()} clients={clients} newKey={extra.key} error={extra.error} />
      ),
      status,
    );
  };

  app.get('/kelola/open311', { config: { access: 'open311.keys' }, schema: { hide: true } }, (request, reply) =>
    page(request, reply, {}),
  );

  app.post(
    '/kelola/open311',
    { config: { access: 'open311.keys' }, schema: { hide: true, body: KeyBody } },
    async (request, reply) => {
      const result = await issueKey(deps(app), signedIn(request), request.body.name ?? '', request.ip);
      if (!result.ok) return page(request, reply, { error: request.t('open311.nameInvalid') }, 400);
      // The key is shown once, on this answer; only its hash is kept.
      return page(request, reply, { key: result.key });
    },
  );

  app.post(
    '/kelola/open311/:id/cabut',
    { config: { access: 'open311.keys' }, schema: { hide: true, params: KeyParams } },
    async (request, reply) => {
      const revoked = await revokeKey(deps(app), signedIn(request), request.params.id, request.ip);
      if (!revoked) throw new NotFoundError('open311 key');
      return reply.redirect('/kelola/open311', 303);
    },
  );
};
