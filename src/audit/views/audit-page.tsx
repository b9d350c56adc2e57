/** /kelola/audit: the audit log, newest first, filtered by action, actor and dates. */
import type { ChainReport } from '../../platform/audit.ts';
import { formatDate, formatTime } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { Banner } from '../../platform/views/components.tsx';
import { TextField } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableWrap } from '../../platform/views/table-wrap.tsx';

export interface AuditRow {
  id: number;
  at: Date;
  actor_user_id: number | null;
  actor_role: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  ip: string | null;
  details: string;
}

export interface AuditPageProps {
  ctx: PageContext;
  rows: AuditRow[];
  chain: ChainReport;
  filter: { aksi: string; pelaku: string; dari: string; sampai: string };
  olderHref: string | undefined;
}

export function AuditPage({ ctx, rows, chain, filter, olderHref }: AuditPageProps) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('audit.title')}>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.lead')}</p>
      <Banner tone={chain.ok ? 'success' : 'error'}>
        <p>
          {chain.ok
            ? t('audit.chainOk', { n: chain.entries })
            : t('audit.chainBroken', { id: chain.brokenAt, reason: chain.reason })}
        </p>
      </Banner>
      <form method="get" action="/kelola/audit" class="panel filters">
        <TextField name="aksi" label={t('audit.action')} value={filter.aksi} maxLength={60} />
        <TextField
          name="pelaku"
          label={`${t('audit.who')} (id)`}
          value={filter.pelaku}
          maxLength={10}
          inputMode="numeric"
        />
        <div class="actions">
          <button type="submit">{t('audit.filter')}</button>
        </div>
      </form>
      {rows.length === 0 ? (
        <p>{t('audit.none')}</p>
      ) : (
        <TableWrap label={t('audit.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.subject')}</th>
                <th scope="col">{t('audit.ip')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.id}</td>
                  <td>{`${formatDate(r.at, lang)} ${formatTime(r.at, lang)}`}</td>
                  <td>{`${r.actor_role}${r.actor_user_id === null ? '' : ` #${r.actor_user_id}`}`}</td>
                  <td>
                    <code>{r.action}</code>
                    {r.details === '{}' ? null : <div class="muted">{r.details}</div>}
                  </td>
                  <td>{r.subject_type === null ? '–' : `${r.subject_type} ${r.subject_id ?? ''}`}</td>
                  <td>{r.ip ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {olderHref === undefined ? null : (
        <p>
          <a href={olderHref}>{t('audit.older')}</a>
        </p>
      )}
    </Layout>
  );
}
