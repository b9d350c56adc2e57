/**
 * How large the visitor wants the text: `?teks=besar` or `?teks=sangat-besar` (remembered in a
 * cookie for a year), `?teks=biasa` to go back (the cookie is removed). Like the language, it
 * works with JavaScript off, and a page kept for visitors is kept once per size.
 */
import type { FastifyInstance } from 'fastify';

export const TEXT_SIZES = ['biasa', 'besar', 'sangat-besar'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

/** The cookie that holds a size other than the usual one. */
export const TEXT_SIZE_COOKIE = 'teks';

export function isTextSize(value: unknown): value is TextSize {
  return typeof value === 'string' && (TEXT_SIZES as readonly string[]).includes(value);
}

const oneYear = 365 * 24 * 60 * 60;

export function registerTextSize(app: FastifyInstance): void {
  app.decorateRequest('textSize', 'biasa');
  app.addHook('onRequest', (request, reply, done) => {
    // Before any route's schema has run: the raw query of whatever route this is.
    const asked = (request.query as { teks?: unknown } | undefined)?.teks;
    const remembered = request.cookies[TEXT_SIZE_COOKIE];
    if (isTextSize(asked)) {
      request.textSize = asked;
      if (asked === 'biasa') {
        if (remembered !== undefined) reply.clearCookie(TEXT_SIZE_COOKIE, { path: '/' });
      } else if (remembered !== asked) {
        reply.setCookie(TEXT_SIZE_COOKIE, asked, {
          path: '/',
          maxAge: oneYear,
          sameSite: 'lax',
          httpOnly: true,
          secure: app.config.publicBaseUrl.startsWith('https:'),
        });
      }
    } else if (isTextSize(remembered)) {
      request.textSize = remembered;
    }
    done();
  });
}
