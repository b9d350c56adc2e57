/** /kelola/laporan: the kept monthly reports, newest first, each with its two files. */
import { formatDate, formatNumber, formatTime, monthOf } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { BackLink } from '../../platform/views/components.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableHead, TableWrap } from '../../platform/views/table-wrap.tsx';

export interface ReportRow {
  month: string;
  created_at: Date;
  recipients: number;
  pdf_bytes: number;
  xlsx_bytes: number;
}

const kilobytes = (bytes: number, ctx: PageContext) =>
  `${formatNumber(Math.max(1, Math.round(Number(bytes) / 1024)), ctx.lang)} KB`;

export function ReportsPage({ ctx, reports }: { ctx: PageContext; reports: ReportRow[] }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('reports.title')}>
      <BackLink href="/kelola">{t('nav.backOffice')}</BackLink>
      <h1>{t('reports.title')}</h1>
      <p>{t('reports.lead')}</p>
      {reports.length === 0 ? (
        <p>{t('reports.none')}</p>
      ) : (
        <TableWrap label={t('reports.title')}>
          <table>
            <TableHead columns={[t('reports.month'), t('reports.made'), t('reports.mailed'), t('reports.files')]} />
            <tbody>
              {reports.map((r) => {
                const made = new Date(r.created_at);
                return (
                  <tr key={r.month}>
                    <th scope="row">{monthOf(ctx, r.month)}</th>
                    <td>
                      {formatDate(made, lang)} {formatTime(made, lang)}
                    </td>
                    <td>{t('reports.mailedN', { n: formatNumber(r.recipients, lang) })}</td>
                    <td>
                      <a href={`/kelola/laporan/${r.month}.pdf`}>
                        {t('reports.pdf', { size: kilobytes(r.pdf_bytes, ctx) })}
                      </a>
                      {' · '}
                      <a href={`/kelola/laporan/${r.month}.xlsx`}>
                        {t('reports.xlsx', { size: kilobytes(r.xlsx_bytes, ctx) })}
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Layout>
  );
}
