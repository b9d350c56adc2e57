/**
 * Which language a request is answered in: `?lang=` when given (and remembered in a cookie for a
 * year), else the cookie, else the configured default.
 */
import type { FastifyInstance } from 'fastify';
import { isLanguage, translator } from './i18n.ts';

const oneYear = 365 * 24 * 60 * 60;

export function registerLanguage(app: FastifyInstance): void {
  app.decorateRequest('lang', 'id');
  app.decorateRequest('t', translator('id'));
  app.addHook('onRequest', (request, reply, done) => {
    // Before any route's schema has run: the raw query of whatever route this is.
    const asked = (request.query as { lang?: unknown } | undefined)?.lang;
    let lang = app.config.defaultLanguage;
    if (isLanguage(asked)) {
      lang = asked;
      if (request.cookies.lang !== asked) {
        reply.setCookie('lang', asked, {
          path: '/',
          maxAge: oneYear,
          sameSite: 'lax',
          httpOnly: true,
          secure: app.config.publicBaseUrl.startsWith('https:'),
        });
      }
    } else if (isLanguage(request.cookies.lang)) {
      lang = request.cookies.lang;
    }
    request.lang = lang;
    request.t = translator(lang);
    done();
  });
}
