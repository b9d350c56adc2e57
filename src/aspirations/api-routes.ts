/** /api/v1/aspirations: the public aspirations as JSON, the same data as the pages and Open311. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { getCouncil } from '../council/service.ts';
import { deps } from '../platform/auth.ts';
import { BadRequestError, NotFoundError } from '../platform/errors.tsx';
import {
  ApiCodeParams,
  ApiListQuery,
  type AspirationJson,
  AspirationListJson,
  AspirationJson as ItemSchema,
} from './schemas.ts';
import { isOpen, type PublicRecord, publicRecords } from './service.ts';

function toJson(record: PublicRecord, base: string): AspirationJson {
  const { view, latest } = record;
  return {
    code: view.code,
    url: `${base}/aspirasi/${view.code}`,
    kind: view.kind,
    status: view.status,
    open: isOpen(view.status),
    title: view.title,
    description: view.description,
    category: view.category === undefined ? null : { slug: view.category.slug, name: view.category.name },
    kecamatan: view.kecamatan?.name ?? null,
    kelurahan: view.kelurahan?.name ?? null,
    dapil: view.dapilNumber,
    komisi: view.komisi?.name ?? null,
    address: view.address,
    lat: view.lat,
    lon: view.lon,
    channel: view.channel,
    supporters: view.supporters,
    received_at: view.receivedAt.toISOString(),
    updated_at: view.updatedAt.toISOString(),
    resolved_at: view.resolvedAt?.toISOString() ?? null,
    due:
      view.deadline === null
        ? null
        : { step: view.deadline.step, date: view.deadline.due, working_days_left: view.deadline.daysLeft },
    rating: view.rating,
    latest_step: latest === undefined ? null : { kind: latest.kind, text: latest.body },
  };
}

export const aspirationApiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/aspirations',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Aspirations'],
        summary: 'Public aspirations, newest first; confidential reports and reporters are never included',
        querystring: ApiListQuery,
        response: { 200: AspirationListJson },
      },
    },
    async (request) => {
      const query = request.query;
      const structure = await getCouncil(app.db);
      const page = query.page ?? 1;
      const perPage = query.per_page ?? 20;
      const unknown = (what: string) => {
        throw new BadRequestError(`unknown ${what}`);
      };
      const categoryIds =
        query.category === undefined
          ? undefined
          : [structure.categories.find((c) => c.slug === query.category)?.id ?? unknown(`category ${query.category}`)];
      const kecamatanId =
        query.kecamatan === undefined
          ? undefined
          : (structure.kecamatan.find((k) => k.slug === query.kecamatan)?.id ??
            unknown(`kecamatan ${query.kecamatan}`));
      const dapilId =
        query.dapil === undefined
          ? undefined
          : (structure.dapil.find((d) => d.number === query.dapil)?.id ?? unknown(`dapil ${query.dapil}`));
      const { records, total, capped } = await publicRecords(deps(app), {
        kind: query.kind,
        categoryIds,
        kecamatanId,
        dapilId,
        status: query.status,
        q: query.q,
        limit: perPage,
        offset: (page - 1) * perPage,
      });
      return {
        data: records.map((r) => toJson(r, app.config.publicBaseUrl)),
        meta: { total, total_capped: capped, page, per_page: perPage },
      };
    },
  );

  app.get(
    '/api/v1/aspirations/:code',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Aspirations'],
        summary: 'One public aspiration by its tracking code',
        params: ApiCodeParams,
        response: { 200: ItemSchema },
      },
    },
    async (request) => {
      const { code } = request.params;
      const { records } = await publicRecords(deps(app), { codes: [code], limit: 1 });
      const record = records[0];
      if (record === undefined) throw new NotFoundError(`aspiration ${code}`);
      return toJson(record, app.config.publicBaseUrl);
    },
  );
};
