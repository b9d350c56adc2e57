/** The council's districts: the /dapil lookup page and /api/v1/dapil. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listMembers, type Member } from '../members/service.ts';
import { NotFoundError } from '../platform/errors.tsx';
import { renderPage } from '../platform/render.tsx';
import { DapilJson, DapilListJson, DapilParams, DapilQuery } from './schemas.ts';
import { type CouncilStructure, type Dapil, type DapilLookup, findDapil, getCouncil } from './service.ts';
import { DapilPage } from './views/dapil-page.tsx';

function lookupOf(structure: CouncilStructure, query: DapilQuery): DapilLookup | undefined {
  const kelurahan = query.kelurahan === '' ? undefined : query.kelurahan;
  const kecamatan = query.kecamatan === '' ? undefined : query.kecamatan;
  if (kelurahan !== undefined || kecamatan !== undefined) return findDapil(structure, { kelurahan, kecamatan });
  if (query.nomor !== undefined && query.nomor !== '') {
    const dapil = structure.dapil.find((d) => d.number === Number(query.nomor));
    const first = dapil?.kecamatan[0];
    if (dapil === undefined || first === undefined) return { found: false };
    return { found: true, dapil, kecamatan: first, kelurahan: undefined };
  }
  return undefined;
}

function dapilJson(dapil: Dapil, members: Member[]): DapilJson {
  return {
    number: dapil.number,
    seats: dapil.seats,
    kecamatan: dapil.kecamatan.map((k) => ({
      code: k.code,
      slug: k.slug,
      name: k.name,
      kelurahan: k.kelurahan.map((kel) => ({ code: kel.code, name: kel.name, postalCode: kel.postalCode })),
    })),
    members: members
      .filter((m) => m.dapil === dapil.number)
      .map((m) => ({ slug: m.slug, name: m.name, url: `/anggota/${m.slug}` })),
  };
}

export const councilRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/dapil',
    { config: { access: 'public' }, schema: { hide: true, querystring: DapilQuery } },
    async (request, reply) => {
      const query = request.query;
      const structure = await getCouncil(app.db);
      const lookup = lookupOf(structure, query);
      const members =
        lookup?.found === true
          ? (await listMembers(app.db, structure.council.id, { dapilNumber: lookup.dapil.number })).members
          : [];
      const status = lookup?.found === false ? 400 : 200;
      return renderPage(
        request,
        reply,
        (ctx) => (
          <DapilPage ctx={ctx} structure={structure} chosen={query.kelurahan ?? ''} lookup={lookup} members={members} />
        ),
        status,
      );
    },
  );

  app.get(
    '/api/v1/dapil',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Council'],
        summary: 'Electoral districts with their kecamatan, kelurahan, seats and members',
        response: { 200: DapilListJson },
      },
    },
    async () => {
      const structure = await getCouncil(app.db);
      const { members } = await listMembers(app.db, structure.council.id);
      return { data: structure.dapil.map((d) => dapilJson(d, members)) };
    },
  );

  app.get(
    '/api/v1/dapil/:number',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Council'],
        summary: 'One electoral district',
        params: DapilParams,
        response: { 200: DapilJson },
      },
    },
    async (request) => {
      const { number } = request.params;
      const structure = await getCouncil(app.db);
      const dapil = structure.dapil.find((d) => d.number === number);
      if (dapil === undefined) throw new NotFoundError(`dapil ${number}`);
      const { members } = await listMembers(app.db, structure.council.id, { dapilNumber: number });
      return dapilJson(dapil, members);
    },
  );
};
