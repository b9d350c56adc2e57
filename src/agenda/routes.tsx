/**
 * The public agenda: /agenda (list, week, month), /agenda/:id with its documents, and the feeds
 * people subscribe to — /agenda.ics, per body and per member, /agenda.atom — and /agenda.csv.
 */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { getCouncil } from '../council/service.ts';
import { hearingOfMeeting } from '../hearings/service.ts';
import { getMember, memberIdBySlug } from '../members/service.ts';
import { newsAbout } from '../news/service.ts';
import { deps } from '../platform/auth.ts';
import { BadRequestError, NotFoundError } from '../platform/errors.tsx';
import { formatDate, formatTime } from '../platform/format.ts';
import { can } from '../platform/permissions.ts';
import { renderPage } from '../platform/render.tsx';
import { IdParams, optionalText } from '../platform/schemas.ts';
import { isCalendarDay, jakartaDay } from '../platform/working-days.ts';
import { icsFeed, meetingsAtom, meetingsCsv } from './feeds.ts';
import { type AgendaFilter, agenda, documentFile, meeting, meetingTypes, recentChanges } from './service.ts';
import { AgendaPage, MeetingPage } from './views/agenda-pages.tsx';

export const AgendaQuery = Type.Object({
  lang: optionalText(5),
  tampilan: Type.Optional(Type.Union([Type.Literal('daftar'), Type.Literal('minggu'), Type.Literal('bulan')])),
  tanggal: Type.Optional(Type.String({ pattern: '^(\\d{4}-\\d{2}-\\d{2})?$' })),
  badan: optionalText(80),
  jenis: Type.Optional(Type.Union([Type.Literal(''), ...meetingTypes.map((m) => Type.Literal(m))])),
  q: optionalText(200),
  waktu: Type.Optional(Type.Union([Type.Literal('mendatang'), Type.Literal('lalu')])),
  hal: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
});
export type AgendaQuery = Static<typeof AgendaQuery>;
const DocParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2_000_000_000 }),
  doc: Type.Integer({ minimum: 1, maximum: 2_000_000_000 }),
});
const BodyFileParams = Type.Object({ file: Type.String({ pattern: '^[a-z0-9-]{1,80}\\.ics$' }) });
const SlugParams = Type.Object({ slug: Type.String({ pattern: '^[a-z0-9-]{1,120}$' }) });

const DAY = 86_400_000;
const dayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);
const shift = (day: string, days: number) => jakartaDay(new Date(dayStart(day).getTime() + days * DAY + 12 * 3600_000));

/** Monday to Sunday around a day, or the calendar month of it. */
export function rangeOf(view: 'minggu' | 'bulan', day: string) {
  if (view === 'minggu') {
    const weekday = (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7;
    const from = shift(day, -weekday);
    return { from, to: shift(from, 6), previous: shift(from, -7), next: shift(from, 7) };
  }
  const [y, m] = day.split('-').map(Number) as [number, number];
  const from = `${y}-${String(m).padStart(2, '0')}-01`;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const to = `${y}-${String(m).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
  const previous = m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`;
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from, to, previous, next };
}

/** What a feed holds: a year back and everything ahead. */
const feedWindow = () => ({ from: new Date(Date.now() - 365 * DAY), page: 1, pageSize: 2000 });

export const agendaRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const official = (request: FastifyRequest) =>
    request.user?.mfaPassed === true && can(request.user.role, 'agenda.publish');

  app.get(
    '/agenda',
    { config: { access: 'public' }, schema: { hide: true, querystring: AgendaQuery } },
    async (request, reply) => {
      const query = request.query;
      const structure = await getCouncil(app.db);
      const view = query.tampilan ?? 'daftar';
      const past = query.waktu === 'lalu';
      const page = query.hal ?? 1;
      const common = { body: query.badan || undefined, type: query.jenis || undefined, q: query.q };
      let filter: AgendaFilter;
      let range: ReturnType<typeof rangeOf> | undefined;
      if (view === 'daftar') {
        const today = dayStart(jakartaDay(new Date()));
        filter = { ...common, ...(past ? { to: today, descending: true } : { from: today }), page, pageSize: 30 };
      } else {
        const day = query.tanggal || jakartaDay(new Date());
        if (!isCalendarDay(day)) throw new BadRequestError(request.t('agenda.badDate'));
        range = rangeOf(view, day);
        filter = { ...common, from: dayStart(range.from), to: dayStart(shift(range.to, 1)), page: 1, pageSize: 500 };
      }
      const { meetings, total } = await agenda(deps(app), filter, official(request));
      const shown: Record<string, string> = {};
      for (const [k, v] of Object.entries(query))
        if (!['lang', 'hal'].includes(k) && v !== undefined) shown[k] = String(v);
      return renderPage(request, reply, (ctx) => (
        <AgendaPage
          ctx={ctx}
          structure={structure}
          view={view}
          meetings={meetings}
          total={total}
          page={page}
          pageSize={30}
          past={past}
          range={range}
          query={shown}
        />
      ));
    },
  );

  const sendIcs = async (reply: FastifyReply, request: FastifyRequest, name: string, filter: Partial<AgendaFilter>) => {
    const { meetings } = await agenda(deps(app), { ...feedWindow(), ...filter });
    return reply
      .type('text/calendar; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(icsFeed(meetings, { name, base: app.config.publicBaseUrl, t: request.t }));
  };

  app.get('/agenda.ics', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const { council } = await getCouncil(app.db);
    return sendIcs(reply, request, `${request.t('agenda.title')} · ${council.name}`, {});
  });

  app.get(
    '/agenda/badan/:file',
    { config: { access: 'public' }, schema: { hide: true, params: BodyFileParams } },
    async (request, reply) => {
      const slug = request.params.file.replace(/\.ics$/, '');
      const structure = await getCouncil(app.db);
      const body = structure.bodies.find((b) => b.slug === slug);
      if (body === undefined) throw new NotFoundError(`body ${slug}`);
      return sendIcs(reply, request, `${body.name} · ${structure.council.name}`, { body: slug });
    },
  );

  app.get(
    '/anggota/:slug/agenda.ics',
    { config: { access: 'public' }, schema: { hide: true, params: SlugParams } },
    async (request, reply) => {
      const structure = await getCouncil(app.db);
      const { slug } = request.params;
      const [member, memberId] = await Promise.all([
        getMember(app.db, structure.council.id, slug),
        memberIdBySlug(app.db, structure.council.id, slug),
      ]);
      if (member === undefined || memberId === undefined) throw new NotFoundError('member');
      return sendIcs(reply, request, `${member.name} · ${structure.council.name}`, { member: memberId });
    },
  );

  app.get('/agenda.atom', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const { council } = await getCouncil(app.db);
    const meetings = await recentChanges(deps(app), 50);
    const when = (d: Date) => `${formatDate(d, 'id')}, ${formatTime(d, 'id')}`;
    return reply
      .type('application/atom+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(
        meetingsAtom(meetings, {
          name: `${request.t('agenda.title')} · ${council.name}`,
          base: app.config.publicBaseUrl,
          t: request.t,
          when,
        }),
      );
  });

  app.get(
    '/agenda.csv',
    { config: { access: 'public' }, schema: { hide: true, querystring: AgendaQuery } },
    async (request, reply) => {
      const query = request.query;
      const { meetings } = await agenda(deps(app), {
        ...feedWindow(),
        body: query.badan || undefined,
        type: query.jenis || undefined,
        q: query.q,
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="agenda.csv"')
        .send(meetingsCsv(meetings, app.config.publicBaseUrl, request.t));
    },
  );

  app.get(
    '/agenda/:id',
    { config: { access: 'public' }, schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const [record, hearingId, news] = await Promise.all([
        meeting(deps(app), request.params.id, official(request)),
        hearingOfMeeting(deps(app), request.params.id),
        newsAbout(deps(app), { kind: 'meeting', id: request.params.id }),
      ]);
      if (record === undefined) throw new NotFoundError('meeting');
      return renderPage(request, reply, (ctx) => (
        <MeetingPage ctx={ctx} record={record} hearingId={hearingId} news={news} />
      ));
    },
  );

  app.get(
    '/agenda/:id/kalender.ics',
    { config: { access: 'public' }, schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const record = await meeting(deps(app), request.params.id);
      if (record === undefined) throw new NotFoundError('meeting');
      return reply
        .type('text/calendar; charset=utf-8')
        .send(icsFeed([record.view], { name: record.view.title, base: app.config.publicBaseUrl, t: request.t }));
    },
  );

  app.get(
    '/agenda/:id/dokumen/:doc',
    { config: { access: 'public' }, schema: { hide: true, params: DocParams } },
    async (request, reply) => {
      const { id, doc } = request.params;
      const file = await documentFile(deps(app), id, doc, official(request));
      if (file === undefined) throw new NotFoundError('document');
      const name = `${file.title.replace(/[^\w .-]+/g, '_').slice(0, 100)}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${name}"`)
        .header('cache-control', 'public, max-age=3600')
        .send(await file.read());
    },
  );
};
