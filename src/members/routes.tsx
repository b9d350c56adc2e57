/** Members: the public pages /anggota and /anggota/:slug, and their JSON in /api/v1/members. */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { memberAttendance } from '../agenda/service.ts';
import { responsesOfMember } from '../aspirations/service.ts';
import { getCouncil } from '../council/service.ts';
import { newsAbout } from '../news/service.ts';
import { deps, ForbiddenError, signedIn } from '../platform/auth.ts';
import { NotFoundError } from '../platform/errors.tsx';
import type { MessageKey } from '../platform/i18n.ts';
import { renderForm, renderPage } from '../platform/render.tsx';
import { optionalText, queryText } from '../platform/schemas.ts';
import type { FieldErrors } from '../platform/views/form.tsx';
import { memberReports } from '../reses/service.ts';
import { activityOfYear, memberTimeline, ownMemberSlug, saveStatement, statementsOf, timeline } from './activity.ts';
import { MemberFilterQuery, MemberJson, MemberListJson, MemberParams } from './schemas.ts';
import { getMember, listMembers, type Member, type MemberFilter, memberIdBySlug } from './service.ts';
import { MemberPage } from './views/member-page.tsx';
import { MembersPage } from './views/members-page.tsx';
import { ChooseMemberPage, StatementsPage } from './views/statements.tsx';

const StatementQuery = Type.Object({ lang: optionalText(5), pesan: optionalText(20) });
const StatementBody = Type.Object({
  _csrf: optionalText(200),
  activity: optionalText(300),
  statement: optionalText(2_000),
});

function filterOf(query: MemberFilterQuery): MemberFilter {
  const blankToUndefined = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);
  const dapil = blankToUndefined(query.dapil);
  return {
    dapilNumber: dapil === undefined ? undefined : Number(dapil),
    fraksiSlug: blankToUndefined(query.fraksi),
    komisiSlug: blankToUndefined(query.komisi),
  };
}

function toJson(member: Member): MemberJson {
  return {
    slug: member.slug,
    name: member.name,
    gender: member.gender,
    party: member.party,
    fraksi: member.fraksi,
    fraksiRole: member.fraksiRole,
    dapil: member.dapil,
    komisi: member.komisi === null ? null : { slug: member.komisi.slug, name: member.komisi.name },
    positions: member.positions.map((p) => ({ body: p.body, bodySlug: p.bodySlug, role: p.role })),
    url: `/anggota/${member.slug}`,
  };
}

export const memberRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/anggota',
    { config: { access: 'public' }, schema: { hide: true, querystring: MemberFilterQuery } },
    async (request, reply) => {
      const query = request.query;
      const structure = await getCouncil(app.db);
      const { members, total } = await listMembers(app.db, structure.council.id, filterOf(query));
      const filter = { dapil: query.dapil ?? '', fraksi: query.fraksi ?? '', komisi: query.komisi ?? '' };
      return renderPage(request, reply, (ctx) => (
        <MembersPage ctx={ctx} structure={structure} filter={filter} members={members} total={total} />
      ));
    },
  );

  app.get(
    '/anggota/:slug',
    { config: { access: 'public' }, schema: { hide: true, params: MemberParams } },
    async (request, reply) => {
      const { slug } = request.params;
      const structure = await getCouncil(app.db);
      const member = await getMember(app.db, structure.council.id, slug);
      if (member === undefined) throw new NotFoundError(`member ${slug}`);
      const dapil = structure.dapil.find((d) => d.number === member.dapil);
      const colleagues =
        dapil === undefined
          ? []
          : (await listMembers(app.db, structure.council.id, { dapilNumber: dapil.number })).members.filter(
              (m) => m.slug !== member.slug,
            );
      const memberId = await memberIdBySlug(app.db, structure.council.id, slug);
      const [attendance, reses, responses, news, year, statements] =
        memberId === undefined
          ? [undefined, [], undefined, [], undefined, new Map<string, string>()]
          : await Promise.all([
              memberAttendance(deps(app), memberId),
              memberReports(deps(app), memberId),
              responsesOfMember(deps(app), memberId),
              newsAbout(deps(app), { kind: 'member', id: memberId }),
              activityOfYear(deps(app), { id: memberId, slug }),
              statementsOf(deps(app), memberId),
            ]);
      const activity =
        year === undefined
          ? undefined
          : {
              counts: year.counts,
              items: timeline({
                meetings: attendance?.attended ?? [],
                responses: responses?.latest ?? [],
                visits: year.visits,
                news,
              }).map((a) => ({ ...a, statement: statements.get(a.href) })),
            };
      return renderPage(request, reply, (ctx) => (
        <MemberPage
          ctx={ctx}
          member={member}
          dapil={dapil}
          colleagues={colleagues}
          attendance={attendance}
          reses={reses}
          responses={responses}
          news={news}
          activity={activity}
        />
      ));
    },
  );

  app.get(
    '/api/v1/members',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Council'],
        summary: 'Members of the council, filtered by dapil, fraksi and komisi',
        querystring: MemberFilterQuery,
        response: { 200: MemberListJson },
      },
    },
    async (request) => {
      const structure = await getCouncil(app.db);
      const { members } = await listMembers(app.db, structure.council.id, filterOf(request.query));
      return { data: members.map(toJson), total: members.length };
    },
  );

  app.get(
    '/api/v1/members/:slug',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Council'],
        summary: 'One member of the council',
        params: MemberParams,
        response: { 200: MemberJson },
      },
    },
    async (request) => {
      const { slug } = request.params;
      const structure = await getCouncil(app.db);
      const member = await getMember(app.db, structure.council.id, slug);
      if (member === undefined) throw new NotFoundError(`member ${slug}`);
      return toJson(member);
    },
  );

  // ------------------------------------------------------------ statements on activities

  const statementProblems = {
    activity: 'members.statements.problem.activity',
    tooLong: 'members.statements.problem.tooLong',
    oneLine: 'members.statements.problem.oneLine',
  } as const satisfies Record<string, MessageKey>;

  /** The member whose statements this official may write: a member their own only. */
  const writableMember = async (request: FastifyRequest, slug: string) => {
    const user = signedIn(request);
    const structure = await getCouncil(app.db);
    const member = await getMember(app.db, structure.council.id, slug);
    const id = member === undefined ? undefined : await memberIdBySlug(app.db, structure.council.id, slug);
    if (member === undefined || id === undefined) throw new NotFoundError(`member ${slug}`);
    if (user.role === 'member' && user.memberId !== id) throw new ForbiddenError();
    return { id, slug, name: member.name };
  };

  const statementsPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    member: { id: number; slug: string; name: string },
    errors: FieldErrors = {},
  ) => {
    const { items } = await memberTimeline(deps(app), member);
    reply.header('cache-control', 'private, no-store');
    const notice = queryText(request, 'pesan') === 'disimpan' ? request.t('members.statements.saved') : undefined;
    return renderForm(
      request,
      reply,
      (ctx, csrf) => (
        <StatementsPage ctx={ctx} csrf={csrf} member={member} items={items} errors={errors} notice={notice} />
      ),
      Object.keys(errors).length > 0 ? 400 : 200,
    );
  };

  app.get(
    '/kelola/kegiatan',
    { config: { access: 'members.statement' }, schema: { hide: true } },
    async (request, reply) => {
      const user = signedIn(request);
      const structure = await getCouncil(app.db);
      if (user.role === 'member') {
        const slug = await ownMemberSlug(deps(app), structure.council.id, user.memberId);
        if (slug === undefined)
          return renderPage(request, reply, (ctx) => (
            <ChooseMemberPage ctx={ctx} members={[]} notLinked={request.t('members.statements.notMember')} />
          ));
        return reply.redirect(`/kelola/kegiatan/${slug}`, 303);
      }
      const { members } = await listMembers(app.db, structure.council.id);
      reply.header('cache-control', 'private, no-store');
      return renderPage(request, reply, (ctx) => <ChooseMemberPage ctx={ctx} members={members} />);
    },
  );

  app.get(
    '/kelola/kegiatan/:slug',
    {
      config: { access: 'members.statement' },
      schema: { hide: true, params: MemberParams, querystring: StatementQuery },
    },
    async (request, reply) => statementsPage(request, reply, await writableMember(request, request.params.slug)),
  );

  app.post(
    '/kelola/kegiatan/:slug',
    { config: { access: 'members.statement' }, schema: { hide: true, params: MemberParams, body: StatementBody } },
    async (request, reply) => {
      const member = await writableMember(request, request.params.slug);
      const activity = request.body.activity ?? '';
      const result = await saveStatement(
        deps(app),
        signedIn(request),
        member,
        activity,
        request.body.statement ?? '',
        request.ip,
      );
      if (result.ok) return reply.redirect(`/kelola/kegiatan/${member.slug}?pesan=disimpan`, 303);
      if (result.problem === 'notOwn') throw new ForbiddenError();
      // The message stands beside the box of that activity (or, for an unknown one, in the summary).
      const { items } = await memberTimeline(deps(app), member);
      const at = items.findIndex((a) => a.href === activity);
      const field = at < 0 ? 'activity' : `pernyataan-${at + 1}`;
      return statementsPage(request, reply, member, { [field]: request.t(statementProblems[result.problem]) });
    },
  );
};
