/**
 * /api/v1/pokir: the council's pokir of a year — each proposal with its place, estimated cost,
 * target agency and step (proposed, in the RKPD, in the APBD, done), the project it became and
 * the aspirations it was assembled from.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { deps } from '../platform/auth.ts';
import { NotFoundError } from '../platform/errors.tsx';
import { IdParams } from '../platform/schemas.ts';
import { listPokir, type PokirItem, pokirRecord } from './service.ts';

const Status = Type.Union(
  [Type.Literal('diusulkan'), Type.Literal('rkpd'), Type.Literal('apbd'), Type.Literal('selesai')],
  {
    description: 'diusulkan: proposed; rkpd: accepted into the work plan; apbd: in the budget; selesai: done',
  },
);

const ItemJson = Type.Object({
  id: Type.Integer(),
  year: Type.Integer({ description: 'The RKPD year it is proposed for' }),
  title: Type.String(),
  description: Type.String(),
  dapil: Type.Union([Type.Integer(), Type.Null()]),
  kecamatan: Type.Union([Type.String(), Type.Null()]),
  kelurahan: Type.Union([Type.String(), Type.Null()]),
  estimated_cost: Type.Union([Type.Integer(), Type.Null()], { description: 'Rupiah' }),
  agency: Type.String({ description: 'The regional agency (OPD) it is meant for' }),
  status: Status,
  project_id: Type.Union([Type.Integer(), Type.Null()], { description: 'The project in /api/v1/projects' }),
  aspirations: Type.Integer({ description: 'How many aspirations it was assembled from' }),
  url: Type.String(),
});

const Query = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2200 })),
  dapil: Type.Optional(Type.Integer({ minimum: 1, maximum: 99 })),
});

export const pokirApiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const itemJson = (item: PokirItem) => ({
    id: item.id,
    year: item.year,
    title: item.title,
    description: item.description,
    dapil: item.dapil?.number ?? null,
    kecamatan: item.kecamatan?.name ?? null,
    kelurahan: item.kelurahan?.name ?? null,
    estimated_cost: item.estimatedCost,
    agency: item.agency,
    status: item.status,
    project_id: item.projectId,
    aspirations: item.sources,
    url: `${app.config.publicBaseUrl}/pokir/${item.id}`,
  });

  app.get(
    '/api/v1/pokir',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Reses and pokir'],
        summary: 'The council’s pokir of a year (the newest when none is asked), optionally of one dapil',
        querystring: Query,
        response: {
          200: Type.Object({ year: Type.Integer(), years: Type.Array(Type.Integer()), items: Type.Array(ItemJson) }),
        },
      },
    },
    async (request) => {
      const list = await listPokir(deps(app), { year: request.query.year, dapil: request.query.dapil });
      return { year: list.year, years: list.years, items: list.items.map(itemJson) };
    },
  );

  app.get(
    '/api/v1/pokir/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Reses and pokir'],
        summary: 'One pokir item: its steps and the aspirations it was assembled from',
        params: IdParams,
        response: {
          200: Type.Object({
            ...ItemJson.properties,
            steps: Type.Array(Type.Object({ status: Status, day: Type.String(), note: Type.String() })),
            aspiration_codes: Type.Array(Type.String()),
          }),
        },
      },
    },
    async (request) => {
      const record = await pokirRecord(deps(app), request.params.id);
      if (record === undefined) throw new NotFoundError('pokir');
      return {
        ...itemJson(record.item),
        steps: record.steps,
        aspiration_codes: record.sources.map((s) => s.code),
      };
    },
  );
};
