/** /kinerja (the public performance figures, filtered by query) and /kinerja.csv (each of its tables). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { deps } from '../platform/auth.ts';
import { csv } from '../platform/feeds.ts';
import { renderPage } from '../platform/render.tsx';
import { optionalText } from '../platform/schemas.ts';
import { type FilterInput, performanceView } from './service.ts';
import { PerformancePage } from './views/pages.tsx';

const Query = Type.Object({
  lang: optionalText(5),
  dari: optionalText(20),
  sampai: optionalText(20),
  komisi: optionalText(100),
  dapil: optionalText(10),
  kecamatan: optionalText(100),
  kategori: optionalText(100),
  kanal: optionalText(40),
});
const CsvQuery = Type.Object({
  ...Query.properties,
  /** Which table: month by month (the default), per komisi, or per kecamatan. */
  tabel: Type.Optional(Type.Union([Type.Literal('bulan'), Type.Literal('komisi'), Type.Literal('kecamatan')])),
});

/** The query of the same figures, for the CSV link. */
function queryOf(values: FilterInput): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== '') params.set(key, value);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export const performanceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/kinerja',
    { config: { access: 'public' }, schema: { hide: true, querystring: Query } },
    async (request, reply) => {
      const view = await performanceView(deps(app), request.query, request.t);
      return renderPage(
        request,
        reply,
        (ctx) => <PerformancePage ctx={ctx} view={view} csvLink={`/kinerja.csv${queryOf(view.values)}`} />,
        view.refused ? 400 : 200,
      );
    },
  );

  app.get(
    '/kinerja.csv',
    { config: { access: 'public' }, schema: { hide: true, querystring: CsvQuery } },
    async (request, reply) => {
      const view = await performanceView(deps(app), request.query, request.t, { ikm: false });
      const table = request.query.tabel ?? 'bulan';
      const header = [
        table,
        'diterima',
        'diverifikasi',
        'diverifikasi_tepat_waktu',
        'dijawab',
        'selesai',
        'selesai_tepat_waktu',
        'dibuka_kembali',
        'median_hari_verifikasi',
        'p90_hari_verifikasi',
        'median_hari_jawab',
        'p90_hari_jawab',
        'median_hari_selesai',
        'p90_hari_selesai',
      ];
      // Months in their order; komisi and kecamatan by name.
      const groups =
        table === 'bulan'
          ? view.figures.months.map((m) => ({ name: m.month, f: m.figures }))
          : (table === 'komisi'
              ? view.figures.byKomisi.map((g) => ({
                  name: g.komisiId === null ? '' : (view.names.komisi.get(g.komisiId) ?? ''),
                  f: g.figures,
                }))
              : view.figures.byKecamatan.map((g) => ({
                  name: view.names.kecamatan.get(g.kecamatanId) ?? '',
                  f: g.figures,
                }))
            ).sort((a, b) => a.name.localeCompare(b.name));
      const rows = groups.map(({ name, f }) => [
        name,
        f.received,
        f.verified,
        f.verifiedInTarget,
        f.answered,
        f.resolved,
        f.resolvedInTarget,
        f.reopened,
        f.toVerify.median,
        f.toVerify.p90,
        f.toAnswer.median,
        f.toAnswer.p90,
        f.toResolve.median,
        f.toResolve.p90,
      ]);
      return reply
        .code(view.refused ? 400 : 200)
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="kinerja-aspirasi-${table}.csv"`)
        .send(csv([header, ...rows]));
    },
  );
};
