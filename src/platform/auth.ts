/**
 * Who is asking, and may they: the session cookie is resolved to a user on every request, and
 * before any handler (and before its input is even validated) the route's declared access is
 * enforced. State-changing requests must carry a CSRF token.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../db/schema.ts';
import type { CurrentUser, Deps, TokenUser } from './deps.ts';
import { type Access, can } from './permissions.ts';

export const SESSION_COOKIE = 'sid';

export function deps(app: FastifyInstance): Deps {
  return { db: app.db, sealer: app.sealer, config: app.config, signals: app.signals };
}

export function setSessionCookie(app: FastifyInstance, reply: FastifyReply, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: app.config.publicBaseUrl.startsWith('https:'),
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

/**
 * Where a sign-in may send people back to: only a path on this site, percent-encoded as a
 * Location header must be (a path typed with non-Latin characters would otherwise break it).
 */
export function safeNext(next: unknown, fallback = '/akun'): string {
  if (typeof next !== 'string' || !/^\/(?!\/)[^\s\\]*$/.test(next)) return fallback;
  const here = 'http://here.invalid';
  const url = new URL(next, here);
  return url.origin === here ? `${url.pathname}${url.search}${url.hash}` : fallback;
}

/** Where a person lands after signing in when they asked for no page: officials at their work. */
export function landingOf(role: Role): string {
  return can(role, 'backoffice.enter') ? '/kelola' : '/akun';
}

/** Thrown when a signed-in user asks for something their role does not allow. */
export class ForbiddenError extends Error {
  constructor() {
    super('forbidden');
    this.name = 'ForbiddenError';
  }
}

/** Thrown when an API token is sent to a route that does not take tokens. */
export class TokenNotAcceptedError extends Error {
  constructor() {
    super('this route does not accept API tokens');
    this.name = 'TokenNotAcceptedError';
  }
}

/** Thrown when a request needs a signed-in user and has none. */
export class UnauthenticatedError extends Error {
  constructor() {
    super('sign-in required');
    this.name = 'UnauthenticatedError';
  }
}

/** The user of a handler behind a non-public route: the guard has already refused visitors. */
export function signedIn(request: FastifyRequest): CurrentUser {
  if (request.user === null) throw new UnauthenticatedError();
  return request.user;
}

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** How a request's credentials become a person: given by the accounts feature when the app is built. */
export interface Identity {
  /** The user behind a session cookie, or null when it is unknown or over. */
  session(deps: Deps, token: string): Promise<CurrentUser | null>;
  /** The user behind a bearer token, or null when it is unknown, revoked or expired. */
  apiToken(deps: Deps, bearer: string): Promise<TokenUser | null>;
}

export function registerAuth(app: FastifyInstance, identity: Identity): void {
  app.decorateRequest('user', null);

  app.decorateRequest('tokenScopes', null);

  /** Who is asking: the holder of an API token or of a session, or (null) a visitor. */
  const identify = async (request: FastifyRequest, reply: FastifyReply) => {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      // A token is a key to the API routes that say what it may do there, and to nothing else: not
      // to pages, forms (which would skip their CSRF check) or a confidential report's photo.
      const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
      if (bearer === undefined) throw new UnauthenticatedError();
      const scope = request.routeOptions.config?.scope;
      if (scope === undefined || !request.url.startsWith('/api/')) throw new TokenNotAcceptedError();
      const user = await identity.apiToken(deps(app), bearer);
      // A token that does not work is an error, never a silent fall-back to being a visitor.
      if (user === null) throw new UnauthenticatedError();
      request.user = user;
      request.tokenScopes = user.scopes;
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token === undefined || token === '') return;
    request.user = await identity.session(deps(app), token);
    if (request.user === null) clearSessionCookie(reply);
  };
  // Hooks with a callback, not async: most requests carry neither a token nor a session, and a
  // promise per hook per request is not free.
  app.addHook('onRequest', (request, reply, done) => {
    const session = request.cookies[SESSION_COOKIE];
    if (request.headers.authorization === undefined && (session === undefined || session === '')) return done();
    identify(request, reply).then(() => done(), done);
  });

  /** Refuses (throws) or sends to sign in (true: answered) whoever may not call the route. */
  const refused = (request: FastifyRequest, reply: FastifyReply, access: Access): boolean => {
    const user = request.user;
    if (user === null) {
      if (wantsJson(request)) throw new UnauthenticatedError();
      const next = request.method === 'GET' ? request.url : '/akun';
      reply.redirect(`/masuk?lanjut=${encodeURIComponent(next)}`, 303);
      return true;
    }
    // A session that still owes its second factor (always for officials) may only finish it.
    if (!user.mfaPassed && request.routeOptions.config?.beforeMfa !== true) {
      if (wantsJson(request)) throw new ForbiddenError();
      reply.redirect(user.totpEnabled ? '/masuk/2fa' : '/akun/2fa', 303);
      return true;
    }
    if (!can(user.role, access)) throw new ForbiddenError();
    // A token works only on routes that accept tokens, and only within its scopes.
    if (request.tokenScopes !== null) {
      const scope = request.routeOptions.config?.scope;
      if (scope === undefined || !request.tokenScopes.includes(scope)) throw new ForbiddenError();
    }
    return false;
  };
  app.addHook('preValidation', (request, reply, done) => {
    const access = request.routeOptions.config?.access;
    if (access === undefined || access === 'public') return done();
    try {
      // Answered with a redirect: the route is not run (and done is not called).
      if (refused(request, reply, access)) return;
    } catch (error) {
      return done(error as Error);
    }
    done();
  });

  app.addHook('preValidation', (request, reply, done) => {
    // A bearer token is not sent by browsers on their own, so it cannot be forged across sites.
    if (!unsafe.has(request.method) || request.tokenScopes !== null || request.routeOptions.config?.csrf === false)
      return done();
    app.csrfProtection(request, reply, done);
  });

  // Pages for a signed-in person are theirs alone: no shared cache may keep them.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.user !== null && !String(reply.getHeader('cache-control') ?? '').includes('no-store'))
      reply.header('cache-control', 'private, no-cache');
    done(null, payload);
  });
}
