/**
 * The aspiration room. Citizens: /janji-temu (times with a place left), /janji-temu/waktu/:id (book
 * one), /janji-temu/saya/:token (one's appointment: calendar file, move, cancel). Staff:
 * /kelola/janji-temu (the day's queue and walk-ins), /kelola/janji-temu/:id (the conversation),
 * /kelola/janji-temu/waktu (publish opening times).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { getCouncil } from '../council/service.ts';
import { deps, signedIn } from '../platform/auth.ts';
import { NotFoundError } from '../platform/errors.tsx';
import type { MessageKey } from '../platform/i18n.ts';
import { renderForm, renderPage } from '../platform/render.tsx';
import { IdParams, optionalText, queryText } from '../platform/schemas.ts';
import { type FieldWords, fieldMessages } from '../platform/validation.ts';
import type { FieldErrors } from '../platform/views/form.tsx';
import { isCalendarDay, jakartaDay } from '../platform/working-days.ts';
import {
  type AppointmentError,
  appointmentIcs,
  appointmentOfToken,
  book,
  bookableSlot,
  cancelByToken,
  closeSlotByStaff,
  deskDay,
  deskEntry,
  deskKey,
  desks,
  enterWalkIn,
  markAttendance,
  officeSlot,
  publishSlots,
  recordConversation,
  rescheduleByToken,
  upcomingSlots,
} from './service.ts';
import { CloseSlotPage, ConversationPage, DeskPage, SlotsOfficePage } from './views/office.tsx';
import { BookPage, MinePage, SlotsPage } from './views/pages.tsx';

const problemTexts = {
  required: 'room.problem.required',
  invalid: 'room.problem.invalid',
  tooLong: 'room.problem.tooLong',
  tooShort: 'room.problem.tooShort',
  oneLine: 'form.singleLine',
  past: 'room.problem.past',
  order: 'room.problem.order',
  span: 'room.problem.span',
  contact: 'room.problem.contact',
  email: 'room.problem.email',
  phone: 'room.problem.phone',
  consent: 'room.problem.consent',
  full: 'room.problem.full',
  none: 'room.problem.none',
  tooMany: 'room.problem.tooMany',
  closed: 'room.problem.closed',
} as const satisfies Record<AppointmentError['problem'], MessageKey>;

const fieldWords = {
  topic: { name: 'room.field.topic', required: 'room.required.topic' },
  aspiration: { name: 'room.field.aspiration', required: 'room.required.aspiration' },
  name: { name: 'room.field.name', required: 'room.required.name' },
  email: { name: 'room.field.email' },
  phone: { name: 'room.field.phone' },
  consent: {},
  desk: { name: 'room.field.desk' },
  from: { name: 'room.field.from' },
  until: { name: 'room.field.until' },
  startTime: { name: 'room.field.startTime' },
  endTime: { name: 'room.field.endTime' },
  minutes: { name: 'room.field.minutes' },
  capacity: { name: 'room.field.capacity' },
  place: { name: 'room.field.place', required: 'room.required.place' },
  reason: { name: 'room.field.reason' },
  mode: { required: 'room.required.mode' },
  category: { name: 'room.field.category' },
  location: { name: 'form.place.label' },
  title: { name: 'room.field.title' },
  description: { name: 'room.field.description' },
} as const satisfies FieldWords;

const notices: Record<string, MessageKey> = {
  dibuat: 'room.notice.booked',
  dipindah: 'room.notice.moved',
  dibatalkan: 'room.notice.cancelled',
  terlambat: 'room.notice.late',
  penuh: 'room.notice.full',
  terbit: 'room.notice.published',
  hadir: 'room.notice.checkedIn',
  'tidak-hadir': 'room.notice.noShow',
  dicatat: 'room.notice.recorded',
  sudah: 'room.notice.already',
  ditutup: 'room.notice.closed',
};
const noticeOf = (request: FastifyRequest) => {
  const key = queryText(request, 'pesan');
  return key === undefined || notices[key] === undefined ? undefined : request.t(notices[key]);
};

const Query = Type.Object({ lang: optionalText(5), pesan: optionalText(40) });
const SlotsQuery = Type.Object({ lang: optionalText(5), meja: optionalText(200) });
const DeskQuery = Type.Object({ lang: optionalText(5), pesan: optionalText(40), hari: optionalText(20) });
const TokenParams = Type.Object({ token: Type.String({ maxLength: 200 }) });
const EmptyBody = Type.Object({ _csrf: optionalText(200) });
const BookBody = Type.Object({
  _csrf: optionalText(200),
  topic: optionalText(10_000),
  aspiration: optionalText(200),
  name: optionalText(2_000),
  email: optionalText(2_000),
  phone: optionalText(200),
  consent: optionalText(5),
});
const MoveBody = Type.Object({ _csrf: optionalText(200), slot: optionalText(20) });
const WalkInBody = Type.Object({
  _csrf: optionalText(200),
  name: optionalText(2_000),
  email: optionalText(2_000),
  phone: optionalText(200),
  topic: optionalText(10_000),
});
const ConversationBody = Type.Object({
  _csrf: optionalText(200),
  mode: optionalText(10),
  category: optionalText(100),
  location: optionalText(20),
  title: optionalText(2_000),
  description: optionalText(20_000),
  aspiration: optionalText(200),
});
const ReasonBody = Type.Object({ _csrf: optionalText(200), reason: optionalText(2_000) });
const SlotsBody = Type.Object({
  _csrf: optionalText(200),
  desk: optionalText(300),
  from: optionalText(20),
  until: optionalText(20),
  startTime: optionalText(10),
  endTime: optionalText(10),
  minutes: optionalText(10),
  capacity: optionalText(10),
  place: optionalText(2_000),
});

export const appointmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const messagesOf = (request: FastifyRequest, errors: AppointmentError[]) =>
    fieldMessages(request.t, errors, problemTexts, '', fieldWords);

  // ------------------------------------------------------------ citizens

  app.get(
    '/janji-temu',
    { config: { access: 'public' }, schema: { hide: true, querystring: SlotsQuery } },
    async (request, reply) => {
      const desk = request.query.meja === '' ? undefined : request.query.meja;
      const [slots, all] = await Promise.all([upcomingSlots(deps(app), { free: true, desk }), desks(deps(app))]);
      return renderPage(request, reply, (ctx) => <SlotsPage ctx={ctx} slots={slots} desks={all} desk={desk} />);
    },
  );

  const bookView = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    form: { errors: FieldErrors; values: Record<string, string | undefined> } = { errors: {}, values: {} },
    notice?: string,
  ) => {
    const slot = await bookableSlot(deps(app), id);
    const open = slot !== undefined && slot !== 'full' ? slot : undefined;
    const status = open === undefined ? (slot === 'full' ? 409 : 404) : Object.keys(form.errors).length > 0 ? 400 : 200;
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <BookPage
          ctx={ctx}
          csrf={csrf}
          slot={open}
          errors={form.errors}
          values={form.values}
          notice={slot === 'full' ? request.t('room.notice.full') : notice}
        />
      ),
      status,
    );
  };

  app.get(
    '/janji-temu/waktu/:id',
    { config: { access: 'public' }, schema: { hide: true, params: IdParams, querystring: Query } },
    (request, reply) => bookView(request, reply, request.params.id),
  );

  app.post(
    '/janji-temu/waktu/:id',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: { hide: true, params: IdParams, body: BookBody },
    },
    async (request, reply) => {
      const body = request.body;
      const result = await book(deps(app), request.params.id, {
        topic: body.topic ?? '',
        aspiration: body.aspiration ?? '',
        name: body.name ?? '',
        email: body.email ?? '',
        phone: body.phone ?? '',
        consent: body.consent === 'yes',
      });
      if (result === undefined || (!result.ok && 'full' in result)) return bookView(request, reply, request.params.id);
      if (result.ok) {
        app.outbox.kick();
        return reply.redirect(`/janji-temu/saya/${result.token}?pesan=dibuat`, 303);
      }
      return bookView(request, reply, request.params.id, { errors: messagesOf(request, result.errors), values: body });
    },
  );

  // The mailed link: the citizen's alone, never kept by a cache or sent on as a referrer.
  const mineView = async (request: FastifyRequest, reply: FastifyReply, token: string, error?: string) => {
    const appointment = await appointmentOfToken(deps(app), token);
    const desk = appointment?.slot === undefined ? undefined : deskKey(appointment.slot.desk);
    const others =
      desk === undefined
        ? []
        : (await upcomingSlots(deps(app), { free: true, desk })).filter((s) => s.id !== appointment?.slot?.id);
    reply.header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer');
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <MinePage
          ctx={ctx}
          csrf={csrf}
          token={token}
          appointment={appointment}
          others={others}
          notice={noticeOf(request)}
          error={error}
        />
      ),
      appointment === undefined ? 404 : error === undefined ? 200 : 400,
    );
  };

  app.get(
    '/janji-temu/saya/:token',
    { config: { access: 'public' }, schema: { hide: true, params: TokenParams, querystring: Query } },
    (request, reply) => mineView(request, reply, request.params.token),
  );

  app.get(
    '/janji-temu/saya/:token/janji.ics',
    { config: { access: 'public' }, schema: { hide: true, params: TokenParams } },
    async (request, reply) => {
      const appointment = await appointmentOfToken(deps(app), request.params.token);
      const structure = await getCouncil(app.db);
      const ics =
        appointment === undefined ? undefined : appointmentIcs(deps(app), appointment, structure.council.name);
      if (appointment === undefined || ics === undefined) throw new NotFoundError('appointment');
      return reply
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="janji-temu-${appointment.code}.ics"`)
        .type('text/calendar; charset=utf-8')
        .send(ics);
    },
  );

  app.post(
    '/janji-temu/saya/:token/batal',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '10 minutes' } },
      schema: { hide: true, params: TokenParams, body: EmptyBody },
    },
    async (request, reply) => {
      const { token } = request.params;
      const outcome = await cancelByToken(deps(app), token);
      if (outcome === undefined) return mineView(request, reply, token);
      if (outcome === 'cancelled') app.outbox.kick();
      return reply.redirect(
        `/janji-temu/saya/${token}?pesan=${outcome === 'cancelled' ? 'dibatalkan' : 'terlambat'}`,
        303,
      );
    },
  );

  app.post(
    '/janji-temu/saya/:token/pindah',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '10 minutes' } },
      schema: { hide: true, params: TokenParams, body: MoveBody },
    },
    async (request, reply) => {
      const { token } = request.params;
      const outcome = await rescheduleByToken(deps(app), token, request.body.slot ?? '');
      if (outcome === undefined) return mineView(request, reply, token);
      if (outcome === 'invalid') return mineView(request, reply, token, request.t('room.notice.invalidSlot'));
      if (outcome === 'moved') app.outbox.kick();
      const key = outcome === 'moved' ? 'dipindah' : outcome === 'full' ? 'penuh' : 'terlambat';
      return reply.redirect(`/janji-temu/saya/${token}?pesan=${key}`, 303);
    },
  );

  // ------------------------------------------------------------ the desk

  const desk = { access: 'appointments.desk' as const };

  const deskView = async (
    request: FastifyRequest,
    reply: FastifyReply,
    day: string,
    form: { errors: FieldErrors; values: Record<string, string | undefined> } = { errors: {}, values: {} },
  ) => {
    const entries = await deskDay(deps(app), signedIn(request), day, request.ip);
    reply.header('cache-control', 'private, no-store');
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <DeskPage
          ctx={ctx}
          csrf={csrf}
          day={day}
          entries={entries}
          errors={form.errors}
          values={form.values}
          notice={noticeOf(request)}
        />
      ),
      Object.keys(form.errors).length > 0 ? 400 : 200,
    );
  };

  app.get('/kelola/janji-temu', { config: desk, schema: { hide: true, querystring: DeskQuery } }, (request, reply) => {
    const asked = request.query.hari;
    const day = asked !== undefined && isCalendarDay(asked) ? asked : jakartaDay(new Date());
    return deskView(request, reply, day);
  });

  const attendance =
    (present: boolean) => async (request: FastifyRequest<{ Params: { id: number } }>, reply: FastifyReply) => {
      const marked = await markAttendance(deps(app), signedIn(request), request.params.id, present, request.ip);
      if (marked === undefined) throw new NotFoundError('appointment');
      const key = marked.outcome === 'invalid' ? 'sudah' : present ? 'hadir' : 'tidak-hadir';
      const day = marked.day;
      return reply.redirect(`/kelola/janji-temu?hari=${day}&pesan=${key}#janji-${request.params.id}`, 303);
    };

  app.post(
    '/kelola/janji-temu/:id/hadir',
    { config: desk, schema: { hide: true, params: IdParams, body: EmptyBody } },
    attendance(true),
  );

  app.post(
    '/kelola/janji-temu/:id/tidak-hadir',
    { config: desk, schema: { hide: true, params: IdParams, body: EmptyBody } },
    attendance(false),
  );

  app.post(
    '/kelola/janji-temu/tanpa-janji',
    { config: desk, schema: { hide: true, body: WalkInBody } },
    async (request, reply) => {
      const body = request.body;
      const result = await enterWalkIn(
        deps(app),
        signedIn(request),
        { name: body.name ?? '', email: body.email ?? '', phone: body.phone ?? '', topic: body.topic ?? '' },
        request.ip,
      );
      if (result.ok) return reply.redirect(`/kelola/janji-temu/${result.id}`, 303);
      return deskView(request, reply, jakartaDay(new Date()), {
        errors: messagesOf(request, result.errors),
        values: body,
      });
    },
  );

  const conversationView = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    form: { errors: FieldErrors; values: Record<string, string | undefined> } = { errors: {}, values: {} },
  ) => {
    const entry = await deskEntry(deps(app), signedIn(request), id, request.ip);
    if (entry === undefined) throw new NotFoundError('appointment');
    const structure = await getCouncil(app.db);
    reply.header('cache-control', 'private, no-store');
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <ConversationPage
          ctx={ctx}
          csrf={csrf}
          entry={entry}
          categories={structure.categories}
          places={structure.kecamatan}
          errors={form.errors}
          values={form.values}
        />
      ),
      Object.keys(form.errors).length > 0 ? 400 : 200,
    );
  };

  app.get(
    '/kelola/janji-temu/:id',
    { config: desk, schema: { hide: true, params: IdParams, querystring: Query } },
    (request, reply) => conversationView(request, reply, request.params.id),
  );

  app.post(
    '/kelola/janji-temu/:id/percakapan',
    { config: desk, schema: { hide: true, params: IdParams, body: ConversationBody } },
    async (request, reply) => {
      const body = request.body;
      const result = await recordConversation(
        deps(app),
        signedIn(request),
        request.params.id,
        {
          mode: body.mode ?? '',
          category: body.category ?? '',
          location: body.location ?? '',
          title: body.title ?? '',
          description: body.description ?? '',
          aspiration: body.aspiration ?? '',
        },
        request.ip,
      );
      if (result === undefined) throw new NotFoundError('appointment');
      if (result.ok) {
        app.outbox.kick();
        return reply.redirect(`/kelola/janji-temu/${request.params.id}?pesan=dicatat`, 303);
      }
      return conversationView(request, reply, request.params.id, {
        errors: messagesOf(request, result.errors),
        values: body,
      });
    },
  );

  const slotsView = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: { errors: FieldErrors; values: Record<string, string | undefined> } = { errors: {}, values: {} },
  ) => {
    const [all, slots] = await Promise.all([desks(deps(app)), upcomingSlots(deps(app), { free: false })]);
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <SlotsOfficePage
          ctx={ctx}
          csrf={csrf}
          desks={all}
          slots={slots}
          errors={form.errors}
          values={form.values}
          notice={noticeOf(request)}
        />
      ),
      Object.keys(form.errors).length > 0 ? 400 : 200,
    );
  };

  const closeView = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    form: { errors: FieldErrors; values: Record<string, string | undefined> } = { errors: {}, values: {} },
  ) => {
    const slot = await officeSlot(deps(app), id);
    if (slot === undefined) throw new NotFoundError('slot');
    return renderForm(
      request,
      reply,
      (ctx, csrf) => <CloseSlotPage ctx={ctx} csrf={csrf} slot={slot} errors={form.errors} values={form.values} />,
      Object.keys(form.errors).length > 0 ? 400 : 200,
    );
  };

  app.get(
    '/kelola/janji-temu/waktu/:id',
    { config: desk, schema: { hide: true, params: IdParams, querystring: Query } },
    (request, reply) => closeView(request, reply, request.params.id),
  );

  app.post(
    '/kelola/janji-temu/waktu/:id/batal',
    { config: desk, schema: { hide: true, params: IdParams, body: ReasonBody } },
    async (request, reply) => {
      const result = await closeSlotByStaff(
        deps(app),
        signedIn(request),
        request.params.id,
        request.body.reason ?? '',
        request.ip,
      );
      if (result === undefined) throw new NotFoundError('slot');
      if (result.ok) {
        app.outbox.kick();
        return reply.redirect('/kelola/janji-temu/waktu?pesan=ditutup', 303);
      }
      return closeView(request, reply, request.params.id, {
        errors: messagesOf(request, result.errors),
        values: request.body,
      });
    },
  );

  app.get('/kelola/janji-temu/waktu', { config: desk, schema: { hide: true, querystring: Query } }, (request, reply) =>
    slotsView(request, reply),
  );

  app.post(
    '/kelola/janji-temu/waktu',
    { config: desk, schema: { hide: true, body: SlotsBody } },
    async (request, reply) => {
      const body = request.body;
      const result = await publishSlots(
        deps(app),
        signedIn(request),
        {
          desk: body.desk ?? '',
          from: body.from ?? '',
          until: body.until ?? '',
          startTime: body.startTime ?? '',
          endTime: body.endTime ?? '',
          minutes: body.minutes ?? '',
          capacity: body.capacity ?? '',
          place: body.place ?? '',
        },
        request.ip,
      );
      if (result.ok) return reply.redirect('/kelola/janji-temu/waktu?pesan=terbit', 303);
      return slotsView(request, reply, { errors: messagesOf(request, result.errors), values: body });
    },
  );
};
