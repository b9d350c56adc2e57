/**
 * The security headers every answer carries, written out once at start and set on each reply in
 * one step. A general-purpose plugin (helmet) parsed its directives again on every request, which
 * a CPU profile under load showed among the costliest work of a cached page.
 */
import type { FastifyInstance } from 'fastify';

export interface SecurityOptions {
  /** The portal is served over https: HSTS, and plain-http resources are upgraded. */
  https: boolean;
  /** Origins images may come from besides the portal (the map's tile server). */
  imageOrigins: readonly string[];
  /** Origins of video players a page may embed (a hearing's livestream, loaded on request). */
  frameOrigins?: readonly string[];
}

/** Over https, browsers are told to come back over https only, for a year, subdomains included. */
function strictTransport(https: boolean): Record<string, string> {
  return https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {};
}

/** The headers, by name; the content security policy allows no inline script or style. */
export function securityHeaders(options: SecurityOptions): Record<string, string> {
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:', ...options.imageOrigins]],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-src', options.frameOrigins?.length ? [...options.frameOrigins] : ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
  ];
  const policy = directives.map(([name, sources]) => `${name} ${sources.join(' ')}`);
  if (options.https) policy.push('upgrade-insecure-requests');
  return {
    'content-security-policy': policy.join(';'),
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'strict-origin-when-cross-origin',
    ...strictTransport(options.https),
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-frame-options': 'SAMEORIGIN',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
    'permissions-policy': 'camera=(), microphone=(), payment=(), usb=(), geolocation=(self)',
  };
}

/**
 * The headers of an answer no browser shows as a page (a probe's JSON), after OWASP's REST
 * Security Cheat Sheet ("Security headers"): nothing may load from it or frame it, and it is never
 * sniffed into something else. The rest of the page set (script and style sources, the opener and
 * embedder policies, referrer, permissions, prefetch) governs what a document does, and a load
 * balancer's probe asks thousands of times a day: on /healthz those ten headers were two thirds of
 * the answer's 917 bytes, and their checks and writing a measurable part of its cost.
 */
export function machineHeaders(options: Pick<SecurityOptions, 'https'>): Record<string, string> {
  return {
    'content-security-policy': "default-src 'none';frame-ancestors 'none'",
    ...strictTransport(options.https),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
  };
}

/**
 * Sets the headers (and the request's id, for support) on every reply as the request arrives: the
 * page set, or the machine set for a route whose config says `answers: 'machine'`.
 */
export function registerSecurityHeaders(
  app: FastifyInstance,
  headers: Record<string, string>,
  forMachines: Record<string, string>,
): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(request.routeOptions.config.answers === 'machine' ? forMachines : headers);
    reply.header('x-request-id', request.id);
    done();
  });
}
