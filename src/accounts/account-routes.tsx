/** A signed-in person's own account: /akun, password, sessions, and two-step verification. */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { getCouncil } from '../council/service.ts';
import { clearSessionCookie, deps, landingOf, safeNext, setSessionCookie, signedIn } from '../platform/auth.ts';
import type { CurrentUser } from '../platform/deps.ts';
import { isOfficial, scopes } from '../platform/permissions.ts';
import { renderPage } from '../platform/render.tsx';
import { IdParams } from '../platform/schemas.ts';
import type { FieldErrors } from '../platform/views/form.tsx';
import { MessagePage } from '../platform/views/message-page.tsx';
import { createApiToken, listApiTokens, revokeApiToken, TOKEN_MAX_DAYS } from './api-tokens.ts';
import {
  copyOfPersonalData,
  correctPersonalData,
  endAccount,
  ownLists,
  personalDataJson,
  phoneOf,
  stopOwnFollow,
} from './personal-data.ts';
import { noticeOf, passwordMessage } from './routes.tsx';
import {
  ChangePasswordBody,
  CodeBody,
  CorrectionBody,
  CreateTokenBody,
  EndAccountBody,
  MeJson,
  PageQuery,
  TokenIdParams,
} from './schemas.ts';
import { changePassword, endOtherSessions, listSessions } from './service.ts';
import { beginEnrolment, confirmEnrolment, passChallenge, recoveryCodesLeft } from './two-factor.ts';
import {
  AccountPage,
  MfaChallengePage,
  MfaSetupPage,
  PersonalDataPage,
  RecoveryCodesPage,
} from './views/account-pages.tsx';
import { TokensPage } from './views/tokens-page.tsx';

const mfaLimit = { max: 10, timeWindow: '5 minutes' };

export const accountSelfRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const accountPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors,
    notice?: string,
    status = 200,
  ) => {
    const user = signedIn(request);
    const [sessions, recoveryLeft, phone, lists] = await Promise.all([
      listSessions(deps(app), user),
      recoveryCodesLeft(deps(app), user),
      phoneOf(deps(app), user),
      ownLists(deps(app), app.personalData, user),
    ]);
    return renderPage(
      request,
      reply,
      (ctx) => (
        <AccountPage
          ctx={ctx}
          csrf={reply.generateCsrf()}
          user={user}
          phone={phone}
          sessions={sessions}
          recoveryLeft={recoveryLeft}
          lists={lists}
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
      const key = request.query.pesan;
      const own: Record<string, string> = {
        sandi: request.t('account.passwordChanged'),
        data: request.t('pdp.saved'),
        'keluar-semua': request.t('account.signedOutEverywhere'),
        berhenti: request.t('account.stoppedFollowing'),
      };
      return accountPage(request, reply, {}, (key === undefined ? undefined : own[key]) ?? noticeOf(request, key));
    },
  );

  app.post(
    '/akun/sandi',
    { config: { access: 'account.self', rateLimit: mfaLimit }, schema: { hide: true, body: ChangePasswordBody } },
    async (request, reply) => {
      const body = request.body;
      const result = await changePassword(deps(app), signedIn(request), body.current, body.password);
      if (result.ok) return reply.redirect('/akun?pesan=sandi', 303);
      const message =
        result.problem === 'wrong' ? request.t('account.wrongPassword') : passwordMessage(request.t, result.problem);
      return accountPage(request, reply, { [result.field]: message }, undefined, 400);
    },
  );

  app.post(
    '/akun/ikuti/:id/berhenti',
    { config: { access: 'account.self' }, schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const stopped = await stopOwnFollow(deps(app), signedIn(request), request.params.id);
      if (stopped) return reply.redirect('/akun?pesan=berhenti', 303);
      return accountPage(request, reply, {}, request.t('account.followGone'), 404);
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

  app.get(
    '/akun/data',
    { config: { access: 'account.self' }, schema: { hide: true, querystring: PageQuery } },
    async (request, reply) => {
      const copy = await copyOfPersonalData(deps(app), app.personalData, signedIn(request), request.ip);
      return renderPage(request, reply, (ctx) => <PersonalDataPage ctx={ctx} copy={copy} />);
    },
  );

  app.get('/akun/data.json', { config: { access: 'account.self' }, schema: { hide: true } }, async (request, reply) => {
    const copy = await copyOfPersonalData(deps(app), app.personalData, signedIn(request), request.ip);
    const day = copy.generatedAt.slice(0, 10);
    return reply
      .header('content-disposition', `attachment; filename="data-pribadi-${day}.json"`)
      .header('cache-control', 'private, no-store')
      .type('application/json; charset=utf-8')
      .send(personalDataJson(copy));
  });

  app.post(
    '/akun/data',
    { config: { access: 'account.self' }, schema: { hide: true, body: CorrectionBody } },
    async (request, reply) => {
      const body = request.body;
      const result = await correctPersonalData(
        deps(app),
        signedIn(request),
        { name: body.name, phone: body.phone ?? '' },
        request.ip,
      );
      if (result.ok) return reply.redirect('/akun?pesan=data', 303);
      const t = request.t;
      const errors: FieldErrors = {};
      for (const e of result.errors) {
        errors[e.field] =
          e.problem === 'phone'
            ? t('pdp.phoneInvalid')
            : e.problem === 'tooLong'
              ? t('account.nameTooLong', { max: 120 })
              : e.problem === 'line'
                ? t('account.nameLine')
                : t('account.nameRequired');
      }
      return accountPage(request, reply, errors, undefined, 400);
    },
  );

  app.post(
    '/akun/hapus',
    { config: { access: 'account.self', rateLimit: mfaLimit }, schema: { hide: true, body: EndAccountBody } },
    async (request, reply) => {
      const body = request.body;
      const ended = await endAccount(
        deps(app),
        app.personalData,
        signedIn(request),
        body.kind,
        body.confirm,
        request.ip,
      );
      if (!ended) return accountPage(request, reply, { confirm: request.t('account.wrongPassword') }, undefined, 400);
      clearSessionCookie(reply);
      return reply.redirect('/masuk?pesan=akun-dihapus', 303);
    },
  );

  const tokensPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { created?: string; errors?: FieldErrors; values?: Record<string, string>; chosen?: string[] },
    status = 200,
  ) => {
    const tokens = await listApiTokens(deps(app), signedIn(request));
    return renderPage(
      request,
      reply,
      (ctx) => (
        <TokensPage
          ctx={ctx}
          csrf={reply.generateCsrf()}
          tokens={tokens}
          scopes={scopes}
          created={extra.created}
          errors={extra.errors ?? {}}
          values={extra.values ?? {}}
          chosen={extra.chosen ?? []}
        />
      ),
      status,
    );
  };

  app.get(
    '/akun/token',
    { config: { access: 'account.self' }, schema: { hide: true, querystring: PageQuery } },
    (request, reply) => tokensPage(request, reply, {}),
  );

  app.post(
    '/akun/token',
    { config: { access: 'account.self' }, schema: { hide: true, body: CreateTokenBody } },
    async (request, reply) => {
      const body = request.body;
      const t = request.t;
      const values = { name: body.name, days: body.days ?? '' };
      const chosen = body.scopes === undefined ? [] : [body.scopes].flat();
      const daysText = (body.days ?? '').trim();
      const days = daysText === '' ? null : Number(daysText);
      if (days !== null && !(Number.isInteger(days) && days >= 1 && days <= TOKEN_MAX_DAYS)) {
        return tokensPage(request, reply, { errors: { days: t('tokens.daysInvalid') }, values, chosen }, 400);
      }
      const result = await createApiToken(
        deps(app),
        signedIn(request),
        { name: body.name, scopes: chosen, days },
        request.ip,
      );
      if (!result.ok) {
        const errors =
          result.problem === 'name' ? { name: t('tokens.nameInvalid') } : { scopes: t('tokens.scopesInvalid') };
        return tokensPage(request, reply, { errors, values, chosen }, 400);
      }
      // Shown in the answer to the POST, never stored: a reload does not show it again.
      return tokensPage(request, reply.header('cache-control', 'private, no-store'), { created: result.token });
    },
  );

  app.post(
    '/akun/token/:id/cabut',
    { config: { access: 'account.self' }, schema: { hide: true, params: TokenIdParams } },
    async (request, reply) => {
      await revokeApiToken(deps(app), signedIn(request), request.params.id, request.ip);
      return reply.redirect('/akun/token', 303);
    },
  );

  app.get(
    '/api/v1/me',
    {
      config: { access: 'account.self', scope: 'profile:read' },
      schema: {
        tags: ['Account'],
        summary: 'The account behind the API token (scope profile:read)',
        security: [{ bearerAuth: [] }],
        response: { 200: MeJson },
      },
    },
    async (request) => {
      const user = signedIn(request);
      return { name: user.name, email: user.email, role: user.role };
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
      const result = await confirmEnrolment(deps(app), user, request.body.code);
      if (!result.ok) return setupPage(request, reply, request.t('mfa.wrong'));
      setSessionCookie(app, reply, result.sessionToken, user.sessionExpiresAt);
      return renderPage(request, reply, (ctx) => (
        <RecoveryCodesPage ctx={ctx} codes={result.recoveryCodes} next={landingOf(user.role)} />
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
      const next = safeNext(request.query.lanjut, landingOf(user.role));
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
      const body = request.body;
      const next = safeNext(body.lanjut, landingOf(user.role));
      if (user.mfaPassed) return reply.redirect(next, 303);
      const result = await passChallenge(deps(app), user, body.code, request.ip);
      if (!result.ok && result.locked !== undefined) {
        // The pending sign-in is over: the person starts again with their password, later.
        clearSessionCookie(reply);
        const { minutes } = result.locked;
        return renderPage(
          request,
          reply,
          (ctx) => <MessagePage ctx={ctx} title={ctx.t('mfa.lockedTitle')} body={ctx.t('mfa.locked', { minutes })} />,
          429,
        );
      }
      if (!result.ok) return challengePage(request, reply, next, request.t('mfa.wrong'));
      setSessionCookie(app, reply, result.sessionToken, user.sessionExpiresAt);
      return reply.redirect(next, 303);
    },
  );
};
