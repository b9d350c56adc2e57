/** /kelola/laporan: the monthly reports, each as a PDF and a workbook. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { deps } from '../platform/auth.ts';
import { NotFoundError } from '../platform/errors.tsx';
import { renderPage } from '../platform/render.tsx';
import { PageQuery } from '../platform/schemas.ts';
import { listReports, reportFile } from './service.ts';
import { ReportsPage } from './views/reports-page.tsx';

const FileParams = Type.Object({
  bulan: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' }),
  format: Type.Union([Type.Literal('pdf'), Type.Literal('xlsx')]),
});

const types = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = { access: 'reports.read' as const };
  app.get(
    '/kelola/laporan',
    { config: read, schema: { hide: true, querystring: PageQuery } },
    async (request, reply) => {
      const reports = await listReports(deps(app));
      return renderPage(request, reply, (ctx) => <ReportsPage ctx={ctx} reports={reports} />);
    },
  );

  app.get(
    '/kelola/laporan/:bulan.:format',
    { config: read, schema: { hide: true, params: FileParams } },
    async (request, reply) => {
      const { bulan, format } = request.params;
      const data = await reportFile(deps(app), bulan, format);
      if (data === undefined) throw new NotFoundError(`report ${bulan}`);
      return reply
        .type(types[format])
        .header(
          'content-disposition',
          `${format === 'pdf' ? 'inline' : 'attachment'}; filename="laporan-${bulan}.${format}"`,
        )
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(data));
    },
  );
};
