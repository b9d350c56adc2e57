/**
 * The webhooks a message gateway calls when someone writes to the council's number by SMS or
 * WhatsApp (see adapters.ts for the three shapes). Each is public to the network but answers only
 * a caller holding the shared secret; a refused or broken message gets a problem+json answer and
 * nothing is stored.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { deps } from '../platform/auth.ts';
import { BadRequestError, NotConfiguredError, SignatureError } from '../platform/errors.tsx';
import {
  type InboundMessage,
  parseFromText,
  parseGeneric,
  parseSenderMessage,
  receiveTextMessage,
  sameSecret,
  signatureOf,
} from './service.ts';

/** A photo inline in base64 is a third larger than the photo: three of 8 MB fit. */
const BODY_LIMIT = 36 * 1024 * 1024;

const Accepted = Type.Object({
  outcome: Type.String({ description: 'What became of the message: filed, asked, status, help, duplicate, limited…' }),
  code: Type.Optional(Type.String({ description: 'The tracking code of the aspiration it filed' })),
});

const StyleQuery = Type.Object({
  token: Type.Optional(Type.String({ maxLength: 200 })),
  from: Type.Optional(Type.String({ maxLength: 40 })),
  text: Type.Optional(Type.String({ maxLength: 5000 })),
  id: Type.Optional(Type.String({ maxLength: 200 })),
});

export const textMessageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The generic shape is signed over its exact bytes: this plugin's JSON is read only after the
  // signature is checked (the plugin is encapsulated: other routes keep the usual parser).
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_request, body, done) =>
    done(null, body),
  );

  const secret = () => {
    const value = app.config.messageInboundSecret;
    if (value === undefined) throw new NotConfiguredError('MESSAGE_GATEWAY_INBOUND_SECRET');
    return value;
  };

  const handle = async (message: InboundMessage) => {
    const result = await receiveTextMessage(deps(app), message);
    if (!result.ok) throw new BadRequestError(result.problem);
    app.outbox.kick();
    return result.code === undefined ? { outcome: result.outcome } : { outcome: result.outcome, code: result.code };
  };

  const tokenOf = (request: FastifyRequest<{ Querystring: { token?: string | undefined } }>) => {
    const header = request.headers['x-webhook-token'];
    return typeof header === 'string' ? header : request.query.token;
  };

  /** A JSON body, or a form's fields, read into plain values. */
  const bodyValues = (body: unknown): unknown => {
    if (Buffer.isBuffer(body)) {
      try {
        return JSON.parse(body.toString('utf8'));
      } catch {
        throw new BadRequestError('the body is not valid JSON');
      }
    }
    return body ?? {};
  };

  app.post(
    '/api/v1/messages/inbound',
    {
      config: { access: 'public', csrf: false },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['Messages'],
        summary: 'A message to the council by SMS or WhatsApp, in the generic shape, signed by the gateway',
        description:
          'Body: {"channel":"sms"|"whatsapp","from":"+6281…","text":"LAPOR …","id":"gateway id","media":[{"type":"image/jpeg","data":"<base64>"}]}. ' +
          'Header X-Signature: sha256=<hex HMAC-SHA256 of the raw body under MESSAGE_GATEWAY_INBOUND_SECRET>. The same id is handled once.',
        response: { 200: Accepted },
      },
    },
    async (request) => {
      const key = secret();
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const given = request.headers['x-signature'];
      if (typeof given !== 'string' || !sameSecret(given.toLowerCase(), signatureOf(key, raw)))
        throw new SignatureError();
      const parsed = parseGeneric(bodyValues(request.body));
      if (!parsed.ok) throw new BadRequestError(parsed.problem);
      return handle(parsed.message);
    },
  );

  app.post(
    '/api/v1/messages/inbound/wa',
    {
      config: { access: 'public', csrf: false },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['Messages'],
        summary: 'A WhatsApp message in the "sender/message" style of WhatsApp gateways',
        description:
          'JSON or a form with sender, message, id (optional) and url (optional: a photo at the gateway’s own host). ' +
          'The shared secret comes as ?token= or the X-Webhook-Token header.',
        querystring: StyleQuery,
        response: { 200: Accepted },
      },
    },
    async (request) => {
      if (!sameSecret(tokenOf(request), secret())) throw new SignatureError();
      const parsed = parseSenderMessage(bodyValues(request.body));
      if (!parsed.ok) throw new BadRequestError(parsed.problem);
      return handle(parsed.message);
    },
  );

  const fromText = async (request: FastifyRequest<{ Querystring: Static<typeof StyleQuery> }>) => {
    if (!sameSecret(tokenOf(request), secret())) throw new SignatureError();
    const body = bodyValues(request.body);
    const values: Record<string, unknown> = {
      ...request.query,
      ...(typeof body === 'object' && body !== null ? body : {}),
    };
    const parsed = parseFromText(values);
    if (!parsed.ok) throw new BadRequestError(parsed.problem);
    return handle(parsed.message);
  };
  const smsSchema = {
    tags: ['Messages'],
    summary: 'An SMS in the "from/text" style of SMS servers (e.g. Kannel’s get-url ?from=%p&text=%a&id=%I)',
    description:
      'The query (or a form) carries from, text and id (optional); the shared secret comes as ?token= or X-Webhook-Token. ' +
      'Replies go out through the outbound gateway, so the answer has no text to send back (set max-messages = 0).',
    querystring: StyleQuery,
    response: { 200: Accepted },
  };
  app.get('/api/v1/messages/inbound/sms', { config: { access: 'public' }, schema: smsSchema }, fromText);
  app.post('/api/v1/messages/inbound/sms', { config: { access: 'public', csrf: false }, schema: smsSchema }, fromText);
};
