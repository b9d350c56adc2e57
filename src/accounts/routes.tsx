/**
 * Accounts for people: /daftar, /konfirmasi/:token, /masuk, /keluar, /lupa-sandi,
 * /atur-sandi/:token, /undangan/:token. Forms post back to themselves; success redirects.
 */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { getCouncil } from '../council/service.ts';
import { clearSessionCookie, deps, landingOf, safeNext, setSessionCookie } from '../platform/auth.ts';
import { isEmail, normaliseEmail } from '../platform/contact.ts';
import type { MailContext } from '../platform/deps.ts';
import type { MessageKey, Translate } from '../platform/i18n.ts';
import { renderPage } from '../platform/render.tsx';
import { queryText } from '../platform/schemas.ts';
import type { FieldErrors } from '../platform/views/form.tsx';
import { MessagePage } from '../platform/views/message-page.tsx';
import type { PasswordProblem } from './passwords.ts';
import { EmailBody, PageQuery, PasswordBody, SignInBody, SignUpBody, TokenParams } from './schemas.ts';
import {
  CONSENT_VERSION,
  confirmEmail,
  endSession,
  invitationRole,
  NAME_MAX,
  requestPasswordReset,
  type SignUpProblem,
  setPasswordWithToken,
  signIn,
  signUp,
  startSession,
  tokenIsValid,
} from './service.ts';
import { ForgotPage, SetPasswordPage, SignInPage, SignUpPage } from './views/pages.tsx';

const passwordMessages: Record<PasswordProblem, MessageKey> = {
  tooShort: 'account.password.tooShort',
  tooLong: 'account.password.tooLong',
  common: 'account.password.common',
  personal: 'account.password.personal',
};
export const passwordMessage = (t: Translate, problem: PasswordProblem) => t(passwordMessages[problem]);

/** Messages a redirect may ask a page to show once: ?pesan=<name>. */
export const notices: Record<string, MessageKey> = {
  keluar: 'signout.done',
  'sandi-baru': 'reset.done',
  aktif: 'verify.ok.body',
  'perlu-masuk': 'signin.needed',
  undangan: 'users.invitedGeneric',
  diubah: 'users.changedGeneric',
  'akun-dihapus': 'pdp.ended',
};
export function noticeOf(request: FastifyRequest, key: string | undefined): string | undefined {
  const message = key === undefined ? undefined : notices[key];
  return message === undefined ? undefined : request.t(message);
}

export async function mailContext(request: FastifyRequest): Promise<MailContext> {
  const { council } = await getCouncil(request.server.db);
  return { t: request.t, site: council.name };
}

function origin(request: FastifyRequest) {
  return { ip: request.ip, userAgent: request.headers['user-agent'] };
}

/** How long a password-reset request takes to answer, whatever the address (see POST /lupa-sandi). */
export const RESET_ANSWER_MS = 400;

// Attempts per address: enough for a person who mistypes, too few for a guessing script.
const limits = {
  signIn: { max: 10, timeWindow: '5 minutes' },
  signUp: { max: 5, timeWindow: '15 minutes' },
  reset: { max: 5, timeWindow: '15 minutes' },
};

export const accountRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const signUpForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors,
    values: Record<string, string>,
    status = 200,
  ) =>
    renderPage(
      request,
      reply,
      (ctx) => (
        <SignUpPage
          ctx={ctx}
          csrf={reply.generateCsrf()}
          errors={errors}
          values={values}
          consentVersion={CONSENT_VERSION}
        />
      ),
      status,
    );

  app.get(
    '/daftar',
    { config: { access: 'public' }, schema: { hide: true, querystring: PageQuery } },
    (request, reply) => signUpForm(request, reply, {}, {}),
  );

  app.post(
    '/daftar',
    { config: { access: 'public', rateLimit: limits.signUp }, schema: { hide: true, body: SignUpBody } },
    async (request, reply) => {
      const body = request.body;
      const values = { name: body.name, email: body.email, consent: body.consent ?? '' };
      const t = request.t;
      const result = await signUp(deps(app), await mailContext(request), {
        name: body.name,
        email: body.email,
        password: body.password,
        consent: body.consent === 'yes',
      });
      if (result.ok) {
        app.outbox.kick();
        return renderPage(request, reply, (ctx) => (
          <MessagePage
            ctx={ctx}
            title={t('signup.sent.title')}
            body={t('signup.sent.body', { email: normaliseEmail(body.email) })}
          />
        ));
      }
      const problems: Record<SignUpProblem, string> = {
        email: t('form.email'),
        consent: t('account.consentRequired'),
        required: t('account.nameRequired'),
        nameTooLong: t('account.nameTooLong', { max: NAME_MAX }),
        nameLine: t('account.nameLine'),
        tooShort: passwordMessage(t, 'tooShort'),
        tooLong: passwordMessage(t, 'tooLong'),
        common: passwordMessage(t, 'common'),
        personal: passwordMessage(t, 'personal'),
      };
      const errors: FieldErrors = {};
      for (const e of result.errors) errors[e.field] = problems[e.problem];
      return signUpForm(request, reply, errors, values, 400);
    },
  );

  app.get(
    '/konfirmasi/:token',
    { config: { access: 'public' }, schema: { hide: true, params: TokenParams } },
    async (request, reply) => {
      const confirmed = await confirmEmail(deps(app), request.params.token);
      if (confirmed) return reply.redirect('/masuk?pesan=aktif', 303);
      const t = request.t;
      return renderPage(
        request,
        reply,
        (ctx) => <MessagePage ctx={ctx} title={t('verify.bad.title')} body={t('verify.bad.body')} />,
        400,
      );
    },
  );

  const signInForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors,
    values: Record<string, string>,
    next: string,
    status = 200,
  ) =>
    renderPage(
      request,
      reply,
      (ctx) => (
        <SignInPage
          ctx={ctx}
          csrf={reply.generateCsrf()}
          errors={errors}
          values={values}
          next={next}
          notice={noticeOf(request, queryText(request, 'pesan'))}
        />
      ),
      status,
    );

  app.get(
    '/masuk',
    { config: { access: 'public' }, schema: { hide: true, querystring: PageQuery } },
    (request, reply) => {
      const query = request.query;
      if (request.user?.mfaPassed) return reply.redirect(safeNext(query.lanjut, landingOf(request.user.role)), 303);
      // No page asked for: the field stays empty, and the person lands where their role works.
      return signInForm(request, reply, {}, {}, query.lanjut === undefined ? '' : safeNext(query.lanjut));
    },
  );

  app.post(
    '/masuk',
    { config: { access: 'public', rateLimit: limits.signIn }, schema: { hide: true, body: SignInBody } },
    async (request, reply) => {
      const body = request.body;
      const asked = body.lanjut === undefined || body.lanjut === '' ? undefined : safeNext(body.lanjut);
      const t = request.t;
      const result = await signIn(deps(app), await mailContext(request), body, origin(request));
      if (result.ok) {
        const next = asked ?? landingOf(result.role);
        // A new session on every sign-in: an old cookie (perhaps planted) is never promoted.
        if (request.user !== null) await endSession(deps(app), request.user);
        const session = await startSession(deps(app), result.userId, result.role, origin(request), !result.needsMfa);
        setSessionCookie(app, reply, session.token, session.expiresAt);
        const target = result.needsMfa ? `/masuk/2fa?lanjut=${encodeURIComponent(next)}` : next;
        return reply.redirect(target, 303);
      }
      if (result.reason === 'unverified') app.outbox.kick();
      const message =
        result.reason === 'locked'
          ? t('signin.locked', { minutes: result.minutes })
          : result.reason === 'unverified'
            ? t('signin.unverified')
            : t('signin.failed');
      return signInForm(
        request,
        reply,
        { email: message },
        { email: body.email },
        asked ?? '',
        result.reason === 'locked' ? 429 : 400,
      );
    },
  );

  app.post(
    '/keluar',
    { config: { access: 'account.self', beforeMfa: true }, schema: { hide: true } },
    async (request, reply) => {
      if (request.user !== null) await endSession(deps(app), request.user);
      clearSessionCookie(reply);
      return reply.redirect('/masuk?pesan=keluar', 303);
    },
  );

  const forgotForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors,
    values: Record<string, string>,
    notice?: string,
    status = 200,
  ) =>
    renderPage(
      request,
      reply,
      (ctx) => <ForgotPage ctx={ctx} csrf={reply.generateCsrf()} errors={errors} values={values} notice={notice} />,
      status,
    );

  app.get(
    '/lupa-sandi',
    { config: { access: 'public' }, schema: { hide: true, querystring: PageQuery } },
    (request, reply) => forgotForm(request, reply, {}, {}),
  );

  app.post(
    '/lupa-sandi',
    { config: { access: 'public', rateLimit: limits.reset }, schema: { hide: true, body: EmailBody } },
    async (request, reply) => {
      const { email } = request.body;
      if (!isEmail(normaliseEmail(email))) {
        return forgotForm(request, reply, { email: request.t('form.email') }, { email }, undefined, 400);
      }
      // Whether the address has an account changes the work done (a token, a mail, an audit entry);
      // the answer comes no sooner than RESET_ANSWER_MS either way, so its timing tells nothing.
      const started = performance.now();
      await requestPasswordReset(deps(app), await mailContext(request), email);
      // A timer can fire up to a millisecond early (the event loop's clock is cached): wait again
      // until the floor is really reached.
      const rest = () => RESET_ANSWER_MS - (performance.now() - started);
      while (rest() > 0) await new Promise((resolve) => setTimeout(resolve, Math.ceil(rest())));
      app.outbox.kick();
      return forgotForm(request, reply, {}, {}, request.t('forgot.sent', { email: normaliseEmail(email) }));
    },
  );

  const tokenInvalid = (request: FastifyRequest, reply: FastifyReply) =>
    renderPage(
      request,
      reply,
      (ctx) => (
        <MessagePage
          ctx={ctx}
          title={request.t('verify.bad.title')}
          body={request.t('verify.bad.body')}
          link={{ href: '/lupa-sandi', text: request.t('signin.forgot') }}
        />
      ),
      400,
    );

  const resetForm = (request: FastifyRequest, reply: FastifyReply, token: string, errors: FieldErrors, status = 200) =>
    renderPage(
      request,
      reply,
      (ctx) => (
        <SetPasswordPage
          ctx={ctx}
          csrf={reply.generateCsrf()}
          errors={errors}
          action={`/atur-sandi/${token}`}
          title={request.t('reset.title')}
          submit={request.t('reset.submit')}
        />
      ),
      status,
    );

  app.get(
    '/atur-sandi/:token',
    { config: { access: 'public' }, schema: { hide: true, params: TokenParams } },
    async (request, reply) => {
      const { token } = request.params;
      if (!(await tokenIsValid(deps(app), 'reset_password', token))) return tokenInvalid(request, reply);
      return resetForm(request, reply, token, {});
    },
  );

  app.post(
    '/atur-sandi/:token',
    {
      config: { access: 'public', rateLimit: limits.reset },
      schema: { hide: true, params: TokenParams, body: PasswordBody },
    },
    async (request, reply) => {
      const { token } = request.params;
      const result = await setPasswordWithToken(deps(app), 'reset_password', token, request.body.password);
      if (result.ok) {
        clearSessionCookie(reply);
        return reply.redirect('/masuk?pesan=sandi-baru', 303);
      }
      if (result.problem === 'token') return tokenInvalid(request, reply);
      return resetForm(request, reply, token, { password: passwordMessage(request.t, result.problem) }, 400);
    },
  );

  const inviteForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    token: string,
    errors: FieldErrors,
    status = 200,
  ) => {
    const role = await invitationRole(deps(app), token);
    if (role === undefined) return tokenInvalid(request, reply);
    return renderPage(
      request,
      reply,
      (ctx) => (
        <SetPasswordPage
          ctx={ctx}
          csrf={reply.generateCsrf()}
          errors={errors}
          action={`/undangan/${token}`}
          title={request.t('invite.title')}
          lead={request.t('invite.lead', { role: request.t(`role.${role}`) })}
          submit={request.t('invite.submit')}
        />
      ),
      status,
    );
  };

  app.get(
    '/undangan/:token',
    { config: { access: 'public' }, schema: { hide: true, params: TokenParams } },
    (request, reply) => inviteForm(request, reply, request.params.token, {}),
  );

  app.post(
    '/undangan/:token',
    {
      config: { access: 'public', rateLimit: limits.reset },
      schema: { hide: true, params: TokenParams, body: PasswordBody },
    },
    async (request, reply) => {
      const { token } = request.params;
      const result = await setPasswordWithToken(deps(app), 'invitation', token, request.body.password);
      if (result.ok) return reply.redirect('/masuk?pesan=aktif', 303);
      if (result.problem === 'token') return tokenInvalid(request, reply);
      return inviteForm(request, reply, token, { password: passwordMessage(request.t, result.problem) }, 400);
    },
  );
};
