/** Members: the public pages /anggota and /anggota/:slug, and their JSON in /api/v1/members. */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { memberAttendance } from '../agenda/service.ts';
import { responsesOfMember } from '../aspirations/service.ts';
import { getCouncil } from '../council/service.ts';
import { newsAbout } from '../news/service.ts';
import { deps } from '../platform/auth.ts';
import { NotFoundError } from '../platform/errors.tsx';
import { renderPage } from '../platform/render.tsx';
import { memberReports } from '../reses/service.ts';
import { MemberFilterQuery, MemberJson, MemberListJson, MemberParams } from './schemas.ts';
import { getMember, listMembers, type Member, type MemberFilter, memberIdBySlug } from './service.ts';
import { MemberPage } from './views/member-page.tsx';
import { MembersPage } from './views/members-page.tsx';

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
      const [attendance, reses, responses, news] =
        memberId === undefined
          ? [undefined, [], undefined, []]
          : await Promise.all([
              memberAttendance(deps(app), memberId),
              memberReports(deps(app), memberId),
              responsesOfMember(deps(app), memberId),
              newsAbout(deps(app), { memberSlug: slug }),
            ]);
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
};
