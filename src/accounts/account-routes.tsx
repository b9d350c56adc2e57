/** A signed-in person's own account: /akun, password, sessions, and two-step verification. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { getCouncil } from '../council/service.ts';
import { deps, safeNext, setSessionCookie } from '../platform/auth.ts';
import { isOfficial } from '../platform/permissions.ts';
import { renderPage } from '../platform/render.tsx';
import type { FieldErrors } from '../platform/views/form.tsx';
import { noticeOf, passwordMessage } from './routes.tsx';
import { ChangePasswordBody, CodeBody, PageQuery } from './schemas.ts';
import { type CurrentUser, changePassword, endOtherSessions, listSessions } from './service.ts';
import { beginEnrolment, confirmEnrolment, passChallenge, recoveryCodesLeft } from './two-factor.ts';
import { AccountPage, MfaChallengePage, MfaSetupPage, RecoveryCodesPage } from './views/account-pages.tsx';

const mfaLimit = { max: 10, timeWindow: '5 minutes' };

function signedIn(request: FastifyRequest): CurrentUser {
  if (request.user === null) throw new Error('the guard lets no visitor reach this handler');
  return request.user;
}

export const accountSelfRoutes: FastifyPluginAsync = async (app) => {
  const accountPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors,
    notice?: string,
    status = 200,
  ) => {
    const user = signedIn(request);
    const [sessions, recoveryLeft] = await Promise.all([
      listSessions(deps(app), user),
      recoveryCodesLeft(deps(app), user),
    ]);
    return renderPage(
      request,
      reply,
      (ctx) => (
        <AccountPage
          ctx={ctx}
          csrf={reply.generateCsrf()}
          user={user}
          sessions={sessions}
          recoveryLeft={recoveryLeft}
          errors={errors}
          notice={notice}
        />
      ),
      status,
    );
  };

  app.get(
    '/akun',
    { config: { access: 'account.self' }, schema: { hide: true, querystring: PageQuery } },
    (request, reply) => {
      const key = (request.query as PageQuery).pesan;
      const own: Record<string, string> = {
        sandi: request.t('account.passwordChanged'),
        'keluar-semua': request.t('account.signedOutEverywhere'),
      };
      return accountPage(request, reply, {}, (key === undefined ? undefined : own[key]) ?? noticeOf(request, key));
    },
  );

  app.post(
    '/akun/sandi',
    { config: { access: 'account.self', rateLimit: mfaLimit }, schema: { hide: true, body: ChangePasswordBody } },
    async (request, reply) => {
      const body = request.body as ChangePasswordBody;
      const result = await changePassword(deps(app), signedIn(request), body.current, body.password);
      if (result.ok) return reply.redirect('/akun?pesan=sandi', 303);
      const message =
        result.problem === 'wrong' ? request.t('account.wrongPassword') : passwordMessage(request.t, result.problem);
      return accountPage(request, reply, { [result.field]: message }, undefined, 400);
    },
  );

  app.post(
    '/akun/keluar-semua',
    { config: { access: 'account.self' }, schema: { hide: true } },
    async (request, reply) => {
      await endOtherSessions(deps(app), signedIn(request));
      return reply.redirect('/akun?pesan=keluar-semua', 303);
    },
  );

  const setupPage = async (request: FastifyRequest, reply: FastifyReply, error?: string) => {
    const user = signedIn(request);
    const { council } = await getCouncil(app.db);
    const enrolment = await beginEnrolment(deps(app), user, council.name);
    return renderPage(
      request,
      reply,
      (ctx) => (
        <MfaSetupPage
          ctx={ctx}
          csrf={reply.generateCsrf()}
          qrSvg={enrolment.qrSvg}
          secret={enrolment.secret}
          required={isOfficial(user.role)}
          error={error}
        />
      ),
      error === undefined ? 200 : 400,
    );
  };

  // Enrolment is open to a session that has not passed a second factor only while the account
  // has none: otherwise a stolen password could replace the owner's authenticator.
  const mayEnrol = (user: CurrentUser) => user.mfaPassed || !user.totpEnabled;

  app.get(
    '/akun/2fa',
    { config: { access: 'account.self', beforeMfa: true }, schema: { hide: true, querystring: PageQuery } },
    async (request, reply) => {
      const user = signedIn(request);
      if (!mayEnrol(user)) return reply.redirect('/masuk/2fa', 303);
      if (user.totpEnabled) return reply.redirect('/akun', 303);
      return setupPage(request, reply);
    },
  );

  app.post(
    '/akun/2fa',
    {
      config: { access: 'account.self', beforeMfa: true, rateLimit: mfaLimit },
      schema: { hide: true, body: CodeBody },
    },
    async (request, reply) => {
      const user = signedIn(request);
      if (!mayEnrol(user) || user.totpEnabled) return reply.redirect('/akun', 303);
      const result = await confirmEnrolment(deps(app), user, (request.body as CodeBody).code);
      if (!result.ok) return setupPage(request, reply, request.t('mfa.wrong'));
      setSessionCookie(app, reply, result.sessionToken, user.sessionExpiresAt);
      return renderPage(request, reply, (ctx) => (
        <RecoveryCodesPage ctx={ctx} codes={result.recoveryCodes} next="/akun" />
      ));
    },
  );

  const challengePage = (request: FastifyRequest, reply: FastifyReply, next: string, error?: string) =>
    renderPage(
      request,
      reply,
      (ctx) => <MfaChallengePage ctx={ctx} csrf={reply.generateCsrf()} error={error} next={next} />,
      error === undefined ? 200 : 400,
    );

  app.get(
    '/masuk/2fa',
    { config: { access: 'account.self', beforeMfa: true }, schema: { hide: true, querystring: PageQuery } },
    async (request, reply) => {
      const user = signedIn(request);
      const next = safeNext((request.query as PageQuery).lanjut);
      if (user.mfaPassed) return reply.redirect(next, 303);
      if (!user.totpEnabled) return reply.redirect('/akun/2fa', 303);
      return challengePage(request, reply, next);
    },
  );

  app.post(
    '/masuk/2fa',
    {
      config: { access: 'account.self', beforeMfa: true, rateLimit: mfaLimit },
      schema: { hide: true, body: CodeBody },
    },
    async (request, reply) => {
      const user = signedIn(request);
      const body = request.body as CodeBody;
      const next = safeNext(body.lanjut);
      if (user.mfaPassed) return reply.redirect(next, 303);
      const result = await passChallenge(deps(app), user, body.code, request.ip);
      if (!result.ok) return challengePage(request, reply, next, request.t('mfa.wrong'));
      setSessionCookie(app, reply, result.sessionToken, user.sessionExpiresAt);
      return reply.redirect(next, 303);
    },
  );
};
