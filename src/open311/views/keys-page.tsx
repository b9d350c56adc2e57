/** /kelola/open311: the applications allowed to post Open311 requests, and a form to add one. */
import { formatDate } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { BackLink, Button } from '../../platform/views/components.tsx';
import { CsrfField, ErrorSummary, TextField } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableHead, TableWrap } from '../../platform/views/table-wrap.tsx';

export interface KeysPageProps {
  ctx: PageContext;
  csrf: string;
  clients: { id: number; name: string; created_at: Date; last_used_at: Date | null; revoked_at: Date | null }[];
  newKey: string | undefined;
  error: string | undefined;
}

export function KeysPage({ ctx, csrf, clients, newKey, error }: KeysPageProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('open311.title')}>
      <BackLink href="/kelola">{t('nav.backOffice')}</BackLink>
      <h1>{t('open311.title')}</h1>
      <p class="lead">{t('open311.lead')}</p>
      <p>
        <a href="/open311/v2/discovery.json">/open311/v2/discovery.json</a>
      </p>
      {newKey === undefined ? null : (
        <div class="panel" role="status">
          <p>{t('open311.created')}</p>
          <p class="private-link">
            <code>{newKey}</code>
          </p>
        </div>
      )}
      <ErrorSummary ctx={ctx} errors={error === undefined ? {} : { name: error }} />
      {clients.length === 0 ? (
        <p>{t('open311.none')}</p>
      ) : (
        <TableWrap label={t('open311.title')}>
          <table>
            <TableHead
              columns={[t('open311.name'), t('open311.createdAt'), t('open311.lastUsed'), t('open311.state')]}
            />
            <tbody>
              {clients.map((c) => (
                <tr key={c.id}>
                  <td>{c.name}</td>
                  <td>{formatDate(c.created_at, ctx.lang)}</td>
                  <td>{c.last_used_at === null ? '—' : formatDate(c.last_used_at, ctx.lang)}</td>
                  <td>
                    {c.revoked_at === null ? (
                      <form method="post" action={`/kelola/open311/${c.id}/cabut`}>
                        <CsrfField token={csrf} />
                        <Button variant="secondary" label={t('open311.revokeOne', { name: c.name })}>
                          {t('open311.revoke')}
                        </Button>
                      </form>
                    ) : (
                      t('open311.revoked', { date: formatDate(c.revoked_at, ctx.lang) })
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h2>{t('open311.add')}</h2>
      <form method="post" action="/kelola/open311" novalidate>
        <CsrfField token={csrf} />
        <TextField name="name" label={t('open311.name')} hint={t('open311.nameHint')} error={error} maxLength={80} />
        <button type="submit">{t('open311.issue')}</button>
      </form>
    </Layout>
  );
}
