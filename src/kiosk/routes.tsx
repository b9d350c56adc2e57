/**
 * The kiosk (/kios…): its screens for anyone at the front desk, and the desk's page of calls
 * (/kelola/kios…) where staff also set a browser up as the kiosk — only a browser set up so may
 * call staff.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { Type } from 'typebox';
import { isCode, publicAspiration } from '../aspirations/service.ts';
import { getCouncil } from '../council/service.ts';
import { deps, signedIn } from '../platform/auth.ts';
import { newToken } from '../platform/crypto.ts';
import { NotFoundError } from '../platform/errors.tsx';
import { eventStreams, sseMessage } from '../platform/event-streams.ts';
import type { Translate } from '../platform/i18n.ts';
import { renderForm, renderPage } from '../platform/render.tsx';
import { IdParams, optionalText, PageQuery, queryText } from '../platform/schemas.ts';
import type { FieldErrors } from '../platform/views/form.tsx';
import {
  type Answers,
  answerCall,
  answerNames,
  callStaff,
  checkStep,
  fileFromKiosk,
  firstOpenStep,
  KIOSK_CALL,
  type KioskErrors,
  type KioskProblem,
  recentCalls,
  type Step,
  steps,
} from './service.ts';
import { KioskHome, KioskMessage, KioskOffice, KioskReceipt, KioskStepPage, KioskTrack } from './views/pages.tsx';

/** The signed cookie that makes a browser the kiosk (its value: where the kiosk stands). */
const DEVICE_COOKIE = 'kios';

const StepBody = Type.Object({
  _csrf: optionalText(200),
  langkah: optionalText(20),
  arah: optionalText(20),
  kind: optionalText(20),
  category: optionalText(100),
  kecamatan: optionalText(20),
  kelurahan: optionalText(20),
  title: optionalText(300),
  description: optionalText(10_000),
  name: optionalText(240),
  phone: optionalText(40),
  email: optionalText(640),
  consent: optionalText(10),
  kunci: optionalText(100),
});
const CodeQuery = Type.Object({ lang: optionalText(5), kode: optionalText(40) });
const EmptyBody = Type.Object({ _csrf: optionalText(200) });
const PlaceBody = Type.Object({ _csrf: optionalText(200), place: optionalText(200) });

function problemText(t: Translate, p: KioskProblem): string {
  switch (p.problem) {
    case 'choose':
      return t('kiosk.error.choose');
    case 'required':
      return t('kiosk.error.required');
    case 'phone':
      return t('kiosk.error.phone');
    case 'email':
      return t('kiosk.error.email');
    case 'consent':
      return t('kiosk.error.consent');
    case 'tooShort':
      return t('kiosk.error.tooShort', { min: p.min });
    case 'tooLong':
      return t('kiosk.error.tooLong', { max: p.max });
  }
}

function messagesOf(t: Translate, errors: KioskErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, problem] of Object.entries(errors))
    if (problem !== undefined) out[field] = problemText(t, problem);
  return out;
}

const notices: Record<string, 'kiosk.notice.installed' | 'kiosk.notice.removed' | 'kiosk.notice.answered'> = {
  dipasang: 'kiosk.notice.installed',
  dilepas: 'kiosk.notice.removed',
  dilayani: 'kiosk.notice.answered',
};

export const kioskRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deviceOf = (request: FastifyRequest): string | undefined => {
    const raw = request.cookies[DEVICE_COOKIE];
    if (raw === undefined) return undefined;
    const unsigned = request.unsignCookie(raw);
    return unsigned.valid && unsigned.value !== null && unsigned.value !== '' ? unsigned.value : undefined;
  };

  const stepPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    step: Step,
    answers: Answers,
    errors: KioskErrors,
  ) => {
    const structure = await getCouncil(app.db);
    const status = Object.keys(errors).length > 0 ? 400 : 200;
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <KioskStepPage
          ctx={ctx}
          csrf={csrf}
          structure={structure}
          step={step}
          answers={answers}
          errors={messagesOf(request.t, errors)}
        />
      ),
      status,
    );
  };

  app.get('/kios', { config: { access: 'public' }, schema: { hide: true, querystring: PageQuery } }, (request, reply) =>
    renderForm(request, reply, (ctx, csrf) => (
      <KioskHome ctx={ctx} csrf={csrf} canCall={deviceOf(request) !== undefined} />
    )),
  );

  app.get(
    '/kios/aspirasi',
    { config: { access: 'public' }, schema: { hide: true, querystring: PageQuery } },
    (request, reply) => {
      const answers = Object.fromEntries(answerNames.map((name) => [name, ''])) as unknown as Answers;
      return stepPage(request, reply, 'jenis', { ...answers, kunci: newToken().token }, {});
    },
  );

  app.post(
    '/kios/aspirasi',
    {
      // A kiosk is one address used by many people in turn: each filing takes about ten screens.
      config: { access: 'public', rateLimit: { max: 400, timeWindow: '10 minutes' } },
      schema: { hide: true, body: StepBody },
    },
    async (request, reply) => {
      const body = request.body;
      const answers = Object.fromEntries(
        answerNames.map((name) => [name, (body[name] ?? '').trim()]),
      ) as unknown as Answers;
      const step = steps.find((s) => s === body.langkah) ?? 'jenis';
      const at = steps.indexOf(step);
      if (body.arah === 'kembali') return stepPage(request, reply, steps[Math.max(0, at - 1)] ?? 'jenis', answers, {});
      const structure = await getCouncil(app.db);
      const errors = checkStep(structure, step, answers);
      if (Object.keys(errors).length > 0) return stepPage(request, reply, step, answers, errors);
      if (step === 'periksa') {
        const filed = await fileFromKiosk(deps(app), answers);
        if (filed.ok) {
          app.outbox.kick();
          return reply.redirect(`/kios/terima?kode=${filed.code}`, 303);
        }
        return stepPage(request, reply, filed.step, answers, checkStep(structure, filed.step, answers));
      }
      const next = steps[at + 1] ?? 'periksa';
      // A form cut short or changed on the way goes back to the first screen it lacks.
      const open = firstOpenStep(structure, answers, next);
      return stepPage(
        request,
        reply,
        open ?? next,
        answers,
        open === undefined ? {} : checkStep(structure, open, answers),
      );
    },
  );

  app.get(
    '/kios/terima',
    { config: { access: 'public' }, schema: { hide: true, querystring: CodeQuery } },
    async (request, reply) => {
      const code = (request.query.kode ?? '').toUpperCase();
      if (!isCode(code)) throw new NotFoundError('receipt');
      const qrSvg = await QRCode.toString(`${app.config.publicBaseUrl}/aspirasi/${code}`, {
        type: 'svg',
        margin: 2,
        errorCorrectionLevel: 'M',
      });
      // A receipt is for the person at the kiosk now, not for a cache.
      reply.header('cache-control', 'no-store');
      return renderPage(request, reply, (ctx) => <KioskReceipt ctx={ctx} code={code} qrSvg={qrSvg} />);
    },
  );

  app.get(
    '/kios/lacak',
    { config: { access: 'public' }, schema: { hide: true, querystring: CodeQuery } },
    async (request, reply) => {
      const code = (request.query.kode ?? '').trim().toUpperCase();
      const found =
        code === '' || !isCode(code)
          ? undefined
          : await publicAspiration(deps(app), code, { user: null, ownedIds: [] });
      const error = code !== '' && found === undefined ? request.t('kiosk.trackNotFound') : undefined;
      return renderPage(
        request,
        reply,
        (ctx) => (
          <KioskTrack
            ctx={ctx}
            code={code}
            error={error}
            found={
              found === undefined
                ? undefined
                : {
                    code: found.view.code,
                    title: found.view.title,
                    status: found.view.status,
                    receivedAt: found.view.receivedAt,
                  }
            }
          />
        ),
        error === undefined ? 200 : 404,
      );
    },
  );

  app.post(
    '/kios/panggil',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: { hide: true, body: EmptyBody },
    },
    async (request, reply) => {
      const place = deviceOf(request);
      // Anywhere but the kiosk this button does not exist (it is not shown there either).
      if (place === undefined)
        return renderPage(
          request,
          reply,
          (ctx) => <KioskMessage ctx={ctx} title={ctx.t('kiosk.call')} body={ctx.t('kiosk.callRefused')} />,
          404,
        );
      await callStaff(deps(app), place);
      return renderPage(request, reply, (ctx) => (
        <KioskMessage ctx={ctx} title={ctx.t('kiosk.called.title')} body={ctx.t('kiosk.called.body')} />
      ));
    },
  );

  const desk = { access: 'appointments.desk' } as const;

  const officePage = async (request: FastifyRequest, reply: FastifyReply, errors: FieldErrors = {}, status = 200) => {
    const calls = await recentCalls(deps(app));
    const key = queryText(request, 'pesan');
    const notice = key === undefined || notices[key] === undefined ? undefined : request.t(notices[key]);
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <KioskOffice ctx={ctx} csrf={csrf} calls={calls} device={deviceOf(request)} errors={errors} notice={notice} />
      ),
      status,
    );
  };

  app.get('/kelola/kios', { config: desk, schema: { hide: true, querystring: PageQuery } }, (request, reply) =>
    officePage(request, reply),
  );

  // Server-Sent Events: each call (from any app process) is announced to the desk's open pages.
  const streams = eventStreams(app);
  app.get('/kelola/kios/langsung', { config: { ...desk, stream: true }, schema: { hide: true } }, (_request, reply) => {
    let unsubscribe = () => {};
    const write = streams.open(reply, () => unsubscribe(), app.realtime.listening(KIOSK_CALL));
    unsubscribe = app.realtime.subscribe(KIOSK_CALL, (id) => write(sseMessage('kiosk', JSON.stringify({ id }))));
  });

  app.post(
    '/kelola/kios/:id/dilayani',
    { config: desk, schema: { hide: true, params: IdParams, body: EmptyBody } },
    async (request, reply) => {
      if (!(await answerCall(deps(app), signedIn(request), request.params.id))) throw new NotFoundError('kiosk call');
      return reply.redirect('/kelola/kios?pesan=dilayani', 303);
    },
  );

  app.post(
    '/kelola/kios/perangkat',
    { config: desk, schema: { hide: true, body: PlaceBody } },
    async (request, reply) => {
      const place = (request.body.place ?? '').trim();
      if (place.length < 2 || place.length > 80)
        return officePage(
          request,
          reply,
          {
            place: `${request.t('kiosk.office.place')}: ${problemText(request.t, place.length < 2 ? { problem: 'tooShort', min: 2 } : { problem: 'tooLong', max: 80 }).toLowerCase()}`,
          },
          400,
        );
      reply.setCookie(DEVICE_COOKIE, place, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        signed: true,
        secure: app.config.publicBaseUrl.startsWith('https:'),
        maxAge: 5 * 365 * 24 * 60 * 60,
      });
      return reply.redirect('/kelola/kios?pesan=dipasang', 303);
    },
  );

  app.post(
    '/kelola/kios/perangkat/lepas',
    { config: desk, schema: { hide: true, body: EmptyBody } },
    async (_request, reply) => {
      reply.clearCookie(DEVICE_COOKIE, { path: '/' });
      return reply.redirect('/kelola/kios?pesan=dilepas', 303);
    },
  );
};
