/**
 * The one error catalogue and the one handler that turns any error into a page (HTML) or a
 * problem+json answer (API). Stack traces are logged with the request id, never shown.
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, TokenNotAcceptedError, UnauthenticatedError } from './auth.ts';
import type { MessageKey } from './i18n.ts';
import { renderPage } from './render.tsx';
import { CouncilMissingError } from './site.ts';
import { ErrorPage } from './views/error-page.tsx';

/** Thrown when a page or record asked for does not exist. */
export class NotFoundError extends Error {
  constructor(what = 'Not found') {
    super(what);
    this.name = 'NotFoundError';
  }
}

/** Thrown when a request carries input the handler cannot use; the message is for the user. */
export class BadRequestError extends Error {
  /** Read by handlers that only know Fastify's convention (Open311's own error format). */
  readonly statusCode = 400;
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'BadRequestError';
  }
}

/** Thrown when a machine's request (a message gateway's webhook) is not signed with the shared secret. */
export class SignatureError extends Error {
  constructor() {
    super('the signature or token does not match the shared secret');
    this.name = 'SignatureError';
  }
}

/**
 * Thrown when a route serves only deployments that made a setting, and this one has not (the
 * setting is named): for this portal the address does not exist, so callers do not retry.
 */
export class NotConfiguredError extends Error {
  constructor(readonly setting: string) {
    super(`${setting} is not set`);
    this.name = 'NotConfiguredError';
  }
}

interface Outcome {
  status: number;
  title: MessageKey;
  body: MessageKey;
  detail?: string;
}

function wantsJson(request: FastifyRequest): boolean {
  const path = request.url;
  return path.startsWith('/api/') || path.startsWith('/healthz') || path.startsWith('/readyz');
}

// A form with photos went past what any honest form sends (too many files, parts or fields).
const multipartLimits = new Set(['FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT', 'FST_REQ_FILE_TOO_LARGE']);

/** What an error means for the person: a status and words. Exported for handlers with their own format. */
export function outcomeOf(error: FastifyError | Error, request: FastifyRequest): Outcome {
  if (error instanceof NotFoundError)
    return { status: 404, title: 'error.notFound.title', body: 'error.notFound.body' };
  if (error instanceof BadRequestError) {
    return { status: 400, title: 'error.badRequest.title', body: 'error.badRequest.body', detail: error.detail };
  }
  if (error instanceof ForbiddenError)
    return { status: 403, title: 'error.forbidden.title', body: 'error.forbidden.body' };
  if (error instanceof TokenNotAcceptedError)
    return { status: 403, title: 'error.forbidden.title', body: 'error.tokenNotAccepted' };
  if (error instanceof SignatureError) return { status: 401, title: 'error.forbidden.title', body: 'error.signature' };
  if (error instanceof NotConfiguredError)
    return { status: 404, title: 'error.notConfigured.title', body: 'error.notConfigured.body', detail: error.message };
  if (error instanceof UnauthenticatedError)
    return { status: 401, title: 'error.forbidden.title', body: 'signin.needed' };
  const code = (error as FastifyError).code;
  if (code === 'FST_CSRF_INVALID_TOKEN' || code === 'FST_CSRF_MISSING_SECRET') {
    return { status: 403, title: 'error.badRequest.title', body: 'form.csrf' };
  }
  if (code !== undefined && multipartLimits.has(code)) {
    return {
      status: 413,
      title: 'error.badRequest.title',
      body: 'error.badRequest.body',
      detail: request.t('upload.tooMuch'),
    };
  }
  const brokenForm = request.isMultipart() && !request.formParsed && (error as FastifyError).statusCode === undefined;
  if (brokenForm || code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || code === 'FST_PROTO_VIOLATION') {
    return {
      status: 400,
      title: 'error.badRequest.title',
      body: 'error.badRequest.body',
      detail: request.t('upload.broken'),
    };
  }
  if ((error as FastifyError).statusCode === 429) {
    return { status: 429, title: 'error.tooMany.title', body: 'error.tooMany.body' };
  }
  if (error instanceof CouncilMissingError) {
    return { status: 503, title: 'error.unavailable.title', body: 'error.unavailable.body' };
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation !== undefined) {
    const first = fastifyError.validation[0];
    const field =
      (first?.params as { missingProperty?: string } | undefined)?.missingProperty ??
      first?.instancePath.replace(/^\//, '') ??
      fastifyError.validationContext ??
      '';
    return {
      status: 400,
      title: 'error.badRequest.title',
      body: 'error.badRequest.body',
      detail: request.t('error.field', { field }),
    };
  }
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    if (status === 404) return { status, title: 'error.notFound.title', body: 'error.notFound.body' };
    return {
      status,
      title: 'error.badRequest.title',
      body: 'error.badRequest.body',
      detail: fastifyError.message,
    };
  }
  return { status: 500, title: 'error.server.title', body: 'error.server.body' };
}

async function send(request: FastifyRequest, reply: FastifyReply, outcome: Outcome) {
  const t = request.t;
  const retryAfter = String(reply.getHeader('retry-after') ?? '60');
  const body = t(outcome.body, { id: request.id, detail: outcome.detail ?? '', seconds: retryAfter });
  if (outcome.status === 503) reply.header('retry-after', '60');
  if (outcome.status === 401) reply.header('www-authenticate', 'Bearer realm="api"');
  if (wantsJson(request)) {
    return reply
      .code(outcome.status)
      .type('application/problem+json; charset=utf-8')
      .send({
        type: 'about:blank',
        title: t(outcome.title),
        status: outcome.status,
        detail: body,
        instance: request.url,
      });
  }
  return renderPage(
    request,
    reply,
    (ctx) => <ErrorPage ctx={ctx} title={t(outcome.title)} body={body} />,
    outcome.status,
  );
}

export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const outcome = outcomeOf(error, request);
    if (outcome.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ status: outcome.status, reason: error.message }, 'request refused');
    try {
      return await send(request, reply, outcome);
    } catch (renderError) {
      // The error page itself failed (no council, no assets): fall back to plain text.
      request.log.error({ err: renderError }, 'error page failed');
      return reply
        .code(outcome.status)
        .type('text/plain; charset=utf-8')
        .send(`${outcome.status} ${request.t(outcome.title)}`);
    }
  });
  app.setNotFoundHandler(async (request, reply) => {
    return send(request, reply, { status: 404, title: 'error.notFound.title', body: 'error.notFound.body' });
  });
}

/**
 * Faults of the routes outside the site (the health probes, which the site's hooks do not prepare:
 * no language, no session): problem+json that names the status, never the fault; logged with the
 * request id. The site's own handler (above) takes over for every route inside it.
 */
export function registerProbeErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const code = error.statusCode;
    const status = code !== undefined && code >= 400 && code < 500 ? code : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply
      .code(status)
      .type('application/problem+json; charset=utf-8')
      .send({ type: 'about:blank', title: STATUS_CODES[status], status, instance: request.url });
  });
}
