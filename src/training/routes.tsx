/**
 * Training. Everyone: /pelatihan (classes, and for officials their sessions), /pelatihan/:id (one,
 * with registering, rating and the certificate), /pelatihan/saya/:token (a citizen's registration
 * by the mailed link), /sertifikat/:code (is a certificate genuine?). Officials: /pelatihan/hadir/:code
 * (the door's QR code), /akun/pelatihan (one's record). Staff: /kelola/pelatihan (sessions, a new one,
 * one session's QR code, attendance and ratings), /kelola/pelatihan/rekap (the year's totals, CSV).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { Type } from 'typebox';
import { getCouncil } from '../council/service.ts';
import { deps, signedIn } from '../platform/auth.ts';
import { NotFoundError } from '../platform/errors.tsx';
import { csv } from '../platform/feeds.ts';
import type { MessageKey } from '../platform/i18n.ts';
import { multipartBody } from '../platform/multipart.ts';
import { can } from '../platform/permissions.ts';
import { renderForm, renderPage } from '../platform/render.tsx';
import { IdParams, optionalText, queryText } from '../platform/schemas.ts';
import { MAX_DOCUMENT_BYTES } from '../platform/uploads.ts';
import { type FieldWords, fieldMessages } from '../platform/validation.ts';
import type { FieldErrors } from '../platform/views/form.tsx';
import { jakartaDay } from '../platform/working-days.ts';
import { surveysToChoose } from '../surveys/service.ts';
import {
  certificatePdf,
  certificateReady,
  checkIn,
  chooseSurvey,
  createSession,
  evaluate,
  markAttendance,
  materialFile,
  myRegistration,
  officeSession,
  officeSessions,
  type Registration,
  registerCitizen,
  registerOfficial,
  registrationOfToken,
  type Session,
  sessionOfCheckin,
  type TrainingError,
  trainingRecord,
  upcoming,
  uploadMaterial,
  verifyCertificate,
  visibleSession,
  yearTotals,
} from './service.ts';
import { NewSessionPage, OfficeListPage, OfficeSessionPage, TotalsPage } from './views/office.tsx';
import {
  CertificateCheckPage,
  CheckInPage,
  CitizenRegistrationPage,
  RecordPage,
  SessionPage,
  TrainingListPage,
} from './views/pages.tsx';

const problemTexts = {
  required: 'training.problem.required',
  invalid: 'training.problem.invalid',
  tooLong: 'training.problem.tooLong',
  tooShort: 'training.problem.tooShort',
  oneLine: 'form.singleLine',
  past: 'training.problem.past',
  order: 'training.problem.order',
  link: 'training.problem.link',
  where: 'training.problem.where',
  capacity: 'training.problem.capacity',
  contact: 'training.problem.contact',
  email: 'training.problem.email',
  phone: 'training.problem.phone',
  consent: 'training.problem.consent',
  rating: 'training.problem.rating',
  tooLarge: 'training.problem.tooLarge',
  pdf: 'training.problem.pdf',
} as const satisfies Record<TrainingError['problem'], MessageKey>;

const fieldWords = {
  audience: { required: 'training.required.audience' },
  topic: { required: 'training.required.topic' },
  title: { name: 'training.field.title', required: 'training.required.title' },
  description: { name: 'training.field.description', required: 'training.required.description' },
  trainer: { name: 'training.field.trainer', required: 'training.required.trainer' },
  place: { name: 'training.field.place' },
  onlineUrl: { name: 'training.field.onlineUrl' },
  materialUrl: { name: 'training.field.materialUrl' },
  material: { name: 'training.field.material', required: 'training.required.material' },
  survey: { name: 'training.field.survey' },
  day: { name: 'training.field.day', required: 'training.required.day' },
  startTime: { name: 'training.field.startTime' },
  endTime: { name: 'training.field.endTime' },
  capacity: { name: 'training.field.capacity' },
  name: { name: 'training.field.name', required: 'training.required.name' },
  email: {},
  phone: {},
  consent: {},
  rating: {},
  feedback: { name: 'training.field.feedback' },
} as const satisfies FieldWords;

const SurveyBody = Type.Object({ _csrf: optionalText(200), survey: optionalText(20) });

const notices: Record<string, MessageKey> = {
  terdaftar: 'training.notice.registered',
  penuh: 'training.notice.full',
  ditutup: 'training.notice.closed',
  sudah: 'training.notice.already',
  'kontak-terdaftar': 'training.notice.contactRegistered',
  hadir: 'training.notice.checkedIn',
  awal: 'training.notice.early',
  selesai: 'training.notice.over',
  'belum-terdaftar': 'training.notice.notRegistered',
  dinilai: 'training.notice.evaluated',
  terbit: 'training.notice.created',
  'daftar-hadir': 'training.notice.attendance',
  'daftar-hadir-awal': 'training.notice.attendanceEarly',
  materi: 'training.notice.material',
  survei: 'training.notice.survey',
};
/** Why a registration was not taken, as the notice that says so. */
const noticeOfRefusal = { full: 'penuh', closed: 'ditutup', already: 'sudah' } as const;
const noticeOf = (request: FastifyRequest) => {
  const key = queryText(request, 'pesan');
  if (key === 'diundang') return request.t('training.notice.invited', { n: queryText(request, 'n') ?? '0' });
  return key === undefined || notices[key] === undefined ? undefined : request.t(notices[key]);
};

const Query = Type.Object({ lang: optionalText(5), pesan: optionalText(40), n: optionalText(10) });
const TokenParams = Type.Object({ token: Type.String({ maxLength: 200 }) });
const CodeParams = Type.Object({ code: Type.String({ maxLength: 100 }) });
const YearQuery = Type.Object({
  lang: optionalText(5),
  tahun: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
});
const EmptyBody = Type.Object({ _csrf: optionalText(200) });
const CitizenBody = Type.Object({
  _csrf: optionalText(200),
  name: optionalText(2_000),
  email: optionalText(2_000),
  phone: optionalText(200),
  consent: optionalText(5),
});
const EvaluationBody = Type.Object({
  _csrf: optionalText(200),
  rating: optionalText(5),
  feedback: optionalText(10_000),
});
const SessionBody = Type.Object({
  _csrf: optionalText(200),
  audience: optionalText(20),
  topic: optionalText(40),
  title: optionalText(2_000),
  description: optionalText(20_000),
  trainer: optionalText(2_000),
  place: optionalText(2_000),
  onlineUrl: optionalText(5_000),
  materialUrl: optionalText(5_000),
  day: optionalText(20),
  startTime: optionalText(10),
  endTime: optionalText(10),
  capacity: optionalText(20),
  invite: optionalText(5),
});
// One box or many: a form sends a repeated name as an array.
const AttendanceBody = Type.Object({
  _csrf: optionalText(200),
  present: Type.Optional(
    Type.Union([Type.String({ maxLength: 20 }), Type.Array(Type.String({ maxLength: 20 }), { maxItems: 10_000 })]),
  ),
});

interface Form {
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
}
const noForm: Form = { errors: {}, values: {} };

export const trainingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const messagesOf = (request: FastifyRequest, errors: TrainingError[]) =>
    fieldMessages(request.t, errors, problemTexts, '', fieldWords);
  const statusOf = (form: Form) => (Object.keys(form.errors).length > 0 ? 400 : 200);

  // ------------------------------------------------------------ everyone

  app.get(
    '/pelatihan',
    { config: { access: 'public' }, schema: { hide: true, querystring: Query } },
    async (request, reply) => {
      const sessions = await upcoming(deps(app), request.user);
      const showOfficials = can(request.user?.role, 'training.attend');
      return renderPage(request, reply, (ctx) => (
        <TrainingListPage
          ctx={ctx}
          classes={sessions.filter((s) => s.audience === 'warga')}
          officials={sessions.filter((s) => s.audience === 'pejabat')}
          showOfficials={showOfficials}
        />
      ));
    },
  );

  const sessionView = async (request: FastifyRequest, reply: FastifyReply, id: number, form: Form = noForm) => {
    const user = request.user;
    const session = await visibleSession(deps(app), user, id);
    if (session === undefined) throw new NotFoundError('training session');
    const registration = await myRegistration(deps(app), user, id);
    if (user !== null) reply.header('cache-control', 'private, no-store');
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <SessionPage
          ctx={ctx}
          csrf={csrf}
          session={session}
          registration={registration}
          signedIn={user !== null}
          mayAttend={can(user?.role, 'training.attend')}
          notice={noticeOf(request)}
          errors={form.errors}
          values={form.values}
        />
      ),
      statusOf(form),
    );
  };

  app.get(
    '/pelatihan/:id',
    { config: { access: 'public' }, schema: { hide: true, params: IdParams, querystring: Query } },
    (request, reply) => sessionView(request, reply, request.params.id),
  );

  app.post(
    '/pelatihan/:id/daftar',
    { config: { access: 'training.attend' }, schema: { hide: true, params: IdParams, body: EmptyBody } },
    async (request, reply) => {
      const { id } = request.params;
      const result = await registerOfficial(deps(app), signedIn(request), id);
      if (result === undefined) throw new NotFoundError('training session');
      if (result.ok) app.outbox.kick();
      return reply.redirect(`/pelatihan/${id}?pesan=${result.ok ? 'terdaftar' : noticeOfRefusal[result.reason]}`, 303);
    },
  );

  app.post(
    '/pelatihan/:id/daftar-warga',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: { hide: true, params: IdParams, body: CitizenBody },
    },
    async (request, reply) => {
      const { id } = request.params;
      const body = request.body;
      const result = await registerCitizen(deps(app), id, {
        name: body.name ?? '',
        email: body.email ?? '',
        phone: body.phone ?? '',
        consent: body.consent === 'yes',
      });
      if (result === undefined) throw new NotFoundError('training session');
      if (!result.ok && 'errors' in result)
        return sessionView(request, reply, id, { errors: messagesOf(request, result.errors), values: body });
      // A citizen has no account page: the link to their registration is in the message sent first.
      if (!result.ok)
        return reply.redirect(
          `/pelatihan/${id}?pesan=${result.reason === 'already' ? 'kontak-terdaftar' : noticeOfRefusal[result.reason]}`,
          303,
        );
      app.outbox.kick();
      return reply.redirect(`/pelatihan/saya/${result.token}?pesan=terdaftar`, 303);
    },
  );

  /** The signed-in official's registration for a session, or not found. */
  const ownRegistration = async (request: FastifyRequest, id: number) => {
    const session = await visibleSession(deps(app), request.user, id);
    const registration = session === undefined ? undefined : await myRegistration(deps(app), request.user, id);
    if (session === undefined || registration === undefined) throw new NotFoundError('training registration');
    return { session, registration };
  };

  app.post(
    '/pelatihan/:id/evaluasi',
    { config: { access: 'training.attend' }, schema: { hide: true, params: IdParams, body: EvaluationBody } },
    async (request, reply) => {
      const { id } = request.params;
      const { registration } = await ownRegistration(request, id);
      const body = request.body;
      const result = await evaluate(deps(app), registration, {
        rating: body.rating ?? '',
        feedback: body.feedback ?? '',
      });
      if (!result.ok && 'errors' in result)
        return sessionView(request, reply, id, { errors: messagesOf(request, result.errors), values: body });
      return reply.redirect(`/pelatihan/${id}${result.ok ? '?pesan=dinilai' : ''}`, 303);
    },
  );

  const sendCertificate = async (reply: FastifyReply, session: Session, registration: Registration) => {
    if (!certificateReady(registration)) throw new NotFoundError('training certificate');
    const pdf = await certificatePdf(deps(app), session, registration);
    return reply
      .type('application/pdf')
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename="sertifikat-${registration.certificateCode}.pdf"`)
      .send(pdf);
  };

  app.get(
    '/pelatihan/:id/materi.pdf',
    { config: { access: 'public' }, schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const found = await materialFile(deps(app), request.user ?? null, request.params.id);
      if (found === undefined) throw new NotFoundError('training materials');
      const name = found.title.replace(/[^\w .-]+/g, '_').slice(0, 100) || 'materi';
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${name}.pdf"`)
        .header('cache-control', 'private, max-age=300')
        .send(found.stream);
    },
  );

  app.get(
    '/pelatihan/:id/sertifikat.pdf',
    { config: { access: 'training.attend' }, schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const { session, registration } = await ownRegistration(request, request.params.id);
      return sendCertificate(reply, session, registration);
    },
  );

  // A citizen's registration: the mailed link is theirs alone, never cached or sent on.
  const citizenView = async (request: FastifyRequest, reply: FastifyReply, token: string, form: Form = noForm) => {
    const found = await registrationOfToken(deps(app), token);
    reply.header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer');
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <CitizenRegistrationPage
          ctx={ctx}
          csrf={csrf}
          token={token}
          found={found}
          notice={noticeOf(request)}
          errors={form.errors}
          values={form.values}
        />
      ),
      found === undefined ? 404 : statusOf(form),
    );
  };

  app.get(
    '/pelatihan/saya/:token',
    { config: { access: 'public' }, schema: { hide: true, params: TokenParams, querystring: Query } },
    (request, reply) => citizenView(request, reply, request.params.token),
  );

  app.post(
    '/pelatihan/saya/:token/evaluasi',
    { config: { access: 'public' }, schema: { hide: true, params: TokenParams, body: EvaluationBody } },
    async (request, reply) => {
      const { token } = request.params;
      const found = await registrationOfToken(deps(app), token);
      if (found === undefined) return citizenView(request, reply, token);
      const body = request.body;
      const result = await evaluate(deps(app), found.registration, {
        rating: body.rating ?? '',
        feedback: body.feedback ?? '',
      });
      if (!result.ok && 'errors' in result)
        return citizenView(request, reply, token, { errors: messagesOf(request, result.errors), values: body });
      return reply.redirect(`/pelatihan/saya/${token}${result.ok ? '?pesan=dinilai' : ''}`, 303);
    },
  );

  app.get(
    '/pelatihan/saya/:token/sertifikat.pdf',
    { config: { access: 'public' }, schema: { hide: true, params: TokenParams } },
    async (request, reply) => {
      const found = await registrationOfToken(deps(app), request.params.token);
      if (found === undefined) throw new NotFoundError('training registration');
      return sendCertificate(reply, found.session, found.registration);
    },
  );

  app.get(
    '/sertifikat/:code',
    { config: { access: 'public' }, schema: { hide: true, params: CodeParams, querystring: Query } },
    async (request, reply) => {
      const check = await verifyCertificate(deps(app), request.params.code);
      const site = (await getCouncil(app.db)).council.name;
      reply.header('cache-control', 'no-store');
      return renderPage(
        request,
        reply,
        (ctx) => <CertificateCheckPage ctx={ctx} check={check} site={site} />,
        check === undefined ? 404 : 200,
      );
    },
  );

  // ------------------------------------------------------------ officials

  app.get(
    '/pelatihan/hadir/:code',
    { config: { access: 'training.attend' }, schema: { hide: true, params: CodeParams, querystring: Query } },
    async (request, reply) => {
      const { code } = request.params;
      const session = await sessionOfCheckin(deps(app), signedIn(request), code);
      reply.header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer');
      return renderForm(
        request,
        reply,
        (ctx, csrf) => <CheckInPage ctx={ctx} csrf={csrf} code={code} session={session} notice={noticeOf(request)} />,
        session === undefined ? 404 : 200,
      );
    },
  );

  app.post(
    '/pelatihan/hadir/:code',
    { config: { access: 'training.attend' }, schema: { hide: true, params: CodeParams, body: EmptyBody } },
    async (request, reply) => {
      const result = await checkIn(deps(app), signedIn(request), request.params.code);
      if (result === undefined) throw new NotFoundError('training check-in');
      if (result.ok) return reply.redirect(`/pelatihan/${result.session.id}?pesan=hadir`, 303);
      const pesan = { early: 'awal', over: 'selesai', notRegistered: 'belum-terdaftar' }[result.reason];
      return reply.redirect(`/pelatihan/hadir/${request.params.code}?pesan=${pesan}`, 303);
    },
  );

  app.get(
    '/akun/pelatihan',
    { config: { access: 'training.attend' }, schema: { hide: true, querystring: Query } },
    async (request, reply) => {
      const record = await trainingRecord(deps(app), signedIn(request).id);
      reply.header('cache-control', 'private, no-store');
      return renderPage(request, reply, (ctx) => (
        <RecordPage ctx={ctx} entries={record.entries} years={record.years} />
      ));
    },
  );

  // ------------------------------------------------------------ staff

  const manage = { access: 'training.manage' as const };

  app.get(
    '/kelola/pelatihan',
    { config: manage, schema: { hide: true, querystring: Query } },
    async (request, reply) => {
      const sessions = await officeSessions(deps(app));
      reply.header('cache-control', 'private, no-store');
      return renderPage(request, reply, (ctx) => (
        <OfficeListPage ctx={ctx} sessions={sessions} notice={noticeOf(request)} />
      ));
    },
  );

  const newForm = (request: FastifyRequest, reply: FastifyReply, form: Form) =>
    renderForm(
      request,
      reply,
      (ctx, csrf) => <NewSessionPage ctx={ctx} csrf={csrf} errors={form.errors} values={form.values} />,
      statusOf(form),
    );

  app.get('/kelola/pelatihan/baru', { config: manage, schema: { hide: true, querystring: Query } }, (request, reply) =>
    newForm(request, reply, { errors: {}, values: { audience: 'pejabat', capacity: '30' } }),
  );

  app.post(
    '/kelola/pelatihan/baru',
    { config: manage, schema: { hide: true, body: SessionBody } },
    async (request, reply) => {
      const body = request.body;
      const result = await createSession(
        deps(app),
        signedIn(request),
        {
          audience: body.audience ?? '',
          topic: body.topic ?? '',
          title: body.title ?? '',
          description: body.description ?? '',
          trainer: body.trainer ?? '',
          place: body.place ?? '',
          onlineUrl: body.onlineUrl ?? '',
          materialUrl: body.materialUrl ?? '',
          day: body.day ?? '',
          startTime: body.startTime ?? '',
          endTime: body.endTime ?? '',
          capacity: body.capacity ?? '',
          invite: body.invite === 'yes',
        },
        request.ip,
      );
      if (!result.ok) return newForm(request, reply, { errors: messagesOf(request, result.errors), values: body });
      if (result.invited > 0) app.outbox.kick();
      const pesan = result.invited > 0 ? `diundang&n=${result.invited}` : 'terbit';
      return reply.redirect(`/kelola/pelatihan/${result.id}?pesan=${pesan}`, 303);
    },
  );

  app.get(
    '/kelola/pelatihan/rekap',
    { config: manage, schema: { hide: true, querystring: YearQuery } },
    async (request, reply) => {
      const year = request.query.tahun ?? Number(jakartaDay(new Date()).slice(0, 4));
      const totals = await yearTotals(deps(app), year);
      reply.header('cache-control', 'private, no-store');
      return renderPage(request, reply, (ctx) => (
        <TotalsPage ctx={ctx} year={year} officials={totals.officials} citizens={totals.citizens} />
      ));
    },
  );

  app.get(
    '/kelola/pelatihan/rekap.csv',
    { config: manage, schema: { hide: true, querystring: YearQuery } },
    async (request, reply) => {
      const year = request.query.tahun ?? Number(jakartaDay(new Date()).slice(0, 4));
      const totals = await yearTotals(deps(app), year);
      return reply
        .type('text/csv; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="rekap-pelatihan-${year}.csv"`)
        .send(
          csv([
            ['nama', 'sesi', 'jam', 'topik'],
            ...totals.officials.map((p) => [
              p.name,
              p.sessions,
              p.hours,
              p.topics.map((topic) => request.t(`training.topic.${topic}`)).join('; '),
            ]),
          ]),
        );
    },
  );

  const officeView = async (request: FastifyRequest, reply: FastifyReply, id: number, errors: FieldErrors = {}) => {
    const session = await officeSession(deps(app), signedIn(request), id, request.ip);
    if (session === undefined) throw new NotFoundError('training session');
    const surveys = await surveysToChoose(deps(app));
    const checkinLink = `${app.config.publicBaseUrl}/pelatihan/hadir/${session.checkinCode}`;
    const qrSvg = await QRCode.toString(checkinLink, {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 2,
      width: 240,
    });
    reply.header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer');
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <OfficeSessionPage
          ctx={ctx}
          csrf={csrf}
          session={session}
          qrSvg={qrSvg}
          checkinLink={checkinLink}
          notice={noticeOf(request)}
          errors={errors}
          surveys={surveys}
        />
      ),
      Object.keys(errors).length > 0 ? 400 : 200,
    );
  };

  app.get(
    '/kelola/pelatihan/:id',
    { config: manage, schema: { hide: true, params: IdParams, querystring: Query } },
    (request, reply) => officeView(request, reply, request.params.id),
  );

  app.post(
    '/kelola/pelatihan/:id/survei',
    { config: manage, schema: { hide: true, params: IdParams, body: SurveyBody } },
    async (request, reply) => {
      const { id } = request.params;
      const result = await chooseSurvey(deps(app), signedIn(request), id, request.body.survey ?? '', request.ip);
      if (result === undefined) throw new NotFoundError('training session');
      if (!result.ok) return officeView(request, reply, id, messagesOf(request, result.errors));
      return reply.redirect(`/kelola/pelatihan/${id}?pesan=survei`, 303);
    },
  );

  app.post(
    '/kelola/pelatihan/:id/materi',
    {
      config: {
        ...manage,
        multipartOptions: { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 5, parts: 6 } },
      },
      schema: { hide: true, params: IdParams },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { files } = multipartBody(request.body);
      const result = await uploadMaterial(deps(app), signedIn(request), id, files[0], request.ip);
      if (result === undefined) throw new NotFoundError('training session');
      if (!result.ok) return officeView(request, reply, id, messagesOf(request, result.errors));
      return reply.redirect(`/kelola/pelatihan/${id}?pesan=materi`, 303);
    },
  );

  app.post(
    '/kelola/pelatihan/:id/hadir',
    { config: manage, schema: { hide: true, params: IdParams, body: AttendanceBody } },
    async (request, reply) => {
      const { id } = request.params;
      const raw = request.body.present;
      const present = (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw])
        .filter((v) => /^\d{1,10}$/.test(v))
        .map(Number);
      const result = await markAttendance(deps(app), signedIn(request), id, present, request.ip);
      if (result === undefined) throw new NotFoundError('training session');
      return reply.redirect(
        `/kelola/pelatihan/${id}?pesan=${result === 'done' ? 'daftar-hadir' : 'daftar-hadir-awal'}`,
        303,
      );
    },
  );
};
